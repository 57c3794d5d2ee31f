using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Webhooks;

public sealed record WebhookView(
    Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Description, bool Enabled, string? DisabledReason, DateTimeOffset? FailingSince,
    string Source, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version)
{
    public static WebhookView From(WebhookSubscription s) =>
        new(s.Id, s.Url, s.EventTypes, s.Description, s.Enabled, s.DisabledReason, s.FailingSince, s.Source, s.CreatedAt, s.UpdatedAt, s.Version);
}

/// <summary>The subscription and its secret, shown exactly once (at creation or rotation).</summary>
public sealed record WebhookWithSecret(WebhookView Subscription, string Secret);

public sealed record WebhookInput(string? Url, IReadOnlyList<string>? EventTypes, string? Description = null, bool? Enabled = null);

public sealed record WebhookAttemptView(int Number, DateTimeOffset At, int? StatusCode, string? ResponseBody, string? Error, long DurationMs, bool Succeeded);

public sealed record WebhookDeliveryView(
    Guid Id, Guid SubscriptionId, Guid EventId, string EventType, string Status, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError, IReadOnlyList<WebhookAttemptView> Log);

/// <summary>Subscriptions (console, API, CLI and REST hooks), their delivery log and manual redelivery. Vendor administrators only.</summary>
public sealed class ManageWebhooks(PartnerHubDb db, WebhookSettings settings)
{
    private readonly WebhookTargets _targets = new(settings);

    public async Task<IReadOnlyList<WebhookView>> ListAsync(CancellationToken ct) =>
        (await db.Set<WebhookSubscription>().AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(ct)).Select(WebhookView.From).ToList();

    public async Task<Result<WebhookView>> GetAsync(Guid id, CancellationToken ct) =>
        await db.Set<WebhookSubscription>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s ? WebhookView.From(s) : Error.NotFound("Webhook subscription", id);

    public async Task<Result<WebhookWithSecret>> CreateAsync(WebhookInput input, CancellationToken ct, string source = "api")
    {
        var valid = await ValidateAsync(input, null, ct);
        if (!valid.IsSuccess) return valid.Error;
        var (url, types, description) = valid.Value;
        var subscription = WebhookSubscription.Create(url, types, description, input.Enabled ?? true, source, db.Clock.GetUtcNow());
        db.Add(subscription);
        await db.SaveChangesAsync(ct);
        return new WebhookWithSecret(WebhookView.From(subscription), subscription.Secret);
    }

    public async Task<Result<WebhookView>> UpdateAsync(Guid id, WebhookInput input, int expectedVersion, CancellationToken ct)
    {
        var subscription = await db.Set<WebhookSubscription>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return Error.NotFound("Webhook subscription", id);
        if (subscription.Version != expectedVersion)
            return new Error("stale_version", $"Webhook subscription {id} is at version {subscription.Version}, not {expectedVersion}; read it again.", ErrorKind.Conflict);
        var valid = await ValidateAsync(input, id, ct);
        if (!valid.IsSuccess) return valid.Error;
        var (url, types, description) = valid.Value;
        subscription.Update(url, types, description, input.Enabled ?? subscription.Enabled, db.Clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return WebhookView.From(subscription);
    }

    /// <summary>Removes the subscription with its delivery log; events already in the outbox go to the others.</summary>
    public async Task<Result> DeleteAsync(Guid id, CancellationToken ct, string? onlyFromSource = null)
    {
        var subscription = await db.Set<WebhookSubscription>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null || (onlyFromSource is not null && subscription.Source != onlyFromSource)) return Error.NotFound("Webhook subscription", id);
        db.Remove(subscription);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }

    public async Task<Result<WebhookWithSecret>> RotateSecretAsync(Guid id, CancellationToken ct)
    {
        var subscription = await db.Set<WebhookSubscription>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return Error.NotFound("Webhook subscription", id);
        var secret = subscription.RotateSecret(db.Clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new WebhookWithSecret(WebhookView.From(subscription), secret);
    }

    /// <summary>A subscription's deliveries, newest first, each with its attempts.</summary>
    public async Task<Result<IReadOnlyList<WebhookDeliveryView>>> DeliveriesAsync(Guid id, int limit, CancellationToken ct)
    {
        if (!await db.Set<WebhookSubscription>().AnyAsync(s => s.Id == id, ct)) return Error.NotFound("Webhook subscription", id);
        var deliveries = await db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == id)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(Math.Clamp(limit, 1, 200)).ToListAsync(ct);
        var ids = deliveries.Select(d => d.Id).ToArray();
        var attempts = (await db.Set<WebhookAttempt>().AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(ct)).ToLookup(a => a.DeliveryId);
        return deliveries.Select(d => ViewOf(d, attempts[d.Id])).ToList();
    }

    /// <summary>Sends a delivery again from the start of the retry schedule, whatever its state.</summary>
    public async Task<Result<WebhookDeliveryView>> RedeliverAsync(Guid deliveryId, CancellationToken ct)
    {
        var delivery = await db.Set<WebhookDelivery>().FirstOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null) return Error.NotFound("Webhook delivery", deliveryId);
        var subscription = await db.Set<WebhookSubscription>().AsNoTracking().FirstAsync(s => s.Id == delivery.SubscriptionId, ct);
        if (!subscription.Enabled)
            return Error.Conflict("webhook_disabled", $"Subscription {subscription.Id} is disabled ({subscription.DisabledReason}); enable it before redelivering.");
        (delivery.Status, delivery.Retries, delivery.NextAttemptAt) = (WebhookDeliveryStatus.Pending, 0, db.Clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var attempts = await db.Set<WebhookAttempt>().AsNoTracking().Where(a => a.DeliveryId == deliveryId).ToListAsync(ct);
        return ViewOf(delivery, attempts);
    }

    private static WebhookDeliveryView ViewOf(WebhookDelivery d, IEnumerable<WebhookAttempt> attempts) => new(
        d.Id, d.SubscriptionId, d.EventId, d.EventType, d.Status.ToString().ToLowerInvariant(), d.Attempts, d.NextAttemptAt, d.CreatedAt, d.LastAttemptAt,
        d.LastStatusCode, d.LastError,
        attempts.OrderBy(a => a.Number).Select(a => new WebhookAttemptView(a.Number, a.At, a.StatusCode, a.ResponseBody, a.Error, a.DurationMs, a.Succeeded)).ToList());

    private async Task<Result<(string Url, string[] Types, string? Description)>> ValidateAsync(WebhookInput input, Guid? self, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var url = await _targets.ValidateAsync(input.Url, ct);
        if (!url.IsSuccess) errors.Merge("", url.Error);
        var types = (input.EventTypes ?? []).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (types.Length == 0) errors.Add("eventTypes", $"Choose at least one event type: {string.Join(", ", WebhookEventTypes.All)}.");
        foreach (var unknown in types.Except(WebhookEventTypes.All))
            errors.Add("eventTypes", $"Unknown event type '{unknown}'. Known: {string.Join(", ", WebhookEventTypes.All)}.");
        var description = Text.Line(errors, "description", input.Description, 500);
        if (url.IsSuccess && types.Length > 0)
        {
            var normalized = url.Value.AbsoluteUri;
            var sameUrl = await db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.Url == normalized && s.Id != self).ToListAsync(ct);
            if (sameUrl.Any(s => s.EventTypes.Order(StringComparer.Ordinal).SequenceEqual(types)))
                errors.Add("url", $"A subscription for {normalized} with the same event types exists already.");
        }

        if (errors.Any) return errors.ToError();
        return (url.Value.AbsoluteUri, types, description);
    }
}
