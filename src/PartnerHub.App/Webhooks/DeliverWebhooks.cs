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
    private const int Batch = 200;

    public async Task<int> HandleAsync(CancellationToken ct) => await FanOutAsync(ct) + await SendDueAsync(ct);

    /// <summary>Turns waiting events into deliveries. A subscription receives the events that arrive while it is enabled.</summary>
    public async Task<int> FanOutAsync(CancellationToken ct)
    {
        var events = await db.Set<WebhookEvent>().Where(e => e.DispatchedAt == null).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Take(Batch).ToListAsync(ct);
        if (events.Count == 0) return 0;
        var subscriptions = await db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.Enabled).ToListAsync(ct);
        var now = db.Clock.GetUtcNow();
        var created = 0;
        foreach (var e in events)
        {
            foreach (var s in subscriptions.Where(s => s.EventTypes.Contains(e.Type)))
            {
                db.Add(new WebhookDelivery
                {
                    Id = Guid.CreateVersion7(now), SubscriptionId = s.Id, EventId = e.Id, EventType = e.Type, Status = WebhookDeliveryStatus.Pending,
                    NextAttemptAt = now, CreatedAt = now,
                });
                created++;
            }

            e.DispatchedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return created;
    }

    /// <summary>Makes the attempts that are due, oldest first; each is saved on its own, so a crash never repeats many.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        var due = await (from d in db.Set<WebhookDelivery>()
                         join s in db.Set<WebhookSubscription>() on d.SubscriptionId equals s.Id
                         where d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && s.Enabled
                         orderby d.NextAttemptAt, d.Id
                         select d).Take(Batch).ToListAsync(ct);
        foreach (var delivery in due) await AttemptAsync(delivery, ct);
        return due.Count;
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
