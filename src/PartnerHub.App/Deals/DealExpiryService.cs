using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartnerHub.App.Persistence;

namespace PartnerHub.App.Deals;

/// <summary>
/// Runs <see cref="ExpireDeals"/> at start and then every <see cref="Interval"/> on the app's <see cref="TimeProvider"/>,
/// so a registration loses its protection at most one interval after its window ends. Added by
/// <see cref="BackgroundJobs.AddPartnerHubJobs"/>; register it after the start-up tasks that migrate the database.
/// </summary>
public sealed partial class DealExpiryService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DealExpiryService> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
            db.Actor.ActAs("system", "expiry");
            var expired = await scope.ServiceProvider.GetRequiredService<ExpireDeals>().HandleAsync(ct);
            if (expired > 0) Expired(log, expired);
            return expired;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed run (database briefly away) must not stop the job: the next tick tries again.
            Failed(log, e);
            return 0;
        }
    }

    [LoggerMessage(LogLevel.Information, "Deal expiry: {Count} registration(s) expired.")]
    private static partial void Expired(ILogger log, int count);

    [LoggerMessage(LogLevel.Error, "Deal expiry run failed; retrying at the next interval.")]
    private static partial void Failed(ILogger log, Exception exception);
}
