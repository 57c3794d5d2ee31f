using PartnerHub.Core.Common;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Training;

/// <summary>What the vendor may schedule and who may still enrol in a live session or workshop.</summary>
public static class SessionRules
{
    public const int MaxCapacity = 10_000;

    public static Result Schedule(TrainingTrack track, string? delivery, DateTimeOffset startsAt, int capacity, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!track.NeedsSession) errors.Add("track", $"{track.Name} is self-paced ({string.Join(", ", track.Delivery)}); only live and workshop courses have sessions.");
        else if (delivery is null || !track.Delivery.Contains(delivery))
            errors.Add("delivery", $"Choose how the session is delivered: {string.Join(" or ", track.Delivery)}.");
        if (capacity is < 1 or > MaxCapacity) errors.Add("capacity", $"Give a capacity from 1 to {MaxCapacity}.");
        if (startsAt <= now) errors.Add("startsAt", "A session is scheduled in the future.");
        return errors.Any ? errors.ToError() : Result.Success;
    }

    public static Result Enrol(int capacity, int taken, DateTimeOffset startsAt, DateTimeOffset now)
    {
        if (startsAt <= now) return TrainingErrors.SessionPast();
        return taken >= capacity ? TrainingErrors.SessionFull(capacity) : Result.Success;
    }
}
