using System.Globalization;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Webhooks;

/// <summary>
/// Where PartnerHub sends signed events: a URL, the event types it wants and the secret that signs them. Created by an
/// administrator (console, API, CLI) or by a Zapier/Make-style platform through the REST-hook endpoints.
/// </summary>
public sealed class WebhookSubscription : IVendorOnly, IAudited
{
    private WebhookSubscription()
    {
    }

    public Guid Id { get; private set; }
    public string Url { get; private set; } = "";
    public List<string> EventTypes { get; private set; } = [];

    /// <summary><c>whsec_</c> + base64 of random bytes. Kept in clear because every delivery is signed with it; never listed.</summary>
    public string Secret { get; private set; } = "";

    public string? Description { get; private set; }
    public bool Enabled { get; private set; }

    /// <summary>Why the subscription is disabled: by whom, or the persistent failure that disabled it automatically.</summary>
    public string? DisabledReason { get; private set; }

    /// <summary>The first failed attempt of the current run of failures; cleared by any success. Drives auto-disabling.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    /// <summary>"api", "rest-hook", "demo": a REST-hook platform removes only what it created.</summary>
    public string Source { get; private set; } = "api";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    string IAudited.AuditEntity => "webhook-subscription";

    string IAudited.AuditId => Id.ToString();

    public static WebhookSubscription Create(string url, IReadOnlyList<string> eventTypes, string? description, bool enabled, string source, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), Url = url, EventTypes = [.. eventTypes], Secret = WebhookSignature.NewSecret(), Description = description,
        Enabled = enabled, DisabledReason = enabled ? null : "Created disabled.", Source = source, CreatedAt = now, UpdatedAt = now, Version = 1,
    };

    public void Update(string url, IReadOnlyList<string> eventTypes, string? description, bool enabled, DateTimeOffset now)
    {
        if (Url == url && EventTypes.SequenceEqual(eventTypes) && Description == description && Enabled == enabled) return;
        (Url, EventTypes, Description, UpdatedAt) = (url, [.. eventTypes], description, now);
        if (enabled != Enabled)
        {
            Enabled = enabled;
            // Re-enabling starts a fresh failure run: the receiver was presumably fixed.
            (DisabledReason, FailingSince) = enabled ? (null, null) : ("Disabled by an administrator.", FailingSince);
        }

        Version++;
    }

    public string RotateSecret(DateTimeOffset now)
    {
        Secret = WebhookSignature.NewSecret();
        UpdatedAt = now;
        Version++;
        return Secret;
    }

    public void RecordSuccess() => FailingSince = null;

    /// <summary>Counts a failed attempt; disables the subscription once it has failed without a success for <paramref name="disableAfter"/>.</summary>
    public bool RecordFailure(DateTimeOffset now, TimeSpan disableAfter, string lastError)
    {
        FailingSince ??= now;
        if (!Enabled || now - FailingSince < disableAfter) return false;
        Enabled = false;
        DisabledReason = string.Create(CultureInfo.InvariantCulture,
            $"Disabled automatically: every delivery failed since {FailingSince:yyyy-MM-dd HH:mm} UTC ({(now - FailingSince.Value).TotalDays:0.#} days). Last error: {lastError}");
        UpdatedAt = now;
        Version++;
        return true;
    }

    public IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["url"] = Url,
        ["eventTypes"] = string.Join(", ", EventTypes),
        ["description"] = Description,
        ["enabled"] = Enabled ? "true" : "false",
        ["disabledReason"] = DisabledReason,
        // The secret itself never enters the audit trail; its rotation does, as a new version.
        ["version"] = Version.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// The transactional outbox: one row per event, written by <see cref="PartnerHubDb.SaveChangesAsync(bool, CancellationToken)"/>
/// in the same transaction as the change it describes, and never changed. The worker fans it out into deliveries.
/// </summary>
public sealed class WebhookEvent
{
    public Guid Id { get; set; }
    public string Type { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The exact body every subscriber receives: <c>{ type, timestamp, data }</c>.</summary>
    public string Payload { get; set; } = "";
}

/// <summary>
/// An event the worker has not fanned out yet: written with the event, deleted by the fan-out. A narrow row of its own,
/// so that the fan-out deletes a few bytes per event instead of rewriting the event's whole row with its body.
/// </summary>
public sealed class WebhookWaiting
{
    public Guid EventId { get; set; }
    public string Type { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }

    public static WebhookWaiting For(WebhookEvent e) => new() { EventId = e.Id, Type = e.Type, OccurredAt = e.OccurredAt };
}

public enum WebhookDeliveryStatus
{
    Pending,
    Succeeded,

    /// <summary>Every scheduled attempt failed. An administrator can redeliver it.</summary>
    Failed,
}

/// <summary>One event for one subscription, with its retry state. The attempts are its log.</summary>
public sealed class WebhookDelivery : IVendorOnly
{
    public Guid Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public Guid EventId { get; set; }
    public string EventType { get; set; } = "";
    public WebhookDeliveryStatus Status { get; set; }

    /// <summary>Attempts made so far, over every (re)delivery: numbers the log.</summary>
    public int Attempts { get; set; }

    /// <summary>Failed attempts since the last (re)delivery: the position in the retry schedule.</summary>
    public int Retries { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
}

/// <summary>One HTTP attempt of a delivery, as the log shows it.</summary>
public sealed class WebhookAttempt : IVendorOnly
{
    public const int MaxBodyLength = 1000;

    public long Id { get; set; }
    public Guid DeliveryId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset At { get; set; }
    public int? StatusCode { get; set; }
    public string? ResponseBody { get; set; }
    public string? Error { get; set; }
    public long DurationMs { get; set; }
    public bool Succeeded { get; set; }
}

/// <summary>The outbox body of a typed event, written like <c>{ type, timestamp, data }</c> (see <see cref="WebhookOutbox.Event"/>).</summary>
/// <param name="Type">The event type, such as <c>partner.created</c>.</param>
/// <param name="Timestamp">When the change was saved.</param>
/// <param name="Data">The event's subject as subscribers see it.</param>
internal sealed record WebhookBody<T>(string Type, DateTimeOffset Timestamp, T Data);
