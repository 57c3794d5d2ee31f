using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Training;

namespace PartnerHub.App.Training;

/// <summary>The vendor schedules a live session or workshop of a course, with its date and capacity.</summary>
public sealed class ScheduleSession(PartnerHubDb db, ProgramStore programs)
{
    public sealed record Request(string? Track, string? Delivery, string? Title, DateTimeOffset? StartsAt, int? Capacity);

    public async Task<Result<SessionView>> HandleAsync(Request request, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "schedule training sessions") is { } denied) return denied;
        var program = (await programs.CurrentAsync(ct)).Program;
        var errors = new FieldErrors();
        var track = string.IsNullOrWhiteSpace(request.Track) ? null : program.FindTrack(request.Track.Trim());
        if (track is null) errors.Merge("", TrainingErrors.UnknownTrack(request.Track ?? "", program.Training.Tracks.Select(t => t.Key)));
        var title = Text.Line(errors, "title", request.Title, TrainingSession.MaxTitle, required: true);
        if (request.StartsAt is null) errors.Add("startsAt", "Give the date and time the session starts, like 2026-09-01T15:00:00Z.");
        if (request.Capacity is null) errors.Add("capacity", "Give how many partners the session takes.");
        var now = db.Clock.GetUtcNow();
        if (track is not null && request.StartsAt is { } startsAt && request.Capacity is { } capacity)
        {
            var rules = SessionRules.Schedule(track, request.Delivery?.Trim(), startsAt, capacity, now);
            if (!rules.IsSuccess) errors.Merge("", rules.Error);
        }

        if (errors.Any) return errors.ToError();
        var session = new TrainingSession
        {
            Id = Guid.CreateVersion7(now), Track = track!.Key, Delivery = request.Delivery!.Trim(), Title = title!, StartsAt = request.StartsAt!.Value.ToUniversalTime(),
            Capacity = request.Capacity!.Value, ScheduledBy = db.Actor.Name, ScheduledAt = now, Version = 1,
        };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        return TrainingReader.Session(session, program);
    }
}
