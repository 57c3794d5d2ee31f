using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>
/// One registration with its live conflict view while it still holds a customer. Vendor staff get every match (other
/// partners, their registrations, who wins under first-valid-registration); a partner user gets only
/// <see cref="ConflictResult.ForPartner"/>, which names no other party. A foreign id is not found, like a missing one.
/// </summary>
public sealed class GetDeal(PartnerHubDb db, DealIdentityIndex index, DealSettingsSource settings)
{
    public sealed record DealDetails(DealView Deal, ConflictResult? Conflicts, PartnerConflictView? PartnerConflicts);

    public async Task<Result<DealDetails>> HandleAsync(DealId id, CancellationToken ct)
    {
        var deal = await db.DealRegistrations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null) return DealErrors.NotFound(id);
        var terms = await settings.CurrentAsync(ct);
        var view = DealView.From(deal, terms.Registration, db.Clock.GetUtcNow());
        if (!deal.Status.IsActive()) return new DealDetails(view, null, null);

        var check = await index.CheckAsync(db, RegistrationCandidate.From(deal), ct);
        return db.Actor.PartnerScope is null ? new DealDetails(view, check, null) : new DealDetails(view, null, check.ForPartner());
    }
}
