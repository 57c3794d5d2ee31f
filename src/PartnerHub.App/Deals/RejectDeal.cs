using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>A partner manager rejects a submitted registration, with a reason the partner sees.</summary>
public sealed class RejectDeal(PartnerHubDb db, DealIdentityIndex index, DealSettingsSource settings)
{
    public Task<Result<DealView>> HandleAsync(DealId id, string reason, CancellationToken ct) =>
        DealTransition.RunAsync(db, index, settings, id, "reject deal registrations", (d, _, now, by) => d.Reject(by, reason, now), ct);
}
