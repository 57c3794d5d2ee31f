using PartnerHub.App.Persistence;
using PartnerHub.App.Webhooks;

namespace PartnerHub.App.Demo;

/// <summary>
/// One webhook subscription so the console page shows what one looks like. It is disabled and points at a local
/// receiver (docs/operations.md), so starting the demo never sends a request anywhere.
/// </summary>
internal static class DemoWebhooks
{
    public const string Url = "http://127.0.0.1:8787/partnerhub-hooks";

    public static async Task LoadAsync(PartnerHubDb db, CancellationToken ct)
    {
        // Made directly rather than through ManageWebhooks: a loopback target is refused there unless allowed, and this
        // one is only a placeholder until an operator runs a receiver and allows it (Webhooks:AllowedHosts=127.0.0.1).
        db.Add(WebhookSubscription.Create(Url, [WebhookEventTypes.PartnerCreated, WebhookEventTypes.DealRegistered, WebhookEventTypes.DealDecided],
            "Demo: a local receiver (disabled until you run one)", enabled: false, source: "demo", db.Clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }
}
