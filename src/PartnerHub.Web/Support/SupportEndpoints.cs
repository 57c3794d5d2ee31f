using Microsoft.AspNetCore.Http.HttpResults;
using PartnerHub.App.Identity;
using PartnerHub.App.Support;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Support;
using PartnerHub.Web.Common;

namespace PartnerHub.Web.Support;

/// <summary>
/// Technical support over HTTP. Partner users open tickets, reply and rate their own partner's tickets; the vendor's
/// support staff work the queue (reply, internal notes, escalate, close). A foreign ticket answers like a missing one.
/// </summary>
public static class SupportEndpoints
{
    /// <summary>A reply to the conversation, a note, an escalation reason or a closing answer; version is optional (stale → 412).</summary>
    public sealed record TextRequest(string? Text, int? Version);

    public sealed record RatingRequest(int? Rating, string? Comment);

    public static void MapSupportEndpoints(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapApi("/api/v1/support/tickets", "Support");
        tickets.MapGet("/", QueueAsync).RequireAuthorization(Permissions.SupportRead.Name)
            .WithSummary("The support queue with SLA clocks (first response, resolution: running, met, breached): ?status=open|answered|closed|active|all, ?partner, ?breached=true.");
        tickets.MapPost("/", OpenAsync).RequireAuthorization(Permissions.SupportWrite.Name)
            .WithSummary("Open a ticket { partnerId (vendor staff only), subject, description, level, channel }; the level and channel must be in the partner's tier.");
        tickets.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Permissions.SupportRead.Name)
            .WithSummary("One ticket with its conversation, targets and SLA clocks (ETag = version); internal notes for vendor staff only.");
        tickets.MapPost("/{id:guid}/replies", ReplyAsync).RequireAuthorization(Permissions.SupportWrite.Name)
            .WithSummary("Reply { text }. The vendor's first reply stops the first-response clock.");
        tickets.MapPost("/{id:guid}/notes", NoteAsync).RequireAuthorization(Permissions.SupportManage.Name)
            .WithSummary("Internal note { text }: vendor staff only, never shown to the partner.");
        tickets.MapPost("/{id:guid}/escalate", EscalateAsync).RequireAuthorization(Permissions.SupportManage.Name)
            .WithSummary("Escalate to the next level { text: reason }; up to the program's highest level, past the tier's maxLevel as an internal hand-over.");
        tickets.MapPost("/{id:guid}/close", CloseAsync).RequireAuthorization(Permissions.SupportManage.Name)
            .WithSummary("Resolve and close { text: answer to the partner (optional) }; stops the resolution clock.");
        tickets.MapPost("/{id:guid}/rating", RateAsync).RequireAuthorization(Permissions.SupportRate.Name)
            .WithSummary("The partner rates a closed ticket once { rating: 1–5, comment }; it counts as a satisfaction survey response.");

        var partners = app.MapApi("/api/v1/partners", "Support");
        partners.MapGet("/{id:guid}/support", KpisAsync).RequireAuthorization(Permissions.SupportRead.Name)
            .WithSummary("The partner's support KPIs over the trailing 12 months: median first response and resolution (business hours), satisfaction after close, share within SLA.");
    }

    private static async Task<Results<Ok<IReadOnlyList<TicketRow>>, ProblemHttpResult>> QueueAsync(string? status, Guid? partner, bool? breached,
        GetSupportQueue queue, CancellationToken ct)
    {
        var result = await queue.HandleAsync(status, partner is { } p ? new PartnerId(p) : null, breached ?? false, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<TicketView>, ProblemHttpResult>> OpenAsync(TicketInput input, OpenSupportTicket open, HttpContext context, CancellationToken ct)
    {
        var result = await open.HandleAsync(input, ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        Versions.SetETag(context, result.Value.Version);
        return TypedResults.Created($"/api/v1/support/tickets/{result.Value.Ticket.Id}", result.Value);
    }

    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> GetAsync(Guid id, GetSupportTicket get, HttpContext context, CancellationToken ct) =>
        Respond(await get.HandleAsync(new SupportTicketId(id), ct), context);

    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> ReplyAsync(Guid id, TextRequest body, ReplyToSupportTicket reply, HttpContext context, CancellationToken ct) =>
        Respond(await reply.HandleAsync(new SupportTicketId(id), body.Text, body.Version, ct), context);

    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> NoteAsync(Guid id, TextRequest body, AddSupportNote note, HttpContext context, CancellationToken ct) =>
        Respond(await note.HandleAsync(new SupportTicketId(id), body.Text, ct), context);

    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> EscalateAsync(Guid id, TextRequest? body, EscalateSupportTicket escalate, HttpContext context, CancellationToken ct) =>
        Respond(await escalate.HandleAsync(new SupportTicketId(id), body?.Text, body?.Version, ct), context);

    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> CloseAsync(Guid id, TextRequest? body, CloseSupportTicket close, HttpContext context, CancellationToken ct) =>
        Respond(await close.HandleAsync(new SupportTicketId(id), body?.Text, body?.Version, ct), context);

    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> RateAsync(Guid id, RatingRequest body, RateSupportTicket rate, HttpContext context, CancellationToken ct) =>
        Respond(await rate.HandleAsync(new SupportTicketId(id), body.Rating, body.Comment, ct), context);

    private static async Task<Results<Ok<GetSupportKpis.View>, ProblemHttpResult>> KpisAsync(Guid id, GetSupportKpis kpis, CancellationToken ct)
    {
        var result = await kpis.HandleAsync(new PartnerId(id), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static Results<Ok<TicketView>, ProblemHttpResult> Respond(Result<TicketView> result, HttpContext context)
    {
        if (!result.IsSuccess) return Problem(result.Error);
        Versions.SetETag(context, result.Value.Version);
        return TypedResults.Ok(result.Value);
    }

    /// <summary>As for partners (ADR 0004): a stale version is a failed precondition, 412; everything else maps as usual.</summary>
    private static ProblemHttpResult Problem(Error error) => error.Code == "stale_version"
        ? TypedResults.Problem(error.Message, statusCode: StatusCodes.Status412PreconditionFailed, title: "The record changed since you read it.",
            extensions: new Dictionary<string, object?> { ["code"] = error.Code })
        : error.ToProblem();
}
