using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>A partner manager denies the pending extension request, with a reason.</summary>
public sealed class DenyDealExtension(PartnerHubDb db, DealIdentityIndex index, DealSettingsSource settings)
{
    public Task<Result<DealView>> HandleAsync(DealId id, string reason, CancellationToken ct) =>
        DealTransition.RunAsync(db, index, settings, id, "decide extension requests", (d, _, now, by) => d.DenyExtension(by, reason, now), ct);
}
