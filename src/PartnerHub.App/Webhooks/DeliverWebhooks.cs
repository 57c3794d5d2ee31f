using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnerHub.App.Persistence;

namespace PartnerHub.App.Webhooks;

/// <summary>
/// One pass of the webhook worker: fans the outbox's new events out into one delivery per matching enabled
/// subscription, then makes every due attempt, recording each in the delivery log and scheduling the retry.
/// </summary>
public sealed class DeliverWebhooks(PartnerHubDb db, WebhookSettings settings, WebhookHttp http)
{
    // Events a fan-out transaction takes: its hold of SQLite's one write lock stays short, and the next batch is read
    // outside it, when waiting writers get their turn.
    private const int FanOutBatch = 1_000;

    // Due attempts read at a time; each is saved on its own.
    private const int SendBatch = 200;

    public async Task<int> HandleAsync(CancellationToken ct) => await FanOutAsync(ct) + await SendDueAsync(ct);

    /// <summary>
    /// Turns every waiting event into deliveries, a batch at a time, so a pass clears the outbox however fast events
    /// arrive (one small batch per pass fell behind at 40 events/s). A subscription receives the events that arrive while it is enabled.
    /// </summary>
    public async Task<int> FanOutAsync(CancellationToken ct)
    {
        List<WebhookSubscription>? subscriptions = null;
        var created = 0;
        for (var full = true; full;)
        {
            // Read before the transaction: on SQLite a transaction holds the one write lock from its start, and a pass with
            // the read inside it held the request writers back long enough to show as a slow second in every five
            // (docs/performance.md, sixteenth pass). Only this job takes events off the waiting list (one run at a time,
            // ADR 17), so what it read still waits when it writes.
            var waiting = await db.Set<WebhookWaiting>().AsNoTracking().OrderBy(w => w.OccurredAt).ThenBy(w => w.EventId).Take(FanOutBatch).ToListAsync(ct);
            if (waiting.Count == 0) break;
            subscriptions ??= await db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.Enabled).ToListAsync(ct);
            var now = db.Clock.GetUtcNow();
            foreach (var e in waiting)
                foreach (var s in subscriptions.Where(s => s.EventTypes.Contains(e.Type)))
                {
                    db.Add(new WebhookDelivery
                    {
                        Id = Guid.CreateVersion7(now), SubscriptionId = s.Id, EventId = e.EventId, EventType = e.Type, Status = WebhookDeliveryStatus.Pending,
                        NextAttemptAt = now, CreatedAt = now,
                    });
                    created++;
                }

            var ids = waiting.Select(e => e.EventId).ToList();
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await db.SaveChangesAsync(ct);
                await db.Set<WebhookWaiting>().Where(w => ids.Contains(w.EventId)).ExecuteDeleteAsync(ct);
                await transaction.CommitAsync(ct);
            }

            db.ChangeTracker.Clear(); // keep change detection proportional to one batch
            full = waiting.Count == FanOutBatch;
        }

        return created;
    }

    /// <summary>
    /// Makes every attempt that is due, oldest first, a batch at a time; each is saved on its own, so a crash never
    /// repeats many. A failed attempt is due again only later, so the pass ends.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var sent = 0;
        for (var full = true; full;)
        {
            var now = db.Clock.GetUtcNow();
            var due = await (from d in db.Set<WebhookDelivery>()
                             join s in db.Set<WebhookSubscription>() on d.SubscriptionId equals s.Id
                             where d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && s.Enabled
                             orderby d.NextAttemptAt, d.Id
                             select d).Take(SendBatch).ToListAsync(ct);
            foreach (var delivery in due) await AttemptAsync(delivery, ct);
            db.ChangeTracker.Clear();
            sent += due.Count;
            full = due.Count == SendBatch;
        }

        return sent;
    }

    private async Task AttemptAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        var subscription = await db.Set<WebhookSubscription>().FirstAsync(s => s.Id == delivery.SubscriptionId, ct);
        // The one outbox row serves every subscriber; it is never rewritten, so a retry sends the very same body.
        var payload = await db.Set<WebhookEvent>().Where(e => e.Id == delivery.EventId).Select(e => e.Payload).FirstAsync(ct);
        var now = db.Clock.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        var messageId = "msg_" + delivery.EventId.ToString("N");
        var url = new WebhookTargets(settings).ParseUrl(subscription.Url);
        var response = url.IsSuccess
            ? await http.SendAsync(url.Value, messageId, timestamp, WebhookSignature.Sign(subscription.Secret, messageId, timestamp, payload), payload, ct)
            : new WebhookHttp.Response(null, null, url.Error.Message, 0);

        delivery.Attempts++;
        db.Add(new WebhookAttempt
        {
            DeliveryId = delivery.Id, Number = delivery.Attempts, At = now, StatusCode = response.StatusCode, ResponseBody = response.Body,
            Error = Cap(response.Error), DurationMs = response.DurationMs, Succeeded = response.Succeeded,
        });
        (delivery.LastAttemptAt, delivery.LastStatusCode, delivery.LastError) = (now, response.StatusCode, Cap(response.Error));
        if (response.Succeeded)
        {
            delivery.Status = WebhookDeliveryStatus.Succeeded;
            subscription.RecordSuccess();
        }
        else
        {
            delivery.Retries++;
            if (settings.BackoffAfter(delivery.Retries) is { } wait) delivery.NextAttemptAt = now + wait;
            else delivery.Status = WebhookDeliveryStatus.Failed;
            subscription.RecordFailure(now, settings.DisableAfter, Cap(response.Error, 400) ?? "unknown error");
        }

        await db.SaveChangesAsync(ct);
    }

    private static string? Cap(string? text, int max = 1000) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>Runs <see cref="DeliverWebhooks"/> every <see cref="WebhookSettings.Interval"/>. One worker per database is assumed (see ADR 12).</summary>
public sealed class WebhookDeliveryService(IServiceScopeFactory scopes, TimeProvider clock, WebhookSettings settings, ILogger<WebhookDeliveryService> log)
    : PeriodicJob(scopes, clock, log)
{
    public override TimeSpan Interval => settings.Interval;

    protected override string Operation => "webhook-delivery";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => settings.WorkerEnabled ? base.ExecuteAsync(stoppingToken) : Task.CompletedTask;

    protected override async Task<(int, string?)> RunAsync(IServiceProvider services, CancellationToken ct) =>
        (await services.GetRequiredService<DeliverWebhooks>().HandleAsync(ct), null);
}
