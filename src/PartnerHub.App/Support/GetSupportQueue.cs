using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Support;

namespace PartnerHub.App.Support;

/// <summary>
/// The support queue: tickets with their SLA clocks as of now, the ones waiting for the vendor first and the most urgent
/// (earliest due) at the top. Filters: status (open, answered, closed, active = not closed, all), partner, breached only.
/// A partner user's queue holds only its own partner's tickets.
/// </summary>
public sealed class GetSupportQueue(PartnerHubDb db, ProgramStore programs)
{
    public const int Limit = 500;

    public async Task<Result<IReadOnlyList<TicketRow>>> HandleAsync(string? status, PartnerId? partner, bool breachedOnly, CancellationToken ct)
    {
        var query = db.Set<SupportTicket>().AsNoTracking();
        switch (status?.Trim().ToLowerInvariant())
        {
            case null or "" or "all":
                break;
            case "active":
                query = query.Where(t => t.Status != TicketStatus.Closed);
                break;
            case var s when Enum.TryParse<TicketStatus>(s, ignoreCase: true, out var parsed) && !int.TryParse(s, out _):
                query = query.Where(t => t.Status == parsed);
                break;
            default:
                return Error.Validation("status", $"'{status}' is not a ticket status; use open, answered, closed, active or all.");
        }

        if (partner is { } p) query = query.Where(t => t.PartnerId == p);
        var tickets = await query.OrderByDescending(t => t.OpenedAt).Take(Limit).ToListAsync(ct);
        var ids = tickets.Select(t => t.PartnerId).Distinct().ToList();
        var names = await db.Partners.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var calendar = (await programs.CurrentAsync(ct)).Program.Support.BusinessHours;
        var now = db.Clock.GetUtcNow();
        var rows = tickets.Select(t => SupportReader.Row(t, names.GetValueOrDefault(t.PartnerId, ""), calendar, now))
            .Where(r => !breachedOnly || r.Breached)
            .OrderBy(r => r.Status == "open" ? 0 : r.Status == "answered" ? 1 : 2)
            .ThenBy(r => r.Status == "closed" ? DateTimeOffset.MaxValue : r.FirstResponse.State == "running" ? r.FirstResponse.DueAt ?? DateTimeOffset.MaxValue : r.Resolution.DueAt ?? DateTimeOffset.MaxValue)
            .ThenByDescending(r => r.OpenedAt)
            .ToList();
        return rows;
    }
}
