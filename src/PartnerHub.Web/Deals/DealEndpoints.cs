using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PartnerHub.App.Common;
using PartnerHub.App.Csv;
using PartnerHub.App.Deals;
using PartnerHub.App.Identity;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;
using PartnerHub.Web.Common;

namespace PartnerHub.Web.Deals;

/// <summary>
/// Deal registration over HTTP. A partner user registers for, lists and reads only its own organization's deals (the
/// partner comes from the caller, never from the body) and sees a conflict only as THAT the customer is taken; vendor
/// staff name the partner and get the full conflict view with the other registrations and who wins.
/// </summary>
public static class DealEndpoints
{
    public sealed record ContactJson(string? Name, string? Email);

    /// <summary>A registration. <c>partnerId</c> is for vendor staff and integrations; a partner user leaves it out.</summary>
    public sealed record DealRegistrationRequest(
        Guid? PartnerId, string? ExternalId, string? CustomerName, string? CustomerDomain, ContactJson? Contact, string? Product,
        string? EstimatedValue, string? Currency, DateOnly? ExpectedCloseOn, string? Notes)
    {
        public DealRegistrationDetails ToDetails() => new()
        {
            ExternalId = ExternalId, CustomerName = CustomerName, CustomerDomain = CustomerDomain, ContactName = Contact?.Name,
            ContactEmail = Contact?.Email, Product = Product, EstimatedValue = EstimatedValue, Currency = Currency,
            ExpectedCloseOn = ExpectedCloseOn, Notes = Notes,
        };
    }

    /// <summary>Why a decision or step was taken; required to reject, deny an extension or request one.</summary>
    public sealed record ReasonRequest(string? Reason);

    /// <summary>One registration. <c>conflicts</c> is the manager's view (vendor staff only); <c>partnerConflicts</c> is what a partner user sees.</summary>
    public sealed record DealResponse(DealView Deal, ConflictView? Conflicts, PartnerConflictView? PartnerConflicts);

    public sealed record ListParameters(string? Status, string? PartnerId, string? Search, string? Sort, string? Page, string? PageSize);

    public static void MapDealEndpoints(this IEndpointRouteBuilder app)
    {
        var deals = app.MapApi("/api/v1/deals", "Deals");
        var read = Permissions.DealsRead.Name;
        var register = Permissions.DealsRegister.Name;
        var decide = Permissions.DealsDecide.Name;
        deals.MapGet("/", ListAsync).RequireAuthorization(read)
            .WithSummary("List deal registrations: ?status=submitted|approved|rejected|won|lost|expired, ?partnerId, ?search, ?sort, ?page, ?pageSize. A partner user's list holds only its own.");
        deals.MapGet("/overdue", OverdueAsync).RequireAuthorization(read)
            .WithSummary("Submissions and extension requests undecided past the program's response target, most overdue first (?limit, default 100).");
        deals.MapGet("/{id:guid}", GetAsync).RequireAuthorization(read)
            .WithSummary("One registration with its history and live conflict view; a partner user gets the partner-safe view that names no other party.");
        deals.MapPost("/", RegisterAsync).RequireAuthorization(register)
            .WithSummary("Register a deal. A partner user registers for its own organization; vendor staff and integrations name partnerId. A customer already protected answers 409.");
        deals.MapPost("/{id:guid}/approve", (Guid id, [FromBody] ReasonRequest? body, ApproveDeal use, CancellationToken ct) => RespondAsync(use.HandleAsync(new DealId(id), body?.Reason, ct)))
            .RequireAuthorization(decide).WithSummary("Approve a submitted registration: its protection window starts now. Refused when an earlier registration or a direct customer holds the customer.");
        deals.MapPost("/{id:guid}/reject", (Guid id, [FromBody] ReasonRequest? body, RejectDeal use, CancellationToken ct) => RespondAsync(use.HandleAsync(new DealId(id), body?.Reason ?? "", ct)))
            .RequireAuthorization(decide).WithSummary("Reject a submitted registration with a reason the partner sees.");
        deals.MapPost("/{id:guid}/extension-request", (Guid id, [FromBody] ReasonRequest? body, RequestDealExtension use, CancellationToken ct) => RespondAsync(use.HandleAsync(new DealId(id), body?.Reason ?? "", ct)))
            .RequireAuthorization(register).WithSummary("Ask for more protection time before the window closes, with a reason.");
        deals.MapPost("/{id:guid}/extension/grant", (Guid id, [FromBody] ReasonRequest? body, GrantDealExtension use, CancellationToken ct) => RespondAsync(use.HandleAsync(new DealId(id), body?.Reason, ct)))
            .RequireAuthorization(decide).WithSummary("Grant the pending extension request: protection runs on from its old end by the program's extension days.");
        deals.MapPost("/{id:guid}/extension/deny", (Guid id, [FromBody] ReasonRequest? body, DenyDealExtension use, CancellationToken ct) => RespondAsync(use.HandleAsync(new DealId(id), body?.Reason ?? "", ct)))
            .RequireAuthorization(decide).WithSummary("Deny the pending extension request, with a reason.");
        deals.MapPost("/{id:guid}/won", (Guid id, [FromBody] ReasonRequest? body, MarkDealWon use, CancellationToken ct) => RespondAsync(use.HandleAsync(new DealId(id), body?.Reason, ct)))
            .RequireAuthorization(decide).WithSummary("Record that a protected deal closed won (vendor staff or the CRM's integration).");
        deals.MapPost("/{id:guid}/lost", (Guid id, [FromBody] ReasonRequest? body, MarkDealLost use, CancellationToken ct) => RespondAsync(use.HandleAsync(new DealId(id), body?.Reason, ct)))
            .RequireAuthorization(register).WithSummary("Record that a protected deal was lost; the customer is free again.");
        // Cookie sessions are SameSite=Strict, so a cross-site form cannot post here; integrations use API keys.
        deals.MapPost("/import", ImportAsync).RequireAuthorization(register).DisableAntiforgery()
            .WithSummary("Import registrations from CSV (multipart field 'file'); ?strict=true applies nothing if any row is bad, ?dryRun=true only reports. A partner user may leave out partner_domain.");

        app.MapApi("/api/v1/customers", "Deals").MapPost("/", SaveCustomerAsync).RequireAuthorization(Permissions.CustomersWrite.Name)
            .WithSummary("Record or update one of the vendor's direct customers by its CRM reference; registrations naming it become conflicts.");
    }

    private static async Task<Results<Ok<Page<DealView>>, ProblemHttpResult>> ListAsync([AsParameters] ListParameters p, ListDeals list, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var page = Query.Int(errors, "page", p.Page, 1);
        var pageSize = Query.Int(errors, "pageSize", p.PageSize, 25);
        var partner = Query.Guid(errors, "partnerId", p.PartnerId);
        if (errors.Any) return errors.ToError().ToProblem();
        var result = await list.HandleAsync(new DealQuery
        {
            Status = p.Status, PartnerId = partner is { } g ? new PartnerId(g) : null, Search = p.Search, Sort = p.Sort, Page = page, PageSize = pageSize,
        }, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<IReadOnlyList<OverdueDeals.Item>>, ProblemHttpResult>> OverdueAsync(string? limit, OverdueDeals overdue, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var take = Query.Int(errors, "limit", limit, 100);
        if (!errors.Any && take is < 1 or > 500) errors.Add("limit", "Between 1 and 500.");
        if (errors.Any) return errors.ToError().ToProblem();
        return TypedResults.Ok(await overdue.HandleAsync(take, ct));
    }

    private static async Task<Results<Ok<DealResponse>, ProblemHttpResult>> GetAsync(Guid id, GetDeal get, DescribeConflicts describe, HttpContext context, CancellationToken ct)
    {
        var result = await get.HandleAsync(new DealId(id), ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        var details = result.Value;
        Versions.SetETag(context, details.Deal.Version);
        return TypedResults.Ok(new DealResponse(details.Deal, await describe.ForManagerAsync(details.Conflicts, ct), details.PartnerConflicts));
    }

    private static async Task<Results<Created<RegisterDeal.Registered>, ProblemHttpResult>> RegisterAsync(
        DealRegistrationRequest request, RegisterDeal register, Actor actor, HttpContext context, CancellationToken ct)
    {
        PartnerId partner;
        if (actor.PartnerScope is { } own)
        {
            // The partner comes from the caller. Naming another one is refused without saying whether it exists.
            if (request.PartnerId is { } named && named != own.Value)
                return Error.Validation("partnerId", "A partner user registers deals for their own organization; leave partnerId out.").ToProblem();
            partner = own;
        }
        else if (request.PartnerId is { } named) partner = new PartnerId(named);
        else return Error.Validation("partnerId", "Name the partner that registers the deal (partnerId).").ToProblem();

        var result = await register.HandleAsync(partner, request.ToDetails(), ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        Versions.SetETag(context, result.Value.Deal.Version);
        return TypedResults.Created($"/api/v1/deals/{result.Value.Deal.Id}", result.Value);
    }

    private static async Task<Results<Ok<DealView>, ProblemHttpResult>> RespondAsync(Task<Result<DealView>> transition)
    {
        var result = await transition;
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ProblemHttpResult>> ImportAsync(
        IFormFile? file, [FromQuery] bool? strict, [FromQuery] bool? dryRun, ImportDeals import, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Error.Validation("file", "Upload a CSV file in the multipart field 'file'.").ToProblem();
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var report = await import.HandleAsync(buffer.ToArray(), new ImportOptions(strict ?? false, dryRun ?? false), null, ct);
        return report.Applied || (dryRun ?? false) ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    public sealed record CustomerRequest(string? Reference, string? Name, string? Domain);

    private static async Task<Results<Ok<SaveCustomer.Saved>, ProblemHttpResult>> SaveCustomerAsync(CustomerRequest request, SaveCustomer save, CancellationToken ct)
    {
        var result = await save.HandleAsync(request.Reference!, request.Name!, request.Domain, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
