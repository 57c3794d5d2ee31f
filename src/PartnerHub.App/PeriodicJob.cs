using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartnerHub.App.Persistence;

namespace PartnerHub.App;

/// <summary>
/// A job that runs at start and then every <see cref="Interval"/> on the app's <see cref="TimeProvider"/>, each run in
/// its own scope acting as the system. A failed run (database briefly away) is logged and the next tick tries again.
/// With several hosts on one PostgreSQL database each run first takes the job's advisory lock (<see cref="ScaleOut.JobLock"/>),
/// so one instance at a time does the work and the others skip that tick.
/// </summary>
public abstract partial class PeriodicJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger log) : BackgroundService
{
    public abstract TimeSpan Interval { get; }

    /// <summary>The audit trail's name for what the job does.</summary>
    protected abstract string Operation { get; }

    /// <summary>One run: how many things it changed, or an error message when it refused to run.</summary>
    protected abstract Task<(int Changed, string? Refusal)> RunAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cadence = new Cadence(Interval, clock);
        while (true)
        {
            await RunOnceAsync(stoppingToken);
            await cadence.WaitAsync(stoppingToken);
        }
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
            db.Actor.ActAs("system", Operation);
            await using var held = await ScaleOut.JobLock.TryTakeAsync(db, Operation, ct);
            if (held is null)
            {
                Skipped(log, Operation);
                return 0;
            }

            var (changed, refusal) = await RunAsync(scope.ServiceProvider, ct);
            if (refusal is not null) Refused(log, Operation, refusal);
            else if (changed > 0) Changed(log, Operation, changed);
            return changed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(log, Operation, e);
            return 0;
        }
    }

    [LoggerMessage(LogLevel.Information, "{Operation}: {Count} change(s).")]
    private static partial void Changed(ILogger log, string operation, int count);

    [LoggerMessage(LogLevel.Debug, "{Operation}: another instance is running it; skipped.")]
    private static partial void Skipped(ILogger log, string operation);

    [LoggerMessage(LogLevel.Error, "{Operation} refused to run: {Reason}")]
    private static partial void Refused(ILogger log, string operation, string reason);

    [LoggerMessage(LogLevel.Error, "{Operation} failed; retrying at the next interval.")]
    private static partial void Failed(ILogger log, string operation, Exception exception);
}
