using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PartnerHub.App.Csv;
using PartnerHub.App.Facts;
using PartnerHub.App.Identity;
using PartnerHub.App.Standing;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Web.Common;

namespace PartnerHub.Web.Facts;

public static class FactEndpoints
{
    public static void MapFactEndpoints(this IEndpointRouteBuilder app)
    {
        var facts = app.MapApi("/api/v1/facts", "Facts");
        var read = Permissions.FactsRead.Name;
        var write = Permissions.FactsWrite.Name;
        facts.MapGet("/", Kinds).RequireAuthorization(read).WithSummary("Every fact kind with its columns and natural key.");
        facts.MapGet("/{kind}", ListAsync).RequireAuthorization(read)
            .WithSummary("Facts of one kind, oldest first, as rows of the kind's CSV columns; filter by ?partner=ID&from=&to=.");
        facts.MapPost("/{kind}", AddAsync).RequireAuthorization(write)
            .WithSummary("Add or update facts of one kind: a JSON array of rows whose properties are the kind's columns. ?strict=true applies nothing if any row is bad, ?dryRun=true only reports.");
        // Cookie sessions are SameSite=Strict, so a cross-site form cannot post here; integrations use API keys.
        facts.MapPost("/{kind}/import", ImportAsync).RequireAuthorization(write).DisableAntiforgery()
            .WithSummary("Import facts of one kind from a CSV file (multipart field 'file'); ?strict=true applies nothing if any row is bad, ?dryRun=true only reports.");
    }

    public sealed record KindView(string Key, string Description, IReadOnlyList<FactColumn> Columns, IReadOnlyList<string> NaturalKey);

    private static Ok<List<KindView>> Kinds() =>
        TypedResults.Ok(FactKinds.All.Select(k => new KindView(k.Key, k.Description, k.Columns, k.NaturalKey)).ToList());

    private static async Task<Results<Ok<FactPage>, ProblemHttpResult>> ListAsync(
        string kind, [FromQuery] Guid? partner, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? page, [FromQuery] string? pageSize,
        ListFacts list, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var fromDate = Date(errors, "from", from);
        var toDate = Date(errors, "to", to);
        var pageNumber = Int(errors, "page", page, 1);
        var size = Int(errors, "pageSize", pageSize, 100);
        if (errors.Any) return errors.ToError().ToProblem();
        var result = await list.HandleAsync(new FactQuery(kind, partner is { } p ? new PartnerId(p) : null, fromDate, toDate, pageNumber, size), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ProblemHttpResult>> AddAsync(
        string kind, List<Dictionary<string, JsonElement>> rows, [FromQuery] bool? strict, [FromQuery] bool? dryRun, ImportFacts import, CancellationToken ct)
    {
        if (rows.Count > 10_000) return Error.Validation("rows", "At most 10,000 rows per request; import larger sets as CSV.").ToProblem();
        var items = rows.Select(r => (IReadOnlyDictionary<string, string?>)r.ToDictionary(c => c.Key, c => Text(c.Value), StringComparer.Ordinal)).ToList();
        var result = await import.RowsAsync(kind, items, new ImportOptions(strict ?? false, dryRun ?? false), ct);
        return Respond(result, dryRun ?? false);
    }

    private static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ProblemHttpResult>> ImportAsync(
        string kind, IFormFile? file, [FromQuery] bool? strict, [FromQuery] bool? dryRun, ImportFacts import, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Error.Validation("file", "Upload a CSV file in the multipart field 'file'.").ToProblem();
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var result = await import.CsvAsync(kind, buffer.ToArray(), new ImportOptions(strict ?? false, dryRun ?? false), null, ct);
        return Respond(result, dryRun ?? false);
    }

    private static Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ProblemHttpResult> Respond(Result<ImportReport> result, bool dryRun)
    {
        if (!result.IsSuccess) return result.Error.ToProblem();
        // Nothing applied although something was asked for: the client must look at the errors.
        return result.Value.Applied || dryRun ? TypedResults.Ok(result.Value) : TypedResults.UnprocessableEntity(result.Value);
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    private static DateOnly? Date(FieldErrors errors, string field, string? text)
    {
        var parsed = GetStanding.ParseAsOf(text, field);
        if (parsed.IsSuccess) return parsed.Value;
        errors.Merge("", parsed.Error);
        return null;
    }

    private static int Int(FieldErrors errors, string field, string? text, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, out var value)) return value;
        errors.Add(field, $"'{text}' is not a whole number.");
        return fallback;
    }
}
