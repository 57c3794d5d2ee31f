using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PartnerHub.App.Identity;
using PartnerHub.App.Marketing;
using PartnerHub.App.Onboarding;
using PartnerHub.App.Standing;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Web.Common;

namespace PartnerHub.Web.Marketing;

/// <summary>
/// Enablement marketing over HTTP: the collateral library (a partner user lists and downloads only what its tier and
/// category allow) and co-marketing activities with market development funds (request, decide, claim with proof, pay).
/// </summary>
public static class MarketingEndpoints
{
    /// <summary>A co-marketing request: kind (from the program), title, proposal, planned date (yyyy-MM-dd) and amount asked (major units).</summary>
    public sealed record ActivityRequest(string? Kind, string? Title, string? Proposal, string? PlannedOn, string? Amount);

    /// <summary>A manager's decision on a request: approve (optionally for less than asked) or reject with a note.</summary>
    public sealed record ActivityDecision(bool Approve, string? Amount, string? Note);

    /// <summary>A manager's decision on a claim: approve (paid through the ledger) or reject with a note.</summary>
    public sealed record ClaimDecision(bool Approve, string? Note);

    public static void MapMarketingEndpoints(this IEndpointRouteBuilder app)
    {
        var collateral = app.MapApi("/api/v1/collateral", "Collateral");
        collateral.MapGet("/", ListAsync).RequireAuthorization(Permissions.CollateralRead.Name)
            .WithSummary("The collateral library: ?kind, ?tag. A partner user sees only the items its held tier and category allow, with its own download counts.");
        collateral.MapPost("/", AddAsync).RequireAuthorization(Permissions.CollateralManage.Name).DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Add an item: multipart form with title, kind (a program material), optional category, minTier, tags (comma-separated), description, and 'file'.");
        collateral.MapPost("/{id:guid}/versions", AddVersionAsync).RequireAuthorization(Permissions.CollateralManage.Name).DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Upload a new version of an item's file (multipart 'file', optional 'note'); it becomes the current one.");
        collateral.MapGet("/{id:guid}/download", DownloadAsync).RequireAuthorization(Permissions.CollateralRead.Name)
            .WithSummary("Download the current version (or ?version=n). A partner user's download counts as engagement; items above its tier are not found.");

        var partners = app.MapApi("/api/v1/partners", "Co-marketing");
        partners.MapGet("/{id:guid}/mdf", BudgetAsync).RequireAuthorization(Permissions.MdfRead.Name)
            .WithSummary("The partner's market development funds for the period of ?date (today by default): budget explained, committed, paid, available, activities.");
        partners.MapPost("/{id:guid}/mdf/activities", RequestAsync).RequireAuthorization(Permissions.MdfRequest.Name)
            .WithSummary("Request a co-marketing activity with the budget asked; it must fit what the period has available.");

        var mdf = app.MapApi("/api/v1/mdf/activities", "Co-marketing");
        mdf.MapGet("/", ActivitiesAsync).RequireAuthorization(Permissions.MdfRead.Name)
            .WithSummary("Co-marketing activities, newest first: ?status (requested, approved, rejected, claimed, claim-rejected, paid), ?partnerId.");
        mdf.MapGet("/{id:guid}", ActivityAsync).RequireAuthorization(Permissions.MdfRead.Name).WithSummary("One co-marketing activity.");
        mdf.MapPost("/{id:guid}/decision", DecideAsync).RequireAuthorization(Permissions.MdfDecide.Name)
            .WithSummary("Approve a request (for the amount asked or less, within the period's available funds) or reject it with a note.");
        mdf.MapPost("/{id:guid}/claim", ClaimAsync).RequireAuthorization(Permissions.MdfRequest.Name).DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Claim an approved activity's funds once it ran: multipart with amount, executedOn, optional note, and the proof of performance as 'file'.");
        mdf.MapPost("/{id:guid}/claim/decision", DecideClaimAsync).RequireAuthorization(Permissions.MdfDecide.Name)
            .WithSummary("Approve a claim (posted to the ledger as an MDF claim, paid with the next payout) or reject it with a note.");
        mdf.MapGet("/{id:guid}/proof", ProofAsync).RequireAuthorization(Permissions.MdfRead.Name).WithSummary("Download the claim's proof of performance.");
    }

    private static async Task<Results<Ok<CollateralLibrary>, ProblemHttpResult>> ListAsync(string? kind, string? tag, ListCollateral list, CancellationToken ct)
    {
        var result = await list.HandleAsync(kind, tag, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<CollateralView>, ProblemHttpResult>> AddAsync(AddCollateral add, HttpContext context, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType) return MarketingErrorsForForm();
        var form = await context.Request.ReadFormAsync(ct);
        var input = new NewCollateral(form["title"], form["kind"], Optional(form["category"]), Optional(form["minTier"]), form["tags"], form["description"]);
        var result = await add.HandleAsync(input, Upload(form.Files.GetFile("file")), ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/collateral/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<CollateralView>, ProblemHttpResult>> AddVersionAsync(Guid id, AddCollateralVersion add, HttpContext context, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType) return MarketingErrorsForForm();
        var form = await context.Request.ReadFormAsync(ct);
        var result = await add.HandleAsync(id, Upload(form.Files.GetFile("file")), form["note"], ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, int? version, DownloadCollateral download,
        HttpContext context, CancellationToken ct)
    {
        var result = await download.HandleAsync(id, version, ct);
        return result.IsSuccess ? File(context, result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<MdfBudgetView>, ProblemHttpResult>> BudgetAsync(Guid id, string? date, GetMdfBudget budget, CancellationToken ct)
    {
        var day = GetStanding.ParseAsOf(date, "date");
        if (!day.IsSuccess) return day.Error.ToProblem();
        var result = await budget.HandleAsync(new PartnerId(id), day.Value, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<MdfActivityView>, ProblemHttpResult>> RequestAsync(Guid id, [FromBody] ActivityRequest? body,
        RequestMdfActivity request, CancellationToken ct)
    {
        if (body is null) return Error.Validation("body", "Send JSON like { \"kind\": \"Joint Webinars\", \"title\": …, \"proposal\": …, \"plannedOn\": \"2026-12-10\", \"amount\": \"2500.00\" }.").ToProblem();
        var result = await request.HandleAsync(new PartnerId(id), new RequestMdfActivity.Input(body.Kind, body.Title, body.Proposal, body.PlannedOn, body.Amount), ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/mdf/activities/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<IReadOnlyList<MdfActivityView>>, ProblemHttpResult>> ActivitiesAsync(string? status, Guid? partnerId,
        ListMdfActivities list, CancellationToken ct)
    {
        var result = await list.HandleAsync(status, partnerId is { } p ? new PartnerId(p) : null, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<MdfActivityView>, ProblemHttpResult>> ActivityAsync(Guid id, GetMdfActivity get, CancellationToken ct) =>
        Ok(await get.HandleAsync(id, ct));

    private static async Task<Results<Ok<MdfActivityView>, ProblemHttpResult>> DecideAsync(Guid id, [FromBody] ActivityDecision? body, DecideMdfActivity decide,
        CancellationToken ct)
    {
        if (body is null) return Error.Validation("body", "Send JSON like { \"approve\": true, \"amount\": \"2000.00\", \"note\": \"…\" }.").ToProblem();
        return Ok(await decide.HandleAsync(id, new DecideMdfActivity.Input(body.Approve, body.Amount, body.Note), ct));
    }

    private static async Task<Results<Ok<MdfActivityView>, ProblemHttpResult>> ClaimAsync(Guid id, ClaimMdfActivity claim, HttpContext context, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType) return MarketingErrorsForForm();
        var form = await context.Request.ReadFormAsync(ct);
        var input = new ClaimMdfActivity.Input(form["amount"], form["executedOn"], form["note"]);
        return Ok(await claim.HandleAsync(id, input, Upload(form.Files.GetFile("file")), ct));
    }

    private static async Task<Results<Ok<MdfActivityView>, ProblemHttpResult>> DecideClaimAsync(Guid id, [FromBody] ClaimDecision? body, DecideMdfClaim decide,
        CancellationToken ct)
    {
        if (body is null) return Error.Validation("body", "Send JSON like { \"approve\": true, \"note\": \"…\" }.").ToProblem();
        return Ok(await decide.HandleAsync(id, new DecideMdfClaim.Input(body.Approve, body.Note), ct));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ProofAsync(Guid id, GetMdfProof proof, HttpContext context, CancellationToken ct)
    {
        var result = await proof.HandleAsync(id, ct);
        return result.IsSuccess ? File(context, result.Value) : result.Error.ToProblem();
    }

    private static Results<Ok<MdfActivityView>, ProblemHttpResult> Ok(Result<MdfActivityView> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();

    private static FileContentHttpResult File(HttpContext context, MarketingFile file)
    {
        // Uploaded files: never let a browser render them as something else.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["X-Content-SHA256"] = file.Sha256;
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static UploadedFile? Upload(IFormFile? file) => file is null
        ? null
        : new UploadedFile(file.FileName, file.ContentType, file.Length, async token =>
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, token);
            return buffer.ToArray();
        });

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static ProblemHttpResult MarketingErrorsForForm() =>
        Error.Validation("file", "Send a multipart/form-data form with the fields and the file as 'file'.").ToProblem();
}
