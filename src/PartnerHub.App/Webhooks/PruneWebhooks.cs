using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnerHub.App.Persistence;

namespace PartnerHub.App.Webhooks;

/// <summary>
/// Keeps the outbox from growing without end (ADR 12): removes each event older than <see cref="WebhookSettings.Retention"/>
/// that nothing waits on any more, with its deliveries and their attempts. An event stays while it waits for the fan-out
/// or while any of its deliveries is pending (a retry due, a disabled subscription's backlog, a redelivery), so nothing
/// still to be sent is lost; a failed delivery older than that can no longer be redelivered.
/// </summary>
public sealed class PruneWebhooks(PartnerHubDb db, WebhookSettings settings)
{
    // Events a transaction removes: on SQLite it holds the one write lock, so each stays short.
    private const int Batch = 1_000;

    /// <summary>How many events it removed.</summary>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        if (settings.Retention is not { } retention) return 0;
        var cutoff = db.Clock.GetUtcNow() - retention;
        // An event's id is a version 7 GUID of its instant, so the old ones come first in the primary key.
        var before = Guid.CreateVersion7(cutoff);
        var removed = 0;
        for (var full = true; full;)
        {
            // Read outside the transaction, as the fan-out does; the deletes check again what they rely on.
            var ids = await Settled(db.Set<WebhookEvent>().Where(e => e.Id < before && e.OccurredAt < cutoff))
                .OrderBy(e => e.Id).Select(e => e.Id).Take(Batch).ToListAsync(ct);
            if (ids.Count == 0) break;
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                // Their attempts go with them: the attempts' foreign key cascades.
                await db.Set<WebhookDelivery>().Where(d => ids.Contains(d.EventId) && d.Status != WebhookDeliveryStatus.Pending).ExecuteDeleteAsync(ct);
                // A delivery redelivered meanwhile is pending again: it keeps its event.
                removed += await Settled(db.Set<WebhookEvent>().Where(e => ids.Contains(e.Id)))
                    .Where(e => !db.Set<WebhookDelivery>().Any(d => d.EventId == e.Id)).ExecuteDeleteAsync(ct);
                await transaction.CommitAsync(ct);
            }

            full = ids.Count == Batch;
        }

        return removed;
    }

    /// <summary>Events the fan-out is done with and no delivery of which is pending.</summary>
    private IQueryable<WebhookEvent> Settled(IQueryable<WebhookEvent> events) => events
        .Where(e => !db.Set<WebhookWaiting>().Any(w => w.EventId == e.Id))
        .Where(e => !db.Set<WebhookDelivery>().Any(d => d.EventId == e.Id && d.Status == WebhookDeliveryStatus.Pending));
}

/// <summary>Runs <see cref="PruneWebhooks"/> hourly where the webhook worker runs, unless retention is off.</summary>
public sealed class WebhookRetentionService(IServiceScopeFactory scopes, TimeProvider clock, WebhookSettings settings, ILogger<WebhookRetentionService> log)
    : PeriodicJob(scopes, clock, log)
{
    public override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string Operation => "webhook-retention";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        settings.WorkerEnabled && settings.Retention is not null ? base.ExecuteAsync(stoppingToken) : Task.CompletedTask;

    protected override async Task<(int, string?)> RunAsync(IServiceProvider services, CancellationToken ct) =>
        (await services.GetRequiredService<PruneWebhooks>().HandleAsync(ct), null);
}
