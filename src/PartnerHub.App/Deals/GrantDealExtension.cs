using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>A partner manager grants the pending extension request: protection runs on from its old end.</summary>
public sealed class GrantDealExtension(PartnerHubDb db, DealIdentityIndex index, DealSettingsSource settings)
{
    public Task<Result<DealView>> HandleAsync(DealId id, string? reason, CancellationToken ct) =>
        DealTransition.RunAsync(db, index, settings, id, "decide extension requests",
            (d, terms, now, by) => d.GrantExtension(by, terms.Registration, now, reason), ct);
}
