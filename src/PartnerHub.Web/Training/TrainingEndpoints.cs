using Microsoft.AspNetCore.Http.HttpResults;
using PartnerHub.App.Identity;
using PartnerHub.App.Standing;
using PartnerHub.App.Training;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Web.Common;

namespace PartnerHub.Web.Training;

/// <summary>
/// Enablement over HTTP: the catalog and sessions, enrolment, modules and exams (partner users, their own organization),
/// scheduling, attendance and awards (partner managers), certificates and renewal reminders. The public verification of
/// a certificate is a page (<c>/verify/{id}</c>), not an API endpoint: the API is for signed-in callers only.
/// </summary>
public static class TrainingEndpoints
{
    public sealed record EnrolRequest(Guid? SessionId);

    public sealed record AttendanceRequest(Guid? PartnerId);

    /// <summary>Question key → the option keys chosen.</summary>
    public sealed record SubmitRequest(Dictionary<string, string[]>? Answers);

    public static void MapTrainingEndpoints(this IEndpointRouteBuilder app)
    {
        var training = app.MapApi("/api/v1/training", "Training");
        training.MapGet("/", CatalogAsync).RequireAuthorization(Permissions.TrainingRead.Name)
            .WithSummary("The catalog (courses with modules and exam), upcoming sessions; with progress, certificates and renewals for a partner user's own organization or ?partner= for vendor staff.");
        training.MapPost("/sessions", ScheduleAsync).RequireAuthorization(Permissions.TrainingManage.Name)
            .WithSummary("Schedule a live session or workshop of a course: { track, delivery, title, startsAt, capacity }.");
        training.MapGet("/sessions/{id:guid}", SessionAsync).RequireAuthorization(Permissions.TrainingManage.Name)
            .WithSummary("A session with the partners enrolled and their attendance.");
        training.MapPost("/sessions/{id:guid}/attendance", AttendanceAsync).RequireAuthorization(Permissions.TrainingManage.Name)
            .WithSummary("Record that an enrolled partner attended: { partnerId }. Completes the course if its modules are done.");
        training.MapPost("/courses/{track}/enrolment", EnrolAsync).RequireAuthorization(Permissions.TrainingTake.Name)
            .WithSummary("Enrol your organization in a course; live and workshop courses name a session with places left: { sessionId }.");
        training.MapPost("/courses/{track}/modules/{module}", CompleteModuleAsync).RequireAuthorization(Permissions.TrainingTake.Name)
            .WithSummary("Record a module as complete. The last one completes the course (a training fact) and may award a certification.");
        training.MapGet("/exams/{exam}", ExamAsync).RequireAuthorization(Permissions.TrainingRead.Name)
            .WithSummary("An exam's questions and options (never which are correct) and the attempts used.");
        training.MapPost("/exams/{exam}/attempts", SubmitAsync).RequireAuthorization(Permissions.TrainingTake.Name)
            .WithSummary("Submit an attempt: { answers: { questionKey: [optionKey, …] } }. Scored on the server; a pass may award a certification.");

        var certificates = app.MapApi("/api/v1/certificates", "Training");
        certificates.MapGet("/", CertificatesAsync).RequireAuthorization(Permissions.TrainingRead.Name)
            .WithSummary("Certificates, newest first: ?partner=, ?pending=true for those awaiting confirmation. Partner users get their own.");
        certificates.MapGet("/renewals", RenewalsAsync).RequireAuthorization(Permissions.TrainingRead.Name)
            .WithSummary("Renewal reminders: held certifications inside their renewal window on ?asOf= (default today).");
        certificates.MapGet("/{id:guid}", CertificateAsync).RequireAuthorization(Permissions.TrainingRead.Name)
            .WithSummary("One certificate: level, validity, renewal window, why it was awarded, its public verification path.");
        certificates.MapPost("/{id:guid}/confirm", ConfirmAsync).RequireAuthorization(Permissions.TrainingManage.Name)
            .WithSummary("Confirm a pending certification (program setting awarding: confirmed): awarded today, fee charged.");

        var partners = app.MapApi("/api/v1/partners", "Training");
        partners.MapPost("/{id:guid}/certifications/award", AwardAsync).RequireAuthorization(Permissions.TrainingManage.Name)
            .WithSummary("Evaluate the partner today and award the level it is eligible for (or leave it pending confirmation); 204 when there is nothing to award.");
    }

    private static async Task<Ok<CatalogView>> CatalogAsync(Guid? partner, GetTrainingCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok(await catalog.HandleAsync(partner is { } p ? new PartnerId(p) : null, ct));

    private static async Task<Results<Created<SessionView>, ProblemHttpResult>> ScheduleAsync(ScheduleSession.Request request, ScheduleSession schedule, CancellationToken ct)
    {
        var result = await schedule.HandleAsync(request, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/training/sessions/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<SessionDetail>, ProblemHttpResult>> SessionAsync(Guid id, GetSession get, CancellationToken ct) =>
        Answer(await get.HandleAsync(id, ct));

    private static async Task<Results<Ok<SessionDetail>, ProblemHttpResult>> AttendanceAsync(Guid id, AttendanceRequest? request, RecordAttendance record, CancellationToken ct)
    {
        if (request?.PartnerId is not { } partner) return Error.Validation("partnerId", "Name the partner that attended.").ToProblem();
        return Answer(await record.HandleAsync(id, new PartnerId(partner), ct));
    }

    private static async Task<Results<Ok<CourseView>, ProblemHttpResult>> EnrolAsync(string track, EnrolRequest? request, EnrolInCourse enrol, CancellationToken ct) =>
        Answer(await enrol.HandleAsync(track, request?.SessionId, ct));

    private static async Task<Results<Ok<CompleteModule.Completed>, ProblemHttpResult>> CompleteModuleAsync(string track, string module, CompleteModule complete,
        CancellationToken ct) =>
        Answer(await complete.HandleAsync(track, module, ct));

    private static async Task<Results<Ok<ExamPaper>, ProblemHttpResult>> ExamAsync(string exam, GetExamPaper paper, CancellationToken ct) =>
        Answer(await paper.HandleAsync(exam, ct));

    private static async Task<Results<Ok<ExamResult>, ProblemHttpResult>> SubmitAsync(string exam, SubmitRequest? request, SubmitExam submit, CancellationToken ct)
    {
        var answers = request?.Answers?.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)(a.Value ?? []), StringComparer.Ordinal);
        return Answer(await submit.HandleAsync(exam, answers, ct));
    }

    private static async Task<Ok<IReadOnlyList<CertificateView>>> CertificatesAsync(Guid? partner, bool? pending, ListCertificates list, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(partner is { } p ? new PartnerId(p) : null, pending ?? false, ct));

    private static async Task<Results<Ok<IReadOnlyList<RenewalReminder>>, ProblemHttpResult>> RenewalsAsync(string? asOf, ListRenewals renewals, CancellationToken ct)
    {
        var date = GetStanding.ParseAsOf(asOf);
        if (!date.IsSuccess) return date.Error.ToProblem();
        return TypedResults.Ok(await renewals.HandleAsync(date.Value, ct));
    }

    private static async Task<Results<Ok<CertificateView>, ProblemHttpResult>> CertificateAsync(Guid id, GetCertificate get, CancellationToken ct) =>
        Answer(await get.HandleAsync(id, ct));

    private static async Task<Results<Ok<CertificateView>, ProblemHttpResult>> ConfirmAsync(Guid id, ConfirmCertificate confirm, CancellationToken ct) =>
        Answer(await confirm.HandleAsync(id, ct));

    private static async Task<Results<Ok<CertificateView>, NoContent, ProblemHttpResult>> AwardAsync(Guid id, AwardCertification award, CancellationToken ct)
    {
        var result = await award.HandleAsync(new PartnerId(id), ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        return result.Value is { } view ? TypedResults.Ok(view) : TypedResults.NoContent();
    }

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Result<T> result) => result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
