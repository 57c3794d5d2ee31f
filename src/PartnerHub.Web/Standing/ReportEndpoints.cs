using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PartnerHub.App.Identity;
using PartnerHub.App.Insight;
using PartnerHub.App.Standing;
using PartnerHub.Core.Common;
using PartnerHub.Core.Insight;
using PartnerHub.Core.Partners;
using PartnerHub.Web.Common;

namespace PartnerHub.Web.Standing;

/// <summary>Partner performance reports as CSV or XLSX downloads; the printable pages are /reports/program and /reports/partners/{id}.</summary>
public static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapApi("/api/v1/program", "Standing").MapGet("/report", ProgramAsync).RequireAuthorization(Permissions.ProgramRead.Name)
            .WithSummary("The program's partner performance report on a date (?asOf=YYYY-MM-DD&format=csv|xlsx): one row per partner with tier, certification, trailing-12-month revenue, growth, win rate, health and the link to its explanation.");
        app.MapApi("/api/v1/partners", "Standing").MapGet("/{id:guid}/report", PartnerAsync).RequireAuthorization(Permissions.StandingRead.Name)
            .WithSummary("A partner's performance report on a date (?asOf=YYYY-MM-DD&format=csv|xlsx): tier, certification, every KPI, target and the health score, each with its explanation. Partner users see only their own partner.");
        app.MapApi("/api/v1/program", "Standing").MapGet("/digest", DigestAsync).RequireAuthorization(Permissions.ProgramRead.Name)
            .WithSummary("The managers' digest as it is mailed (?kind=weekly|monthly&asOf=YYYY-MM-DD): the period that ended last before the date, every figure with its explanation and link.");
    }

    private static async Task<Results<Ok<Digest>, ProblemHttpResult>> DigestAsync([FromQuery] string? kind, [FromQuery] string? asOf, BuildDigest build,
        TimeProvider clock, CancellationToken ct)
    {
        var date = GetStanding.ParseAsOf(asOf);
        if (!date.IsSuccess) return date.Error.ToProblem();
        if (!Enum.TryParse<DigestKind>(kind ?? "weekly", ignoreCase: true, out var digestKind) || !Enum.IsDefined(digestKind))
            return Error.Validation("kind", $"'{kind}' is not a digest; use weekly or monthly.").ToProblem();
        var today = date.Value ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(await build.HandleAsync(DigestPeriod.LatestEnded(digestKind, today), ct));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ProgramAsync(
        [FromQuery] string? asOf, [FromQuery] string? format, GetReports reports, HttpContext context, CancellationToken ct)
    {
        var date = GetStanding.ParseAsOf(asOf);
        if (!date.IsSuccess) return date.Error.ToProblem();
        if (Refused(format) is { } refused) return refused.ToProblem();
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        return await FileAsync(await reports.ProgramAsync(date.Value, baseUrl, ct), format, "program-report", ct);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PartnerAsync(
        Guid id, [FromQuery] string? asOf, [FromQuery] string? format, GetReports reports, CancellationToken ct)
    {
        var date = GetStanding.ParseAsOf(asOf);
        if (!date.IsSuccess) return date.Error.ToProblem();
        if (Refused(format) is { } refused) return refused.ToProblem();
        var table = await reports.PartnerAsync(new PartnerId(id), date.Value, ct);
        return table.IsSuccess ? await FileAsync(table.Value, format, $"partner-report-{id}", ct) : table.Error.ToProblem();
    }

    private static Error? Refused(string? format) =>
        format is null || ReportFiles.Formats.Contains(format) ? null : Error.Validation("format", "Use format=csv (the default) or format=xlsx.");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(ReportTable table, string? format, string name, CancellationToken ct)
    {
        var (content, type) = await ReportFiles.WriteAsync(table, format ?? "csv", ct);
        return TypedResults.File(content, type, $"{name}-{table.AsOf:yyyy-MM-dd}.{format ?? "csv"}");
    }
}
