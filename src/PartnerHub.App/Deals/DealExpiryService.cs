using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PartnerHub.App.Deals;

/// <summary>Expires registrations whose protection window has ended, at most one interval late.</summary>
public sealed class DealExpiryService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DealExpiryService> log) : PeriodicJob(scopes, clock, log)
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    public override TimeSpan Interval => Every;

    protected override string Operation => "deal-expiry";

    protected override async Task<(int, string?)> RunAsync(IServiceProvider services, CancellationToken ct) =>
        (await services.GetRequiredService<ExpireDeals>().HandleAsync(ct), null);
}
