using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Training;

namespace PartnerHub.App.Training;

/// <summary>
/// A partner user enrols its organization in a course; live and workshop courses at a session with places left. The
/// session's place count and the enrolment are saved together, and the count's concurrency token refuses the enrolment
/// that would race past capacity.
/// </summary>
public sealed class EnrolInCourse(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<CourseView>> HandleAsync(string track, Guid? sessionId, CancellationToken ct)
    {
        if (db.Actor.PartnerScope is not { } partner) return Error.Validation("partner", "Only a partner's users enrol; vendor staff schedule sessions.");
        var program = (await programs.CurrentAsync(ct)).Program;
        if (program.FindTrack(track) is not { } course) return TrainingErrors.UnknownTrack(track, program.Training.Tracks.Select(t => t.Key));
        if (await db.Set<TrainingEnrolment>().AnyAsync(e => e.PartnerId == partner && e.Track == course.Key, ct)) return TrainingErrors.AlreadyEnrolled(course.Key);

        var now = db.Clock.GetUtcNow();
        TrainingSession? session = null;
        if (course.NeedsSession)
        {
            if (sessionId is not { } id) return TrainingErrors.SessionNeeded(course);
            session = await db.Set<TrainingSession>().FirstOrDefaultAsync(s => s.Id == id && s.Track == course.Key, ct);
            if (session is null) return Error.Validation("session", $"Course '{course.Key}' has no session {id}.");
            var open = SessionRules.Enrol(session.Capacity, session.Taken, session.StartsAt, now);
            if (!open.IsSuccess) return open.Error;
            session.Taken++;
            session.Version++;
        }
        else if (sessionId is not null) return TrainingErrors.NoSessionForSelfPaced(course);

        db.Add(new TrainingEnrolment { PartnerId = partner, Track = course.Key, SessionId = session?.Id, EnrolledAt = now, EnrolledBy = db.Actor.Name });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("session_changed", "Someone else enrolled in this session at the same moment; reload it to see the places left and try again.");
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return TrainingErrors.AlreadyEnrolled(course.Key);
        }

        return (await TrainingReader.CoursesAsync(db, program, partner, ct)).First(c => c.Key == course.Key);
    }
}
