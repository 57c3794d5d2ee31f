using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Support;

namespace PartnerHub.App.Support;

/// <summary>One ticket with its conversation and SLA clocks; internal notes for vendor staff only. A foreign ticket is not found.</summary>
public sealed class GetSupportTicket(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<TicketView>> HandleAsync(SupportTicketId id, CancellationToken ct)
    {
        var ticket = await db.Set<SupportTicket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null) return SupportErrors.NotFound(id);
        return await SupportReader.ViewAsync(db, ticket, (await programs.CurrentAsync(ct)).Program, ct);
    }
}
