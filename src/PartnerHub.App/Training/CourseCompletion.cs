using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Training;

/// <summary>
/// A course is complete when every module is, and — for live and workshop courses — the vendor recorded attendance at
/// the session. Completion writes the training fact the engine reads (source "portal") into the same table imports
/// fill, in the caller's save; a fact already there for the day (an import) is left as it is.
/// </summary>
internal static class CourseCompletion
{
    public static bool IsComplete(TrainingEnrolment enrolment, TrainingTrack track) =>
        track.Modules.All(m => enrolment.Modules.Any(c => c.Module == m.Name)) && (!track.NeedsSession || enrolment.AttendedAt is not null);

    /// <summary>Marks the enrolment complete and adds the fact when it just became complete; true if it did.</summary>
    public static async Task<bool> CompleteIfDoneAsync(PartnerHubDb db, TrainingEnrolment enrolment, TrainingTrack track, DateTimeOffset now, CancellationToken ct)
    {
        if (enrolment.CompletedAt is not null || !IsComplete(enrolment, track)) return false;
        enrolment.CompletedAt = now;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var exists = await db.Set<TrainingCompletionRecord>().AnyAsync(t => t.PartnerId == enrolment.PartnerId && t.Track == track.Key && t.CompletedOn == today, ct);
        if (!exists) db.Add(new TrainingCompletionRecord { PartnerId = enrolment.PartnerId, Track = track.Key, CompletedOn = today, Source = FactSources.Portal });
        return true;
    }

    /// <summary>Saves the change and raises the facts generation in one transaction, so cached facts never miss it.</summary>
    public static async Task SaveWithFactsAsync(PartnerHubDb db, bool factsChanged, CancellationToken ct)
    {
        if (!factsChanged)
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await FactWrites.BumpAsync(db, ct);
        await transaction.CommitAsync(ct);
    }
}
