using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using PartnerHub.App.Identity;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Programs;
using PartnerHub.Web.Common;

namespace PartnerHub.Web.Programs;

/// <summary>The partner program over HTTP: read versions, validate a file, compare, publish. Program files travel as YAML text.</summary>
public static class ProgramEndpoints
{
    public sealed record VersionSummary(int Number, string Label, string Name, DateOnly EffectiveFrom, DateTimeOffset PublishedAt, string PublishedBy, string Sha256);

    public sealed record CurrentProgram(VersionSummary Version, PartnerProgram Program);

    public sealed record ValidationReport(bool Valid, IReadOnlyList<ProgramProblem> Problems);

    public sealed record Comparison(string From, string To, IReadOnlyList<string> Changes);

    private const long MaxYamlBytes = 2_000_000;

    public static void MapProgramEndpoints(this IEndpointRouteBuilder app)
    {
        var program = app.MapApi("/api/v1/program", "Program");
        var read = Permissions.ProgramRead.Name;
        program.MapGet("/", CurrentAsync).RequireAuthorization(read).WithSummary("The program in force today (or ?asOf=YYYY-MM-DD), with its version.");
        program.MapGet("/versions", VersionsAsync).RequireAuthorization(read).WithSummary("Every published version, newest first.");
        program.MapGet("/versions/{number:int}", YamlAsync).RequireAuthorization(read).WithSummary("A version's YAML exactly as published.");
        program.MapGet("/diff", DiffAsync).RequireAuthorization(read).WithSummary("Readable changes between two versions: ?from=1&to=2.");
        program.MapPost("/validate", ValidateAsync).RequireAuthorization(read).Accepts<string>("application/yaml")
            .WithSummary("Validate a program file (YAML body); every problem with line and column.");
        program.MapPost("/simulate", SimulateAsync).RequireAuthorization(read).Accepts<string>("application/yaml")
            .WithSummary("What-if: evaluate a candidate program file (YAML body) against the version in force on ?asOf= on the same facts; who moves and why, counts against targets. Writes nothing.");
        program.MapPost("/versions", PublishAsync).RequireAuthorization(Permissions.ProgramPublish.Name).Accepts<string>("application/yaml")
            .WithSummary("Publish a program file (YAML body) as a new version from ?effectiveFrom=YYYY-MM-DD (today or later).");
    }

    private static VersionSummary Summary(ProgramVersion v) => new(v.Number, v.Label, v.Name, v.EffectiveFrom, v.PublishedAt, v.PublishedBy, v.Sha256);

    private static async Task<Results<Ok<CurrentProgram>, ProblemHttpResult>> CurrentAsync(string? asOf, ProgramStore store, CancellationToken ct)
    {
        if (!Dates.TryParse(asOf, "asOf", store.Today, out var date, out var error)) return error!.ToProblem();
        var published = await store.AtAsync(date, ct);
        var version = (await store.VersionsAsync(ct)).Single(v => v.Number == published.Number);
        return TypedResults.Ok(new CurrentProgram(Summary(version), published.Program));
    }

    private static async Task<Ok<VersionSummary[]>> VersionsAsync(ProgramStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.VersionsAsync(ct)).Select(Summary).ToArray());

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> YamlAsync(int number, ProgramStore store, CancellationToken ct)
    {
        var version = await store.VersionAsync(number, ct);
        return version.IsSuccess ? TypedResults.Text(version.Value.Yaml, "application/yaml", Encoding.UTF8) : version.Error.ToProblem();
    }

    private static async Task<Results<Ok<Comparison>, ProblemHttpResult>> DiffAsync(int from, int to, ProgramStore store, CancellationToken ct)
    {
        var old = await store.VersionAsync(from, ct);
        if (!old.IsSuccess) return old.Error.ToProblem();
        var @new = await store.VersionAsync(to, ct);
        if (!@new.IsSuccess) return @new.Error.ToProblem();
        return TypedResults.Ok(new Comparison(old.Value.Label, @new.Value.Label, ProgramDiff.Compare(old.Value.Program, @new.Value.Program)));
    }

    private static async Task<Results<Ok<ValidationReport>, ProblemHttpResult>> ValidateAsync(HttpRequest request, CancellationToken ct)
    {
        var yaml = await ReadYamlAsync(request, ct);
        if (!yaml.IsSuccess) return yaml.Error.ToProblem();
        var parsed = ProgramFile.Parse(yaml.Value, "request");
        return TypedResults.Ok(new ValidationReport(parsed.IsValid, parsed.Problems));
    }

    private static async Task<Results<Ok<SimulationResult>, ProblemHttpResult>> SimulateAsync(HttpRequest request, string? asOf,
        SimulateProgram simulate, ProgramStore store, CancellationToken ct)
    {
        if (!Dates.TryParse(asOf, "asOf", store.Today, out var date, out var error)) return error!.ToProblem();
        var yaml = await ReadYamlAsync(request, ct);
        if (!yaml.IsSuccess) return yaml.Error.ToProblem();
        var result = await simulate.HandleAsync(yaml.Value, "request", date, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<VersionSummary>, ProblemHttpResult>> PublishAsync(HttpRequest request, string? effectiveFrom,
        PublishProgram publish, ProgramStore store, CancellationToken ct)
    {
        if (!Dates.TryParse(effectiveFrom, "effectiveFrom", store.Today, out var date, out var error)) return error!.ToProblem();
        var yaml = await ReadYamlAsync(request, ct);
        if (!yaml.IsSuccess) return yaml.Error.ToProblem();
        var published = await publish.HandleAsync(yaml.Value, "request", date, ct);
        return published.IsSuccess
            ? TypedResults.Created($"/api/v1/program/versions/{published.Value.Number}", Summary(published.Value))
            : published.Error.ToProblem();
    }

    private static async Task<Result<string>> ReadYamlAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxYamlBytes) return Error.Validation("body", $"A program file has at most {MaxYamlBytes:N0} bytes.");
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(ct);
        return text.Length == 0 ? Error.Validation("body", "Send the program file as the request body (YAML).") : text;
    }
}
