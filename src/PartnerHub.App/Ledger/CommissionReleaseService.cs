using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PartnerHub.App.Ledger;

/// <summary>
/// Releases held commissions whose holding period has passed. Hourly rather than daily: a release is dated the day it
/// runs, so a commission becomes payable on the first run of the day it is due, whenever the server started.
/// </summary>
public sealed class CommissionReleaseService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CommissionReleaseService> log)
    : PeriodicJob(scopes, clock, log)
{
    public override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string Operation => "commission-release";

    protected override async Task<(int, string?)> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var released = await services.GetRequiredService<ReleaseHeldCommissions>().HandleAsync(ct);
        return released.IsSuccess ? (released.Value, null) : (0, released.Error.Message);
    }
}
