using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Training;

namespace PartnerHub.App.Training;

/// <summary>
/// The vendor records that a partner attended a session it enrolled in. A live or workshop course completes once
/// its modules are done and attendance is recorded, whichever comes last.
/// </summary>
public sealed class RecordAttendance(PartnerHubDb db, ProgramStore programs, CertificationAwarder awarder)
{
    public async Task<Result<SessionDetail>> HandleAsync(Guid sessionId, PartnerId partner, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "record attendance") is { } denied) return denied;
        var program = (await programs.CurrentAsync(ct)).Program;
        var session = await db.Set<TrainingSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null) return TrainingErrors.SessionNotFound(sessionId);
        var enrolment = await db.Set<TrainingEnrolment>().Include(e => e.Modules).FirstOrDefaultAsync(e => e.SessionId == sessionId && e.PartnerId == partner, ct);
        if (enrolment is null) return Error.Validation("partner", "That partner is not enrolled in this session.");
        var now = db.Clock.GetUtcNow();
        if (session.StartsAt > now) return Error.Validation("session", "Attendance is recorded once the session has started.");

        var completed = false;
        if (enrolment.AttendedAt is null)
        {
            enrolment.AttendedAt = now;
            enrolment.AttendanceBy = db.Actor.Name;
            var course = program.FindTrack(enrolment.Track);
            completed = course is not null && await CourseCompletion.CompleteIfDoneAsync(db, enrolment, course, now, ct);
            await CourseCompletion.SaveWithFactsAsync(db, completed, ct);
        }

        if (completed) await awarder.AwardIfEligibleAsync(partner, ct);
        return await GetSession.ReadAsync(db, program, sessionId, ct) is { } detail ? detail : TrainingErrors.SessionNotFound(sessionId);
    }
}
