using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PartnerHub.App.Audit;
using PartnerHub.App.Common;
using PartnerHub.App.Csv;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Web.Common;

namespace PartnerHub.Web.Partners;

public static class PartnerEndpoints
{
    public static void MapPartnerEndpoints(this IEndpointRouteBuilder app)
    {
        var partners = app.MapApi("/api/v1/partners", "Partners");
        var read = Permissions.PartnersRead.Name;
        var write = Permissions.PartnersWrite.Name;
        partners.MapGet("/", ListAsync).RequireAuthorization(read).WithSummary("List partners with paging, filters and sorting.");
        partners.MapGet("/{id:guid}", GetAsync).RequireAuthorization(read).WithSummary("Get one partner; the ETag header carries its version.");
        partners.MapPost("/", CreateAsync).RequireAuthorization(write).WithSummary("Create a partner.");
        partners.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(write)
            .WithSummary("Replace a partner's details; requires If-Match with the version you read.");
        partners.MapPost("/{id:guid}/archive", ArchiveAsync).RequireAuthorization(write)
            .WithSummary("Archive a partner (partners are never deleted); requires If-Match.");
        partners.MapGet("/{id:guid}/audit", AuditAsync).RequireAuthorization(read).WithSummary("A partner's audit trail, newest first.");
        // Cookie sessions are SameSite=Strict, so a cross-site form cannot post here; integrations use API keys.
        partners.MapPost("/import", ImportAsync).RequireAuthorization(write).DisableAntiforgery()
            .WithSummary("Import partners from a CSV file (multipart field 'file'); ?strict=true applies nothing if any row is bad, ?dryRun=true only reports.");
        partners.MapGet("/export", ExportAsync).RequireAuthorization(read).WithSummary("Export live partners as CSV in the import format.");
    }

    /// <summary>Query string of the list; numbers arrive as text so that a bad one is reported by name.</summary>
    public sealed record ListParameters(
        string? Search, string? Category, string? Subcategory, string? Stage, string? Owner, string? Tag,
        bool? IncludeArchived, string? Sort, string? Page, string? PageSize);

    private static async Task<Results<Ok<Page<PartnerView>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListParameters p, ListPartners list, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var page = ParseInt(errors, "page", p.Page, 1);
        var pageSize = ParseInt(errors, "pageSize", p.PageSize, 25);
        if (errors.Any) return errors.ToError().ToProblem();
        var result = await list.HandleAsync(new PartnerQuery
        {
            Search = p.Search, Category = p.Category, Subcategory = p.Subcategory, Stage = p.Stage, Owner = p.Owner, Tag = p.Tag,
            IncludeArchived = p.IncludeArchived ?? false, Sort = p.Sort, Page = page, PageSize = pageSize,
        }, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<PartnerView>, ProblemHttpResult>> GetAsync(
        Guid id, GetPartner get, HttpContext context, CancellationToken ct)
    {
        var result = await get.HandleAsync(new PartnerId(id), ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        Versions.SetETag(context, result.Value.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Created<PartnerView>, ProblemHttpResult>> CreateAsync(
        PartnerDetails details, SavePartner save, HttpContext context, CancellationToken ct)
    {
        var result = await save.CreateAsync(details, ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        Versions.SetETag(context, result.Value.Version);
        return TypedResults.Created($"/api/v1/partners/{result.Value.Id}", result.Value);
    }

    private static async Task<Results<Ok<PartnerView>, ProblemHttpResult>> UpdateAsync(
        Guid id, PartnerDetails details, SavePartner save, HttpContext context, CancellationToken ct)
    {
        if (!Versions.TryReadIfMatch(context.Request, out var version, out var problem)) return problem!;
        var result = await save.UpdateAsync(new PartnerId(id), details, version, ct);
        return Respond(result, context);
    }

    private static async Task<Results<Ok<PartnerView>, ProblemHttpResult>> ArchiveAsync(
        Guid id, SavePartner save, HttpContext context, CancellationToken ct)
    {
        if (!Versions.TryReadIfMatch(context.Request, out var version, out var problem)) return problem!;
        var result = await save.ArchiveAsync(new PartnerId(id), version, ct);
        return Respond(result, context);
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ProblemHttpResult>> AuditAsync(
        Guid id, GetAuditTrail trail, CancellationToken ct)
    {
        var result = await trail.ForPartnerAsync(new PartnerId(id), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ProblemHttpResult>> ImportAsync(
        IFormFile? file, [FromQuery] bool? strict, [FromQuery] bool? dryRun, ImportPartners import, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Error.Validation("file", "Upload a CSV file in the multipart field 'file'.").ToProblem();
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var report = await import.HandleAsync(buffer.ToArray(), new ImportOptions(strict ?? false, dryRun ?? false), null, ct);
        // Nothing applied although something was asked for: the client must look at the errors.
        return report.Applied || (dryRun ?? false) ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    private static async Task<FileContentHttpResult> ExportAsync(ExportPartners export, CancellationToken ct)
    {
        await using var text = new StringWriter();
        await export.HandleAsync(text, ct);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", "partners.csv");
    }

    private static Results<Ok<PartnerView>, ProblemHttpResult> Respond(Result<PartnerView> result, HttpContext context)
    {
        if (!result.IsSuccess)
        {
            // A stale If-Match is a failed precondition in HTTP terms.
            return result.Error.Code == "stale_version"
                ? TypedResults.Problem(result.Error.Message, statusCode: StatusCodes.Status412PreconditionFailed, title: "The partner changed since you read it.",
                    extensions: new Dictionary<string, object?> { ["code"] = result.Error.Code })
                : result.Error.ToProblem();
        }

        Versions.SetETag(context, result.Value.Version);
        return TypedResults.Ok(result.Value);
    }

    private static int ParseInt(FieldErrors errors, string field, string? text, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, out var value)) return value;
        errors.Add(field, $"'{text}' is not a whole number.");
        return fallback;
    }
}
