using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PartnerHub.App.Identity;
using PartnerHub.App.Standing;
using PartnerHub.Core.Partners;
using PartnerHub.Web.Common;

namespace PartnerHub.Web.Standing;

public static class StandingEndpoints
{
    public static void MapStandingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapApi("/api/v1/partners", "Standing")
            .MapGet("/{id:guid}/standing", StandingAsync).RequireAuthorization(Permissions.StandingRead.Name)
            .WithSummary("Where a partner stands on a date (?asOf=YYYY-MM-DD, default today) under the program version in force then: tier with every criterion check, certification, KPIs, targets, health, and why. Partner users see only their own partner.");
        var program = app.MapApi("/api/v1/program", "Standing");
        program.MapGet("/overview", OverviewAsync).RequireAuthorization(Permissions.ProgramRead.Name)
            .WithSummary("The whole program on a date (?asOf=YYYY-MM-DD): partners per tier, category and subcategory against their target ranges, certification counts and program KPIs.");
        program.MapGet("/roadmap", RoadmapAsync).RequireAuthorization(Permissions.ProgramRead.Name)
            .WithSummary("The roadmap on a date (?asOf=YYYY-MM-DD): each year's quarters and goals, every goal measured from live data (actual, target, percent, met / on track / behind / missed, why, and the partners behind the number).");
        program.MapGet("/ecosystem", EcosystemAsync).RequireAuthorization(Permissions.ProgramRead.Name)
            .WithSummary("The ecosystem map on a date (?asOf=YYYY-MM-DD): the program's layers and groups, each with its active partners (placed by subcategory), their count per held tier and average health.");
        program.MapGet("/reviews", ReviewsAsync).RequireAuthorization(Permissions.ProgramRead.Name)
            .WithSummary("The review worklist on a date (?asOf=YYYY-MM-DD): proposed promotions and demotions (with the grace period), partners eligible for a higher certification level, and levels due for renewal, each explained.");
        app.MapChartEndpoints();
        app.MapReportEndpoints();
    }

    private static async Task<Results<Ok<StandingView>, ProblemHttpResult>> StandingAsync(
        Guid id, [FromQuery] string? asOf, GetStanding standing, CancellationToken ct)
    {
        var date = GetStanding.ParseAsOf(asOf);
        if (!date.IsSuccess) return date.Error.ToProblem();
        var result = await standing.HandleAsync(new PartnerId(id), date.Value, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<ReviewList>, ProblemHttpResult>> ReviewsAsync([FromQuery] string? asOf, ListReviews reviews, CancellationToken ct)
    {
        var date = GetStanding.ParseAsOf(asOf);
        if (!date.IsSuccess) return date.Error.ToProblem();
        return TypedResults.Ok(await reviews.HandleAsync(date.Value, ct));
    }

    private static async Task<Results<Ok<ProgramOverview>, ProblemHttpResult>> OverviewAsync(
        [FromQuery] string? asOf, GetProgramOverview overview, CancellationToken ct)
    {
        var date = GetStanding.ParseAsOf(asOf);
        if (!date.IsSuccess) return date.Error.ToProblem();
        return TypedResults.Ok(await overview.HandleAsync(date.Value, ct));
    }

    private static async Task<Results<Ok<RoadmapView>, ProblemHttpResult>> RoadmapAsync(
        [FromQuery] string? asOf, GetRoadmapProgress roadmap, CancellationToken ct)
    {
        var date = GetStanding.ParseAsOf(asOf);
        if (!date.IsSuccess) return date.Error.ToProblem();
        return TypedResults.Ok(await roadmap.HandleAsync(date.Value, ct));
    }

    private static async Task<Results<Ok<EcosystemMapView>, ProblemHttpResult>> EcosystemAsync(
        [FromQuery] string? asOf, GetEcosystemMap map, CancellationToken ct)
    {
        var date = GetStanding.ParseAsOf(asOf);
        if (!date.IsSuccess) return date.Error.ToProblem();
        return TypedResults.Ok(await map.HandleAsync(date.Value, ct));
    }
}
