using Microsoft.AspNetCore.Http.HttpResults;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.App.Prospects;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Web.Common;

namespace PartnerHub.Web.Prospects;

/// <summary>
/// Phase 1, identification, over HTTP: prospect profiles, opportunity assessments, outreach, the qualify and cool
/// actions, the opportunity matrix and the outreach plan. Vendor-only: partner users and partner keys hold neither permission.
/// </summary>
public static class ProspectEndpoints
{
    public sealed record ProfileRequest(string? Source, string? FitNotes);

    /// <param name="Scores">Every qualification criterion's score, 1–5.</param>
    /// <param name="Notes">What the scores are based on.</param>
    /// <param name="Category">The category assessed for: the partner's own when omitted; another one only for an active partner (expansion).</param>
    public sealed record AssessmentRequest(Dictionary<string, int?>? Scores, string? Notes, string? Category = null);

    public sealed record QualifyRequest(bool? Override, string? Reason);

    public sealed record ReasonRequest(string? Reason);

    public sealed record ProspectResponse(PartnerView Partner, ProspectProfileView Profile, AssessmentView? Latest, int Threshold,
        IReadOnlyList<AssessmentView> Assessments, IReadOnlyList<OutreachView> Outreach);

    public static void MapProspectEndpoints(this IEndpointRouteBuilder app)
    {
        var read = Permissions.ProspectsRead.Name;
        var write = Permissions.ProspectsWrite.Name;
        app.MapApi("/api/v1/prospects", "Prospects").MapGet("/", ListAsync).RequireAuthorization(read)
            .WithSummary("Prospects and qualified partners with source, latest fit score and next step: ?stage=prospect|qualified, ?category.");

        var partners = app.MapApi("/api/v1/partners", "Prospects");
        partners.MapGet("/{id:guid}/prospect", GetAsync).RequireAuthorization(read)
            .WithSummary("A partner's identification record: profile (ETag = profile version), assessments and outreach log, latest first.");
        partners.MapPut("/{id:guid}/prospect", SaveProfileAsync).RequireAuthorization(write)
            .WithSummary("Set the prospect's source (market-research, inbound, referral, event) and fit notes; send If-Match with the profile version.");
        partners.MapGet("/{id:guid}/assessments", AssessmentsAsync).RequireAuthorization(read)
            .WithSummary("The partner's opportunity assessments, latest first; the latest counts.");
        partners.MapPost("/{id:guid}/assessments", AssessAsync).RequireAuthorization(write)
            .WithSummary("Score the partner 1–5 on every qualification criterion of the program in force; answers the fit score with its explanation.");
        partners.MapGet("/{id:guid}/outreach", OutreachAsync).RequireAuthorization(read)
            .WithSummary("The partner's outreach log, latest first.");
        partners.MapPost("/{id:guid}/outreach", LogOutreachAsync).RequireAuthorization(write)
            .WithSummary("Log a contact attempt: channel, outcome, note and the next step with its due date.");
        partners.MapPost("/{id:guid}/qualify", QualifyAsync).RequireAuthorization(write)
            .WithSummary("Prospect (or churned) → qualified when the latest assessment passes; otherwise only with override=true and a reason. Send If-Match with the partner version.");
        partners.MapPost("/{id:guid}/cool", CoolAsync).RequireAuthorization(write)
            .WithSummary("Qualified → prospect: the opportunity cooled, with a required reason. Send If-Match with the partner version.");

        var program = app.MapApi("/api/v1/program", "Prospects");
        program.MapGet("/opportunity-matrix", MatrixAsync).RequireAuthorization(read)
            .WithSummary("Prospects and qualified partners by fit score × revenue potential, per category and subcategory against its target count.");
        app.MapApi("/api/v1/outreach", "Prospects").MapGet("/plan", PlanAsync).RequireAuthorization(read)
            .WithSummary("This week's outreach plan: overdue follow-ups, follow-ups due this week, prospects not contacted yet.");
    }

    private static async Task<Results<Ok<IReadOnlyList<ListProspects.Row>>, ProblemHttpResult>> ListAsync(string? stage, string? category, ListProspects list, CancellationToken ct)
    {
        var result = await list.HandleAsync(stage, category, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<ProspectResponse>, ProblemHttpResult>> GetAsync(Guid id, GetProspect get, HttpContext context, CancellationToken ct)
    {
        var result = await get.HandleAsync(new PartnerId(id), ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        var d = result.Value;
        Versions.SetETag(context, d.Profile.Version);
        return TypedResults.Ok(new ProspectResponse(d.Partner, d.Profile, d.Latest, d.Threshold, d.Assessments, d.Outreach));
    }

    private static async Task<Results<Ok<ProspectProfileView>, ProblemHttpResult>> SaveProfileAsync(
        Guid id, ProfileRequest request, SaveProspectProfile save, HttpContext context, CancellationToken ct)
    {
        if (!Versions.TryReadIfMatch(context.Request, out var version, out var problem)) return problem!;
        var result = await save.HandleAsync(new PartnerId(id), request.Source, request.FitNotes, version, ct);
        if (!result.IsSuccess) return Problem(result.Error);
        Versions.SetETag(context, result.Value.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Ok<IReadOnlyList<AssessmentView>>, ProblemHttpResult>> AssessmentsAsync(Guid id, GetProspect get, CancellationToken ct)
    {
        var result = await get.HandleAsync(new PartnerId(id), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value.Assessments) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<AssessmentView>, ProblemHttpResult>> AssessAsync(Guid id, AssessmentRequest request, AssessOpportunity assess, CancellationToken ct)
    {
        var result = await assess.HandleAsync(new PartnerId(id), request.Scores, request.Notes, ct, request.Category);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/partners/{id}/assessments", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<IReadOnlyList<OutreachView>>, ProblemHttpResult>> OutreachAsync(Guid id, GetProspect get, CancellationToken ct)
    {
        var result = await get.HandleAsync(new PartnerId(id), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value.Outreach) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<OutreachView>, ProblemHttpResult>> LogOutreachAsync(Guid id, LogOutreach.Input request, LogOutreach log, CancellationToken ct)
    {
        var result = await log.HandleAsync(new PartnerId(id), request, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/partners/{id}/outreach", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<PartnerView>, ProblemHttpResult>> QualifyAsync(Guid id, QualifyRequest? request, QualifyPartner qualify, HttpContext context, CancellationToken ct)
    {
        if (!Versions.TryReadIfMatch(context.Request, out var version, out var problem)) return problem!;
        return Moved(await qualify.QualifyAsync(new PartnerId(id), request?.Override ?? false, request?.Reason, version, ct), context);
    }

    private static async Task<Results<Ok<PartnerView>, ProblemHttpResult>> CoolAsync(Guid id, ReasonRequest? request, QualifyPartner qualify, HttpContext context, CancellationToken ct)
    {
        if (!Versions.TryReadIfMatch(context.Request, out var version, out var problem)) return problem!;
        return Moved(await qualify.CoolAsync(new PartnerId(id), request?.Reason, version, ct), context);
    }

    /// <summary>As for partners (ADR 0004): a stale If-Match is a failed precondition, 412; everything else maps as usual.</summary>
    private static ProblemHttpResult Problem(Error error) => error.Code == "stale_version"
        ? TypedResults.Problem(error.Message, statusCode: StatusCodes.Status412PreconditionFailed, title: "The record changed since you read it.",
            extensions: new Dictionary<string, object?> { ["code"] = error.Code })
        : error.ToProblem();

    private static Results<Ok<PartnerView>, ProblemHttpResult> Moved(Result<PartnerView> result, HttpContext context)
    {
        if (!result.IsSuccess) return Problem(result.Error);
        Versions.SetETag(context, result.Value.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Ok<GetOpportunityMatrix.Matrix>, ProblemHttpResult>> MatrixAsync(GetOpportunityMatrix matrix, CancellationToken ct)
    {
        var result = await matrix.HandleAsync(ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Ok<GetOutreachPlan.Plan>> PlanAsync(GetOutreachPlan plan, CancellationToken ct) => TypedResults.Ok(await plan.HandleAsync(ct));
}
