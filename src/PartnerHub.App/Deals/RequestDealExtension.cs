using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>The partner (or its manager on its behalf) asks for more protection time before the window closes.</summary>
public sealed class RequestDealExtension(PartnerHubDb db, DealIdentityIndex index, DealSettingsSource settings)
{
    public Task<Result<DealView>> HandleAsync(DealId id, string reason, CancellationToken ct) =>
        DealTransition.RunAsync(db, index, settings, id, null, (d, terms, now, _) => d.RequestExtension(reason, terms.Registration, now), ct);
}
