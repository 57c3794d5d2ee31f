using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PartnerHub.App.Common;
using PartnerHub.App.Csv;
using PartnerHub.App.Identity;
using PartnerHub.App.Revenue;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Web.Common;

namespace PartnerHub.Web.Revenue;

/// <summary>
/// Revenue events from a CRM or billing system, exactly once: the Idempotency-Key header (or the event's id) makes a
/// replay return the first response, status and body; the same key with another body answers 422. Vendor staff and
/// integrations only: partner users neither send nor read events (they see their accruals on their statements).
/// </summary>
public static class RevenueEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>
    /// One event. <c>amount</c> is a positive number in major units (as a JSON number or string); the kind gives the
    /// direction. Attribution: <c>partner</c> (id, external id or domain), <c>dealRegistrationId</c>, <c>referralCode</c>,
    /// <c>customerDomain</c>, or the customer's earlier revenue; <c>refunds</c> names the payment a refund reverses.
    /// </summary>
    public sealed record RevenueEventRequest(
        string? Id, string? Kind, string? OccurredOn, JsonElement? Amount, string? Currency, string? Customer, string? CustomerDomain, string? Partner,
        string? DealRegistrationId, string? ReferralCode, string? Refunds, string? Source)
    {
        public RevenueEventInput ToInput() => new()
        {
            Id = Id, Kind = Kind, OccurredOn = OccurredOn, Amount = Text(Amount), Currency = Currency, Customer = Customer, CustomerDomain = CustomerDomain,
            Partner = Partner, DealRegistrationId = DealRegistrationId, ReferralCode = ReferralCode, Refunds = Refunds, Source = Source,
        };

        private static string? Text(JsonElement? value) => value switch
        {
            null => null,
            { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            { ValueKind: JsonValueKind.String } v => v.GetString(),
            { } v => v.GetRawText(),
        };
    }

    /// <summary>Who gets an unattributed event: a partner's id, external id or domain, and why (optional).</summary>
    public sealed record AttributeRequest(string? Partner, string? Note);

    public sealed record ReferralCodeRequest(Guid? PartnerId, string? Code);

    public static void MapRevenueEndpoints(this IEndpointRouteBuilder app)
    {
        var events = app.MapApi("/api/v1/revenue-events", "Revenue events");
        var read = Permissions.RevenueRead.Name;
        var write = Permissions.RevenueWrite.Name;
        events.MapPost("/", PostAsync).RequireAuthorization(write)
            .Produces<RevenueEventReceipt>(StatusCodes.Status201Created).Produces<RevenueEventReceipt>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Record one revenue event (booking, invoice, payment, refund, chargeback), attribute it and post its commission. Idempotent by the Idempotency-Key header or the event's id: a replay returns the original response; the same key with another body answers 422.");
        events.MapPost("/batch", BatchAsync).RequireAuthorization(write)
            .Produces<BatchReceipt>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Record up to 1,000 events, each as if sent alone (its id is its idempotency key); one result per item. An Idempotency-Key header keeps the whole response for replays.");
        // Cookie sessions are SameSite=Strict, so a cross-site form cannot post here; integrations use API keys.
        events.MapPost("/import", ImportAsync).RequireAuthorization(write).DisableAntiforgery()
            .WithSummary("Import events from CSV (columns external_id, kind, occurred_on, amount, …) or JSONL (one API body per line; a file named *.jsonl or *.ndjson) in multipart field 'file'; ?strict=true applies nothing if any row is bad, ?dryRun=true only reports.");
        events.MapGet("/", ListAsync).RequireAuthorization(read)
            .WithSummary("Revenue events, most recently received first: ?unattributed=true for the manual-attribution queue, ?partnerId, ?page, ?pageSize.");
        events.MapGet("/{id:long}", GetAsync).RequireAuthorization(read)
            .WithSummary("One event with the ledger transactions it caused (accruals with their explanations, or clawbacks).");
        events.MapPost("/{id:long}/attribute", AttributeAsync).RequireAuthorization(Permissions.RevenueAttribute.Name)
            .WithSummary("Attribute an unattributed event to a partner, once; its commission is posted at once. An attributed event answers 409.");

        var codes = app.MapApi("/api/v1/referral-codes", "Revenue events");
        codes.MapGet("/", ListCodesAsync).RequireAuthorization(Permissions.PartnersRead.Name)
            .WithSummary("Referral codes and the partners they attribute revenue to (?partnerId).");
        codes.MapPost("/", SaveCodeAsync).RequireAuthorization(Permissions.PartnersWrite.Name)
            .WithSummary("Give a partner a referral code (letters, digits, '-', '_'; case-insensitive). A code belongs to one partner for good.");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> PostAsync(RevenueEventRequest? request, IngestRevenueEvent ingest, HttpContext context, CancellationToken ct)
    {
        if (request is null) return Error.Validation("body", "Send the event as a JSON object.").ToProblem();
        var result = await ingest.HandleAsync(request.ToInput(), Header(context), ct);
        return Respond(result);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> BatchAsync(List<RevenueEventRequest?>? request, IngestRevenueEvent ingest, HttpContext context, CancellationToken ct)
    {
        if (request is null) return Error.Validation("events", "Send a JSON array of events.").ToProblem();
        var result = await ingest.BatchAsync(request.Select(r => r?.ToInput()!).ToList(), Header(context), ct);
        return Respond(result);
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Respond(Result<StoredResponse> result) =>
        result.IsSuccess ? TypedResults.Content(result.Value.Json, "application/json", Encoding.UTF8, result.Value.StatusCode) : result.Error.ToProblem();

    private static string? Header(HttpContext context) =>
        context.Request.Headers.TryGetValue(IdempotencyHeader, out var values) && values.Count > 0 ? values.ToString() : null;

    private static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ProblemHttpResult>> ImportAsync(
        IFormFile? file, [FromQuery] bool? strict, [FromQuery] bool? dryRun, ImportRevenueEvents import, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Error.Validation("file", "Upload a CSV or JSONL file in the multipart field 'file'.").ToProblem();
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var options = new ImportOptions(strict ?? false, dryRun ?? false);
        var jsonLines = file.FileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || file.FileName.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            || file.ContentType is "application/x-ndjson" or "application/jsonl";
        var result = jsonLines
            ? await import.JsonLinesAsync(buffer.ToArray(), options, null, ct)
            : await import.CsvAsync(buffer.ToArray(), options, null, ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        return result.Value.Applied || options.DryRun ? TypedResults.Ok(result.Value) : TypedResults.UnprocessableEntity(result.Value);
    }

    private static async Task<Results<Ok<Page<RevenueEventView>>, ProblemHttpResult>> ListAsync(
        string? unattributed, string? partnerId, string? page, string? pageSize, ListRevenueEvents list, CancellationToken ct)
    {
        var errors = new FieldErrors();
        bool? only = null;
        if (!string.IsNullOrWhiteSpace(unattributed))
        {
            if (bool.TryParse(unattributed, out var flag)) only = flag;
            else errors.Add("unattributed", "true or false.");
        }

        var partner = Query.Guid(errors, "partnerId", partnerId);
        var number = Query.Int(errors, "page", page, 1);
        var size = Query.Int(errors, "pageSize", pageSize, 50);
        if (errors.Any) return errors.ToError().ToProblem();
        var result = await list.HandleAsync(new RevenueEventQuery(only, partner is { } p ? new PartnerId(p) : null, number, size), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<RevenueEventReceipt>, ProblemHttpResult>> GetAsync(long id, GetRevenueEvent get, CancellationToken ct)
    {
        var result = await get.HandleAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<RevenueEventReceipt>, ProblemHttpResult>> AttributeAsync(long id, AttributeRequest? request, AttributeRevenueEvent attribute, CancellationToken ct)
    {
        var result = await attribute.HandleAsync(id, request?.Partner, request?.Note, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<IReadOnlyList<ReferralCodeView>>, ProblemHttpResult>> ListCodesAsync(string? partnerId, ListReferralCodes list, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var partner = Query.Guid(errors, "partnerId", partnerId);
        if (errors.Any) return errors.ToError().ToProblem();
        return TypedResults.Ok(await list.HandleAsync(partner is { } p ? new PartnerId(p) : null, ct));
    }

    private static async Task<Results<Ok<ReferralCodeView>, ProblemHttpResult>> SaveCodeAsync(ReferralCodeRequest? request, SaveReferralCode save, CancellationToken ct)
    {
        if (request?.PartnerId is not { } partner) return Error.Validation("partnerId", "Name the partner the code attributes revenue to.").ToProblem();
        var result = await save.HandleAsync(new PartnerId(partner), request.Code, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
