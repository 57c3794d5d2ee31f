using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>
/// The partner managers' overdue list: submissions and extension requests still undecided past the program's
/// response-time target, most overdue first. Partner users see only their own (scope filter).
/// </summary>
public sealed class OverdueDeals(PartnerHubDb db, DealSettingsSource settings)
{
    public enum Awaiting
    {
        Decision,
        ExtensionDecision,
    }

    public sealed record Item(DealView Deal, Awaiting Awaiting, DateTimeOffset DueAt, TimeSpan OverdueBy);

    public async Task<IReadOnlyList<Item>> HandleAsync(int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var terms = await settings.CurrentAsync(ct);
        var now = db.Clock.GetUtcNow();
        var target = TimeSpan.FromHours(terms.Registration.ManagerResponseHours);
        var askedBefore = now - target;

        var deals = await db.DealRegistrations.AsNoTracking()
            .Where(d => (d.Status == DealStatus.Submitted && d.SubmittedAt < askedBefore)
                || (d.Status == DealStatus.Approved && d.ExtensionPendingSince < askedBefore))
            .OrderBy(d => d.Status == DealStatus.Submitted ? d.SubmittedAt : d.ExtensionPendingSince)
            .Take(limit)
            .ToListAsync(ct);

        return deals.Select(d =>
            {
                var (awaiting, asked) = d.Status == DealStatus.Submitted ? (Awaiting.Decision, d.SubmittedAt) : (Awaiting.ExtensionDecision, d.ExtensionPendingSince!.Value);
                var due = asked + target;
                return new Item(DealView.From(d, terms.Registration, now), awaiting, due, now - due);
            })
            .ToList();
    }
}
