using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PartnerHub.App.Standing;

/// <summary>Runs the tier watch (<see cref="WatchTiers"/>) at start and then hourly: tiers move at reviews, so an hour's delay is plenty.</summary>
public sealed class TierWatchService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TierWatchService> log) : PeriodicJob(scopes, clock, log)
{
    public override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string Operation => "tiers.watch";

    protected override async Task<(int Changed, string? Refusal)> RunAsync(IServiceProvider services, CancellationToken ct) =>
        (await services.GetRequiredService<WatchTiers>().HandleAsync(ct), null);
}
