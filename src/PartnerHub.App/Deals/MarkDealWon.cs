using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>
/// Vendor staff (or the CRM through them) record that a protected deal closed won. Vendor only: a won deal is what
/// commissions follow, so a partner cannot declare its own win.
/// </summary>
public sealed class MarkDealWon(PartnerHubDb db, DealIdentityIndex index, DealSettingsSource settings)
{
    public Task<Result<DealView>> HandleAsync(DealId id, string? reason, CancellationToken ct) =>
        DealTransition.RunAsync(db, index, settings, id, "mark deals won", (d, _, now, by) => d.MarkWon(now, by, reason), ct);
}
