using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartnerHub.App.Persistence;

namespace PartnerHub.App.Ledger;

/// <summary>
/// Runs <see cref="ReleaseHeldCommissions"/> at start and then every <see cref="Interval"/> on the app's
/// <see cref="TimeProvider"/>. Hourly rather than daily: a release is dated the day it runs, so a commission becomes
/// payable on the first run of the day it is due, whenever the server started. Added by <see cref="BackgroundJobs.AddPartnerHubJobs"/>.
/// </summary>
public sealed partial class CommissionReleaseService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CommissionReleaseService> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

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
            db.Actor.ActAs("system", "commission-release");
            var released = await scope.ServiceProvider.GetRequiredService<ReleaseHeldCommissions>().HandleAsync(ct);
            if (!released.IsSuccess)
            {
                Refused(log, released.Error.Message);
                return 0;
            }

            if (released.Value > 0) Released(log, released.Value);
            return released.Value;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(log, e);
            return 0;
        }
    }

    [LoggerMessage(LogLevel.Information, "Commission release: {Count} accrual(s) released to payable.")]
    private static partial void Released(ILogger log, int count);

    [LoggerMessage(LogLevel.Error, "Commission release refused: {Reason}")]
    private static partial void Refused(ILogger log, string reason);

    [LoggerMessage(LogLevel.Error, "Commission release run failed; retrying at the next interval.")]
    private static partial void Failed(ILogger log, Exception exception);
}
