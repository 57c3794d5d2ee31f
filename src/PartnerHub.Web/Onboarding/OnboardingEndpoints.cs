using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using PartnerHub.App.Identity;
using PartnerHub.App.Onboarding;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Web.Common;

namespace PartnerHub.Web.Onboarding;

/// <summary>
/// Phase 2, onboarding journeys, over HTTP. A partner user reads its own partner's journey and completes its
/// partner-owned steps; starting onboarding, the board and the KPI are the vendor's.
/// </summary>
public static class OnboardingEndpoints
{
    /// <summary>The JSON form of completing a step (an integration check): what was checked.</summary>
    public sealed record CompleteRequest(string? Note);

    public static void MapOnboardingEndpoints(this IEndpointRouteBuilder app)
    {
        var partners = app.MapApi("/api/v1/partners", "Onboarding");
        partners.MapPost("/{id:guid}/onboarding", StartAsync).RequireAuthorization(Permissions.OnboardingStart.Name)
            .WithSummary("Qualified → onboarding: instantiate the category's journey from the program in force. Send If-Match with the partner version.");
        partners.MapGet("/{id:guid}/onboarding", GetAsync).RequireAuthorization(Permissions.OnboardingRead.Name)
            .WithSummary("The partner's onboarding journey (ETag = journey version): steps with owner, evidence, due date, done and overdue.");
        partners.MapPost("/{id:guid}/onboarding/steps/{key}", CompleteAsync).RequireAuthorization(Permissions.OnboardingComplete.Name).DisableAntiforgery()
            .Accepts<CompleteRequest>("application/json", "multipart/form-data")
            .WithSummary("Complete a step: a document as multipart 'file' (optional 'note'), or an integration check as JSON { note }. Optional If-Match with the journey version. The last step launches the partner.");
        partners.MapGet("/{id:guid}/onboarding/steps/{key}/evidence", EvidenceAsync).RequireAuthorization(Permissions.OnboardingRead.Name)
            .WithSummary("Download the file uploaded as the step's evidence.");

        var onboarding = app.MapApi("/api/v1/onboarding", "Onboarding");
        onboarding.MapGet("/", BoardAsync).RequireAuthorization(Permissions.OnboardingBoard.Name)
            .WithSummary("Every partner in onboarding with progress, next step and overdue steps: ?overdue=true, ?category.");
        onboarding.MapGet("/metrics", MetricsAsync).RequireAuthorization(Permissions.OnboardingBoard.Name)
            .WithSummary("Time to launch: median days prospect → active and median onboarding days, program-wide and per category.");
    }

    private static async Task<Results<Created<JourneyView>, ProblemHttpResult>> StartAsync(Guid id, StartOnboarding start, HttpContext context, CancellationToken ct)
    {
        if (!Versions.TryReadIfMatch(context.Request, out var version, out var problem)) return problem!;
        var result = await start.HandleAsync(new PartnerId(id), version, ct);
        if (!result.IsSuccess) return Problem(result.Error);
        Versions.SetETag(context, result.Value.Version);
        return TypedResults.Created($"/api/v1/partners/{id}/onboarding", result.Value);
    }

    private static async Task<Results<Ok<JourneyView>, ProblemHttpResult>> GetAsync(Guid id, GetOnboarding get, HttpContext context, CancellationToken ct)
    {
        var result = await get.HandleAsync(new PartnerId(id), ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        Versions.SetETag(context, result.Value.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Ok<JourneyView>, ProblemHttpResult>> CompleteAsync(Guid id, string key, CompleteOnboardingStep complete,
        HttpContext context, CancellationToken ct)
    {
        int? version = null;
        if (context.Request.Headers.IfMatch.Count > 0)
        {
            if (!Versions.TryReadIfMatch(context.Request, out var v, out var problem)) return problem!;
            version = v;
        }

        string? note;
        UploadedFile? upload = null;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(ct);
            note = form["note"].ToString();
            if (form.Files.GetFile("file") is { } file)
            {
                upload = new UploadedFile(file.FileName, file.ContentType, file.Length, async token =>
                {
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer, token);
                    return buffer.ToArray();
                });
            }
        }
        else
        {
            CompleteRequest? body;
            try
            {
                body = context.Request.ContentLength is 0 || !context.Request.HasJsonContentType()
                    ? null
                    : await context.Request.ReadFromJsonAsync<CompleteRequest>(ct);
            }
            catch (JsonException)
            {
                return Error.Validation("note", "Send JSON like { \"note\": \"…\" }, or a multipart form with a 'file'.").ToProblem();
            }

            note = body?.Note;
        }

        var result = await complete.HandleAsync(new PartnerId(id), key, note, upload, version, ct);
        if (!result.IsSuccess) return Problem(result.Error);
        Versions.SetETag(context, result.Value.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> EvidenceAsync(Guid id, string key, GetOnboardingEvidence evidence,
        HttpContext context, CancellationToken ct)
    {
        var result = await evidence.HandleAsync(new PartnerId(id), key, ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        // The file is the partner's upload: never let a browser render it as something else.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["X-Content-SHA256"] = result.Value.Sha256;
        return TypedResults.File(result.Value.Content, result.Value.ContentType, result.Value.FileName);
    }

    private static async Task<Ok<IReadOnlyList<GetOnboardingBoard.Row>>> BoardAsync(bool? overdue, string? category, GetOnboardingBoard board, CancellationToken ct) =>
        TypedResults.Ok(await board.HandleAsync(overdue ?? false, category, ct));

    private static async Task<Ok<GetOnboardingMetrics.Metrics>> MetricsAsync(GetOnboardingMetrics metrics, CancellationToken ct) =>
        TypedResults.Ok(await metrics.HandleAsync(ct));

    /// <summary>As for partners (ADR 0004): a stale If-Match is a failed precondition, 412; everything else maps as usual.</summary>
    private static ProblemHttpResult Problem(Error error) => error.Code == "stale_version"
        ? TypedResults.Problem(error.Message, statusCode: StatusCodes.Status412PreconditionFailed, title: "The record changed since you read it.",
            extensions: new Dictionary<string, object?> { ["code"] = error.Code })
        : error.ToProblem();
}
