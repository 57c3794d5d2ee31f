using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PartnerHub.App.Identity;
using PartnerHub.App.Standing;
using PartnerHub.Core.Insight;
using PartnerHub.Web.Common;

namespace PartnerHub.Web.Standing;

/// <summary>The dashboard's charts: each as JSON or CSV, and the partners behind any of its values.</summary>
public static class ChartEndpoints
{
    public static void MapChartEndpoints(this IEndpointRouteBuilder app)
    {
        var charts = app.MapApi("/api/v1/program/charts", "Standing");
        charts.MapGet("/", AllAsync).RequireAuthorization(Permissions.ProgramRead.Name)
            .WithSummary("Every dashboard chart on a date (?asOf=YYYY-MM-DD): revenue by month and category with the trailing-12-month line, partners per tier over time, tier moves, targets against actuals, success targets per tier, the certification funnel, the deal pipeline and win rate.");
        charts.MapGet("/{key}", OneAsync).RequireAuthorization(Permissions.ProgramRead.Name)
            .WithSummary("One chart on a date; ?format=csv or xlsx downloads it (one row per point, one column per series).");
        charts.MapGet("/{key}/partners", PartnersAsync).RequireAuthorization(Permissions.ProgramRead.Name)
            .WithSummary("The partners behind one value of a chart: ?point= (a month such as 2026-05, a subcategory, tier, level or status) and ?series= (a category, tier, metric…).");
        app.MapApi("/api/v1/partners", "Standing").MapGet("/{id:guid}/charts/revenue", PartnerRevenueAsync).RequireAuthorization(Permissions.StandingRead.Name)
            .WithSummary("A partner's revenue by month with the trailing-12-month line (?asOf=YYYY-MM-DD; ?format=csv). Partner users see only their own partner.");
        app.MapApi("/api/v1/partners", "Standing").MapGet("/{id:guid}/charts/next-tier", PartnerProgressAsync).RequireAuthorization(Permissions.StandingRead.Name)
            .WithSummary("A partner's progress to the tier above the one it qualifies for: each criterion as a share of the requirement (?asOf=YYYY-MM-DD; ?format=csv). Partner users see only their own partner.");
    }

    private static async Task<Results<Ok<Chart>, FileContentHttpResult, ProblemHttpResult>> PartnerProgressAsync(
        Guid id, [FromQuery] string? asOf, [FromQuery] string? format, GetProgramCharts charts, CancellationToken ct)
    {
        var date = GetStanding.ParseAsOf(asOf);
        if (!date.IsSuccess) return date.Error.ToProblem();
        return await Respond(await charts.PartnerProgressAsync(new Core.Partners.PartnerId(id), date.Value, ct), format, "next-tier", ct);
    }

    private static async Task<Results<Ok<Chart>, FileContentHttpResult, ProblemHttpResult>> PartnerRevenueAsync(
        Guid id, [FromQuery] string? asOf, [FromQuery] string? format, GetProgramCharts charts, CancellationToken ct)
    {
        var date = GetStanding.ParseAsOf(asOf);
        if (!date.IsSuccess) return date.Error.ToProblem();
        return await Respond(await charts.PartnerRevenueAsync(new Core.Partners.PartnerId(id), date.Value, ct), format, "revenue", ct);
    }

    private static async Task<Results<Ok<IReadOnlyList<Chart>>, ProblemHttpResult>> AllAsync([FromQuery] string? asOf, GetProgramCharts charts, CancellationToken ct)
    {
        var date = GetStanding.ParseAsOf(asOf);
        if (!date.IsSuccess) return date.Error.ToProblem();
        return TypedResults.Ok(await charts.AllAsync(date.Value, ct));
    }

    private static async Task<Results<Ok<Chart>, FileContentHttpResult, ProblemHttpResult>> OneAsync(
        string key, [FromQuery] string? asOf, [FromQuery] string? format, GetProgramCharts charts, CancellationToken ct)
    {
        var date = GetStanding.ParseAsOf(asOf);
        if (!date.IsSuccess) return date.Error.ToProblem();
        return await Respond(await charts.OneAsync(key, date.Value, ct), format, key, ct);
    }

    private static async Task<Results<Ok<Chart>, FileContentHttpResult, ProblemHttpResult>> Respond(Core.Common.Result<Chart> chart, string? format, string name,
        CancellationToken ct)
    {
        if (format is not null and not "json" && !ReportFiles.Formats.Contains(format))
            return Core.Common.Error.Validation("format", "Use format=json (the default), csv or xlsx.").ToProblem();
        if (!chart.IsSuccess) return chart.Error.ToProblem();
        if (format is null or "json") return TypedResults.Ok(chart.Value);
        var (content, type) = await ReportFiles.WriteAsync(GetProgramCharts.Table(chart.Value), format, ct);
        return TypedResults.File(content, type, $"{name}-{chart.Value.AsOf:yyyy-MM-dd}.{format}");
    }

    private static async Task<Results<Ok<ChartPartners>, ProblemHttpResult>> PartnersAsync(
        string key, [FromQuery] string? point, [FromQuery] string? series, [FromQuery] string? asOf, GetProgramCharts charts, CancellationToken ct)
    {
        var date = GetStanding.ParseAsOf(asOf);
        if (!date.IsSuccess) return date.Error.ToProblem();
        var result = await charts.PartnersAsync(key, point, series, date.Value, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
