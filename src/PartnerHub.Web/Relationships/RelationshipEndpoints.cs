using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PartnerHub.App.Common;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.App.Relationships;
using PartnerHub.App.Standing;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Relationships;
using PartnerHub.Web.Common;

namespace PartnerHub.Web.Relationships;

/// <summary>Phase 3, relationship management: plans, the timeline, health alerts, expansion candidates, churn and termination.</summary>
public static class RelationshipEndpoints
{
    public sealed record ReasonRequest(string? Reason);

    public static void MapRelationshipEndpoints(this IEndpointRouteBuilder app)
    {
        var partners = app.MapApi("/api/v1/partners", "Relationships");
        var read = Permissions.RelationshipRead.Name;
        var write = Permissions.RelationshipWrite.Name;
        partners.MapGet("/{id:guid}/plan", PlanAsync).RequireAuthorization(read)
            .WithSummary("A partner's relationship plan for a year (?year=2026, default this year): goals, each KPI-linked goal with the engine's current value against its target and the held tier's success target. Partner users read only their own.");
        partners.MapPost("/{id:guid}/plan/goals", CreateGoalAsync).RequireAuthorization(write).WithSummary("Add a goal to a partner's relationship plan.");
        partners.MapGet("/{id:guid}/plan/goals/{goalId:guid}", GetGoalAsync).RequireAuthorization(read).WithSummary("One plan goal; the ETag header carries its version.");
        partners.MapPut("/{id:guid}/plan/goals/{goalId:guid}", UpdateGoalAsync).RequireAuthorization(write)
            .WithSummary("Replace a plan goal; requires If-Match with the version you read.");
        partners.MapPost("/{id:guid}/activities", LogAsync).RequireAuthorization(write)
            .WithSummary("Log a relationship activity (meeting, qbr, call, email, note) that has happened.");
        partners.MapGet("/{id:guid}/timeline", TimelineAsync).RequireAuthorization(Permissions.PartnersRead.Name)
            .WithSummary("A partner's timeline, newest first and paged (?page, ?pageSize ≤ 200): logged activities, the audit trail (changes, stage moves with reasons, plan goals) and the tier moves the engine computes at each past review.");
        partners.MapGet("/{id:guid}/exit-preview", ExitPreviewAsync).RequireAuthorization(Permissions.PartnersRead.Name)
            .WithSummary("Before churning or terminating (?to=churned|terminated): the open deal registrations, ledger balances and certification the partner holds, and whether the lifecycle allows the move. The ETag is the partner's version to confirm with.");
        partners.MapPost("/{id:guid}/churn", (Guid id, [FromBody] ReasonRequest? body, EndPartnership end, HttpContext context, CancellationToken ct) =>
                EndAsync(id, LifecycleStage.Churned, body, end, context, ct)).RequireAuthorization(Permissions.PartnersWrite.Name)
            .WithSummary("Churn a partner: requires a reason and If-Match with the partner's version. Deals, ledger and certifications are left as they are.");
        partners.MapPost("/{id:guid}/terminate", (Guid id, [FromBody] ReasonRequest? body, EndPartnership end, HttpContext context, CancellationToken ct) =>
                EndAsync(id, LifecycleStage.Terminated, body, end, context, ct)).RequireAuthorization(Permissions.PartnersWrite.Name)
            .WithSummary("Terminate a partnership (final): requires a reason and If-Match with the partner's version. Deals, ledger and certifications are left as they are.");

        var program = app.MapApi("/api/v1/program", "Relationships");
        program.MapGet("/health-alerts", AlertsAsync).RequireAuthorization(Permissions.ProgramRead.Name)
            .WithSummary("Active partners whose health score is below the program's threshold, or who missed a tier success target at their last reviews in a row, on a date (?asOf=YYYY-MM-DD), each explained.");
        program.MapGet("/expansion-candidates", ExpansionAsync).RequireAuthorization(Permissions.ProgramRead.Name)
            .WithSummary("Active partners meeting all but a few of the next tier's criteria on a date (?asOf=YYYY-MM-DD): what each misses and by how much.");
    }

    private static async Task<Results<Ok<RelationshipPlan>, ProblemHttpResult>> PlanAsync(Guid id, [FromQuery] string? year, GetRelationshipPlan plan, CancellationToken ct)
    {
        var errors = new FieldErrors();
        int? y = string.IsNullOrWhiteSpace(year) ? null : Query.Int(errors, "year", year, 0);
        if (errors.Any) return errors.ToError().ToProblem();
        var result = await plan.HandleAsync(new PartnerId(id), y, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<GoalView>, ProblemHttpResult>> CreateGoalAsync(Guid id, GoalDetails details, SaveGoal save, HttpContext context, CancellationToken ct)
    {
        var result = await save.CreateAsync(new PartnerId(id), details, ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        Versions.SetETag(context, result.Value.Version);
        return TypedResults.Created($"/api/v1/partners/{id}/plan/goals/{result.Value.Id}", result.Value);
    }

    private static async Task<Results<Ok<GoalView>, ProblemHttpResult>> GetGoalAsync(Guid id, Guid goalId, SaveGoal save, HttpContext context, CancellationToken ct) =>
        Respond(await save.GetAsync(new PartnerId(id), new GoalId(goalId), ct), g => g.Version, context);

    private static async Task<Results<Ok<GoalView>, ProblemHttpResult>> UpdateGoalAsync(Guid id, Guid goalId, GoalDetails details, SaveGoal save, HttpContext context, CancellationToken ct)
    {
        if (!Versions.TryReadIfMatch(context.Request, out var version, out var problem)) return problem!;
        return Respond(await save.UpdateAsync(new PartnerId(id), new GoalId(goalId), details, version, ct), g => g.Version, context);
    }

    private static async Task<Results<Created<ActivityView>, ProblemHttpResult>> LogAsync(Guid id, ActivityDetails details, LogActivity log, CancellationToken ct)
    {
        var result = await log.HandleAsync(new PartnerId(id), details, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/partners/{id}/timeline", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<Page<TimelineEntry>>, ProblemHttpResult>> TimelineAsync(
        Guid id, [FromQuery] string? page, [FromQuery] string? pageSize, GetTimeline timeline, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var p = Query.Int(errors, "page", page, 1);
        var size = Query.Int(errors, "pageSize", pageSize, 25);
        if (errors.Any) return errors.ToError().ToProblem();
        var result = await timeline.HandleAsync(new PartnerId(id), p, size, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<ExitPreview>, ProblemHttpResult>> ExitPreviewAsync(
        Guid id, [FromQuery] string? to, PreviewPartnerExit preview, HttpContext context, CancellationToken ct)
    {
        var stage = PartnerExits.Parse(to ?? "churned");
        if (!stage.IsSuccess) return stage.Error.ToProblem();
        var result = await preview.HandleAsync(new PartnerId(id), stage.Value, ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        Versions.SetETag(context, result.Value.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Ok<PartnerView>, ProblemHttpResult>> EndAsync(
        Guid id, LifecycleStage to, ReasonRequest? body, EndPartnership end, HttpContext context, CancellationToken ct)
    {
        if (!Versions.TryReadIfMatch(context.Request, out var version, out var problem)) return problem!;
        var result = await end.HandleAsync(new PartnerId(id), to, body?.Reason, version, ct);
        return Respond(result, p => p.Version, context);
    }

    private static async Task<Results<Ok<HealthAlertList>, ProblemHttpResult>> AlertsAsync([FromQuery] string? asOf, ListHealthAlerts alerts, CancellationToken ct)
    {
        var date = GetStanding.ParseAsOf(asOf);
        if (!date.IsSuccess) return date.Error.ToProblem();
        return TypedResults.Ok(await alerts.HandleAsync(date.Value, ct));
    }

    private static async Task<Results<Ok<ExpansionList>, ProblemHttpResult>> ExpansionAsync([FromQuery] string? asOf, ListExpansionCandidates list, CancellationToken ct)
    {
        var date = GetStanding.ParseAsOf(asOf);
        if (!date.IsSuccess) return date.Error.ToProblem();
        return TypedResults.Ok(await list.HandleAsync(date.Value, ct));
    }

    /// <summary>A stale If-Match is a failed precondition in HTTP terms (412), as for partners; success carries the new ETag.</summary>
    private static Results<Ok<T>, ProblemHttpResult> Respond<T>(Result<T> result, Func<T, int> version, HttpContext context)
    {
        if (!result.IsSuccess)
            return result.Error.Code == "stale_version"
                ? TypedResults.Problem(result.Error.Message, statusCode: StatusCodes.Status412PreconditionFailed, title: "It changed since you read it.",
                    extensions: new Dictionary<string, object?> { ["code"] = result.Error.Code })
                : result.Error.ToProblem();
        Versions.SetETag(context, version(result.Value));
        return TypedResults.Ok(result.Value);
    }
}
