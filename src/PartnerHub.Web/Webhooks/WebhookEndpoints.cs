using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PartnerHub.App.Identity;
using PartnerHub.App.Webhooks;
using PartnerHub.Core.Common;
using PartnerHub.Web.Common;

namespace PartnerHub.Web.Webhooks;

/// <summary>Webhook subscriptions, their delivery logs and redelivery; and REST-hook subscribe/unsubscribe for Zapier/Make-style platforms.</summary>
public static class WebhookEndpoints
{
    /// <summary>The REST-hook convention's body: the platform's URL and the one event it wants.</summary>
    public sealed record RestHookRequest([property: JsonPropertyName("target_url")] string? TargetUrl, [property: JsonPropertyName("event")] string? Event);

    public sealed record RestHookCreated(Guid Id, string Secret);

    public static void MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var manage = Permissions.WebhooksManage.Name;
        var hooks = app.MapApi("/api/v1/webhooks", "Webhooks").RequireAuthorization(manage);
        hooks.MapGet("/", (ManageWebhooks m, CancellationToken ct) => m.ListAsync(ct)).WithSummary("Every webhook subscription (secrets are never listed).");
        hooks.MapPost("/", CreateAsync).WithSummary($"Subscribe a URL to event types ({string.Join(", ", WebhookEventTypes.All)}). The answer holds the signing secret, shown only this once.");
        hooks.MapGet("/{id:guid}", GetAsync).WithSummary("One subscription; the ETag header carries its version.");
        hooks.MapPut("/{id:guid}", UpdateAsync).WithSummary("Replace a subscription's URL, event types, description and enabled state; requires If-Match with the version you read.");
        hooks.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Remove a subscription and its delivery log.");
        hooks.MapPost("/{id:guid}/rotate-secret", RotateAsync).WithSummary("Replace the signing secret; the new one is shown only this once and signs every later attempt.");
        hooks.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithSummary("The delivery log, newest first (?limit ≤ 200): each delivery's status and attempts with status code, response (truncated), error and duration.");
        hooks.MapPost("/deliveries/{deliveryId:guid}/redeliver", RedeliverAsync).WithSummary("Send a delivery again now, from the start of the retry schedule.");

        var rest = app.MapApi("/api/v1/hooks", "Webhooks").RequireAuthorization(manage);
        rest.MapPost("/subscribe", SubscribeAsync).WithSummary("REST-hook subscribe (Zapier, Make): {\"target_url\", \"event\"} → {\"id\", \"secret\"}.");
        rest.MapDelete("/{id:guid}", UnsubscribeAsync).WithSummary("REST-hook unsubscribe: removes a subscription created through /subscribe.");
    }

    private static async Task<Results<Created<WebhookWithSecret>, ProblemHttpResult>> CreateAsync(WebhookInput input, ManageWebhooks m, HttpContext context, CancellationToken ct)
    {
        var result = await m.CreateAsync(input, ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        Versions.SetETag(context, result.Value.Subscription.Version);
        return TypedResults.Created($"/api/v1/webhooks/{result.Value.Subscription.Id}", result.Value);
    }

    private static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> GetAsync(Guid id, ManageWebhooks m, HttpContext context, CancellationToken ct) =>
        Respond(await m.GetAsync(id, ct), context);

    private static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> UpdateAsync(Guid id, WebhookInput input, ManageWebhooks m, HttpContext context, CancellationToken ct)
    {
        if (!Versions.TryReadIfMatch(context.Request, out var version, out var problem)) return problem!;
        return Respond(await m.UpdateAsync(id, input, version, ct), context);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ManageWebhooks m, CancellationToken ct)
    {
        var result = await m.DeleteAsync(id, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<WebhookWithSecret>, ProblemHttpResult>> RotateAsync(Guid id, ManageWebhooks m, HttpContext context, CancellationToken ct)
    {
        var result = await m.RotateSecretAsync(id, ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        Versions.SetETag(context, result.Value.Subscription.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Ok<IReadOnlyList<WebhookDeliveryView>>, ProblemHttpResult>> DeliveriesAsync(Guid id, [FromQuery] string? limit, ManageWebhooks m, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var n = Query.Int(errors, "limit", limit, 50);
        if (errors.Any) return errors.ToError().ToProblem();
        var result = await m.DeliveriesAsync(id, n, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<WebhookDeliveryView>, ProblemHttpResult>> RedeliverAsync(Guid deliveryId, ManageWebhooks m, CancellationToken ct)
    {
        var result = await m.RedeliverAsync(deliveryId, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<RestHookCreated>, ProblemHttpResult>> SubscribeAsync(RestHookRequest body, ManageWebhooks m, CancellationToken ct)
    {
        var result = await m.CreateAsync(new WebhookInput(body.TargetUrl, body.Event is null ? [] : [body.Event], "REST hook"), ct, source: "rest-hook");
        if (!result.IsSuccess) return RenameFields(result.Error).ToProblem();
        return TypedResults.Created($"/api/v1/hooks/{result.Value.Subscription.Id}", new RestHookCreated(result.Value.Subscription.Id, result.Value.Secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnsubscribeAsync(Guid id, ManageWebhooks m, CancellationToken ct)
    {
        var result = await m.DeleteAsync(id, ct, onlyFromSource: "rest-hook");
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    /// <summary>Field errors named as the REST-hook caller named its fields.</summary>
    private static Error RenameFields(Error error) => error.Fields is null
        ? error
        : error with { Fields = error.Fields.ToDictionary(f => f.Key switch { "url" => "target_url", "eventTypes" => "event", _ => f.Key }, f => f.Value) };

    private static Results<Ok<WebhookView>, ProblemHttpResult> Respond(Result<WebhookView> result, HttpContext context)
    {
        if (!result.IsSuccess)
            return result.Error.Code == "stale_version"
                ? TypedResults.Problem(result.Error.Message, statusCode: StatusCodes.Status412PreconditionFailed, title: "It changed since you read it.",
                    extensions: new Dictionary<string, object?> { ["code"] = result.Error.Code })
                : result.Error.ToProblem();
        Versions.SetETag(context, result.Value.Version);
        return TypedResults.Ok(result.Value);
    }
}
