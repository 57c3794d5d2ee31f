using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Support;

namespace PartnerHub.App.Support;

/// <summary>
/// A partner's support KPIs over its tickets opened in the trailing twelve months: median first-response and resolution
/// time in business hours, satisfaction after close, share of closed tickets within SLA, breaches. A partner user reads
/// only its own; any other partner is not found.
/// </summary>
public sealed class GetSupportKpis(PartnerHubDb db, ProgramStore programs)
{
    public sealed record View(Guid PartnerId, DateOnly From, DateOnly To, string BusinessHours, SupportKpis Kpis);

    public async Task<Result<View>> HandleAsync(PartnerId id, CancellationToken ct)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == id, ct)) return PartnerErrors.NotFound(id);
        var now = db.Clock.GetUtcNow();
        var since = now.AddYears(-1);
        var tickets = await db.Set<SupportTicket>().AsNoTracking().Where(t => t.PartnerId == id && t.OpenedAt >= since).ToListAsync(ct);
        var calendar = (await programs.CurrentAsync(ct)).Program.Support.BusinessHours;
        var outcomes = tickets.Select(t =>
        {
            var first = SupportReader.FirstResponse(t, calendar, now);
            var resolution = SupportReader.Resolution(t, calendar, now);
            return new TicketOutcome(
                t.FirstResponseAt is null ? null : first.Elapsed,
                t.ClosedAt is null ? null : resolution.Elapsed,
                Judged(first.State), Judged(resolution.State), t.Rating);
        }).ToList();
        var kpis = SupportKpis.Compute(outcomes, tickets.Count(t => t.Status != TicketStatus.Closed));
        return new View(id.Value, DateOnly.FromDateTime(since.UtcDateTime), DateOnly.FromDateTime(now.UtcDateTime), calendar.Describe(), kpis);
    }

    /// <summary>Met or breached count; a clock still running inside its target is not judged yet.</summary>
    private static bool? Judged(SlaState state) => state switch
    {
        SlaState.Met => true,
        SlaState.Breached => false,
        _ => null,
    };
}
