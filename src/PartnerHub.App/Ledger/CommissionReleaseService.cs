using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PartnerHub.App.Ledger;

/// <summary>
/// Charges the fees of new certification awards and releases held commissions whose holding period has passed. Hourly rather than daily: a release is dated the day it
/// runs, so a commission becomes payable on the first run of the day it is due, whenever the server started.
/// </summary>
public sealed class CommissionReleaseService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CommissionReleaseService> log)
    : PeriodicJob(scopes, clock, log)
{
    public override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string Operation => "commission-release";

    protected override async Task<(int, string?)> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        // Fees for certifications awarded since the last run first, then releases.
        var fees = await services.GetRequiredService<Commissions.ChargeCertificationFees>().HandleAsync(ct);
        if (!fees.IsSuccess) return (0, fees.Error.Message);
        var released = await services.GetRequiredService<ReleaseHeldCommissions>().HandleAsync(ct);
        return released.IsSuccess ? (fees.Value + released.Value, null) : (fees.Value, released.Error.Message);
    }
}
