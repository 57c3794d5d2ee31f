using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>The partner or vendor staff record that a protected deal was lost; the customer is free again.</summary>
public sealed class MarkDealLost(PartnerHubDb db, DealIdentityIndex index, DealSettingsSource settings)
{
    public Task<Result<DealView>> HandleAsync(DealId id, string? reason, CancellationToken ct) =>
        DealTransition.RunAsync(db, index, settings, id, null, (d, _, now, by) => d.MarkLost(now, by, reason), ct);
}
