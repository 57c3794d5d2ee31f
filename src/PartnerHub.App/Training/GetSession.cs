using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Programs;
using PartnerHub.Core.Training;

namespace PartnerHub.App.Training;

/// <summary>A session with the partners enrolled and their attendance: the vendor's view.</summary>
public sealed class GetSession(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<SessionDetail>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "read a session's attendees") is { } denied) return denied;
        var program = (await programs.CurrentAsync(ct)).Program;
        return await ReadAsync(db, program, id, ct) is { } detail ? detail : TrainingErrors.SessionNotFound(id);
    }

    internal static async Task<SessionDetail?> ReadAsync(PartnerHubDb db, PartnerProgram program, Guid id, CancellationToken ct)
    {
        var session = await db.Set<TrainingSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) return null;
        var attendees = await db.Set<TrainingEnrolment>().AsNoTracking().Where(e => e.SessionId == id)
            .Join(db.Partners, e => e.PartnerId, p => p.Id, (e, p) => new { e.PartnerId, p.Name, e.EnrolledAt, e.AttendedAt }).ToListAsync(ct);
        return new SessionDetail(TrainingReader.Session(session, program),
            attendees.OrderBy(a => a.Name).Select(a => new Attendee(a.PartnerId.Value, a.Name, a.EnrolledAt, a.AttendedAt)).ToList());
    }
}
