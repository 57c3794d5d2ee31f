using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Commissions;
using PartnerHub.App.Facts;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.App.Standing;
using PartnerHub.App.Training;
using PartnerHub.App.Webhooks;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Training;

/// <summary>
/// Enablement through the API as a partner's user and a partner manager run it: enrol, complete modules, take the exam,
/// be certified with the fee on the ledger, the event in the outbox and a public verification; and bad input (unknown
/// answers, attempts past the limit, a full session, impossible sessions) refused field by field with nothing saved.
/// </summary>
public abstract class TrainingApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, object answers, string exam = "certified-exam") =>
        client.PostAsJsonAsync($"/api/v1/training/exams/{exam}/attempts", new { answers }, HttpAssertions.Json);

    private async Task<(long Sittings, long Facts, long Completions)> CountsAsync(PartnerId partner)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        return (await db.Set<ExamSitting>().CountAsync(s => s.PartnerId == partner), await db.Set<ExamAttemptRecord>().CountAsync(a => a.PartnerId == partner),
            await db.Set<TrainingCompletionRecord>().CountAsync(t => t.PartnerId == partner && t.Source == FactSources.Portal));
    }

    [Fact]
    public async Task A_partner_user_completes_a_course_passes_its_exam_and_is_certified_with_fee_event_and_public_verification()
    {
        var partner = await TrainingData.AlmostCertifiedAsync(app);
        var user = await app.ClientAsync(Roles.PartnerUser, partner);

        var catalog = await (await user.GetAsync("/api/v1/training")).ReadAsync<CatalogView>(HttpStatusCode.OK);
        var course = catalog.Courses.Single(c => c.Key == "sales-fundamentals");
        Assert.Equal("certified-exam", course.Exam!.Key);
        Assert.Equal("import", catalog.Courses.Single(c => c.Key == "product-fundamentals").CompletedSource);

        await (await user.PostAsJsonAsync("/api/v1/training/courses/sales-fundamentals/enrolment", new { }, HttpAssertions.Json)).ReadAsync<CourseView>(HttpStatusCode.OK);
        foreach (var module in course.Modules.Select(m => m.Key))
        {
            var done = await (await user.PostAsync($"/api/v1/training/courses/sales-fundamentals/modules/{module}", null)).ReadAsync<CompleteModule.Completed>(HttpStatusCode.OK);
            Assert.Null(done.Certificate); // the exam is still missing
        }

        Assert.Equal((0, 0, 1), await CountsAsync(partner)); // the course is a training fact, source portal
        var failed = await SubmitAsync(user, TrainingData.WrongAnswers).ReadAsync<ExamResult>(HttpStatusCode.OK);
        Assert.False(failed.Passed);
        Assert.Equal(0, failed.Score);
        var passed = await SubmitAsync(user, TrainingData.RightAnswers).ReadAsync<ExamResult>(HttpStatusCode.OK);
        Assert.True(passed.Passed);
        Assert.Equal((2, 4, 4, 100, 1), (passed.Attempt, passed.Correct, passed.Asked, passed.Score, passed.AttemptsLeft));
        var certificate = passed.Certificate!;
        Assert.Equal(("certified", "awarded"), (certificate.Level, certificate.Status));
        Assert.Equal(certificate.AwardedOn!.Value.AddMonths(12), certificate.ExpiresOn);

        // The standing holds it now; the ledger charged the fee once, under the award's key; the event is in the outbox.
        var standing = await (await user.GetAsync($"/api/v1/partners/{partner}/standing")).ReadAsync<StandingView>(HttpStatusCode.OK);
        Assert.Equal("certified", standing.Certification.Held);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
            var award = await db.Set<CertificationAwardRecord>().SingleAsync(a => a.PartnerId == partner);
            Assert.Equal(FactSources.Portal, award.Source);
            var fee = await db.LedgerTransactions.SingleAsync(t => t.SourceKey == ChargeCertificationFees.Key(award));
            Assert.Equal(500_00, await db.LedgerEntries.Where(e => e.TransactionId == fee.Id && e.PartnerId == partner).SumAsync(e => e.AmountMinor));
            Assert.Contains(await db.Set<WebhookEvent>().Where(e => e.Type == WebhookEventTypes.CertificationAwarded).Select(e => e.Payload).ToListAsync(),
                p => p.Contains(certificate.Id.ToString(), StringComparison.Ordinal));
            Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<ChargeCertificationFees>().HandleAsync(CancellationToken.None)).Value);
        }

        // Checking again awards nothing new: it holds the level it is eligible for.
        var manager = await app.ClientAsync(Roles.PartnerManager);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync($"/api/v1/partners/{partner}/certifications/award", null)).StatusCode);

        // The public page shows holder, level and validity, and nothing else.
        var anonymous = app.CreateClient();
        var html = await anonymous.GetStringAsync(certificate.VerifyPath);
        var name = standing.PartnerName;
        Assert.Contains(WebUtility.HtmlEncode(name), html, StringComparison.Ordinal);
        Assert.Contains("Certified Partner", html, StringComparison.Ordinal);
        Assert.Contains("valid", html, StringComparison.Ordinal);
        Assert.DoesNotContain(partner.ToString(), html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(certificate.Explanation, html, StringComparison.Ordinal);
        Assert.Contains("No certificate has this id", await anonymous.GetStringAsync($"/verify/{Guid.NewGuid()}"), StringComparison.Ordinal);

        var mine = await (await user.GetAsync($"/api/v1/certificates/{certificate.Id}")).ReadAsync<CertificateView>(HttpStatusCode.OK);
        Assert.Equal(certificate.Id, mine.Id);
    }

    [Fact]
    public async Task The_exam_paper_and_page_carry_no_answer_key_before_submission()
    {
        var partner = await TrainingData.AlmostCertifiedAsync(app);
        var user = await app.ClientAsync(Roles.PartnerUser, partner);

        var response = await user.GetAsync("/api/v1/training/exams/certified-exam");
        var json = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("correct", json, StringComparison.OrdinalIgnoreCase);
        using var doc = JsonDocument.Parse(json);
        foreach (var question in doc.RootElement.GetProperty("questions").EnumerateArray())
        {
            Assert.Equal(["key", "multiple", "options", "text"], question.EnumerateObject().Select(p => p.Name).Order());
            foreach (var option in question.GetProperty("options").EnumerateArray())
                Assert.Equal(["key", "text"], option.EnumerateObject().Select(p => p.Name).Order());
        }

        // The page: every option of a question is the same input but for its value, so nothing marks the right one.
        var html = await user.GetStringAsync("/portal/exams/certified-exam");
        Assert.Contains("Which of these are certification requirements?", html, StringComparison.Ordinal);
        Assert.DoesNotContain("correct", html, StringComparison.OrdinalIgnoreCase);
        var inputs = Regex.Matches(html, "<input[^>]*name=\"q\\.(q\\d)\"[^>]*>").Select(m => (Question: m.Groups[1].Value, Tag: Regex.Replace(m.Value, "value=\"[^\"]*\"", "")));
        var byQuestion = inputs.GroupBy(i => i.Question).ToList();
        Assert.Equal(4, byQuestion.Count);
        Assert.All(byQuestion, g => Assert.Single(g.Select(i => i.Tag).Distinct()));
        Assert.Equal((0, 0, 0), await CountsAsync(partner)); // reading the paper uses no attempt
    }

    [Fact]
    public async Task Unknown_questions_or_options_and_attempts_past_the_limit_are_refused_field_by_field_with_nothing_saved()
    {
        var partner = await TrainingData.AlmostCertifiedAsync(app);
        var user = await app.ClientAsync(Roles.PartnerUser, partner);

        var fields = await SubmitAsync(user, new Dictionary<string, string[]> { ["q1"] = ["b"], ["q9"] = ["a"], ["q2"] = ["z"], ["q4"] = ["a", "b"] })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["answers.q2", "answers.q4", "answers.q9"], fields.Keys.Order());
        Assert.Contains("'z'", fields["answers.q2"][0], StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await CountsAsync(partner));
        Assert.Equal("exam", (await SubmitAsync(user, TrainingData.RightAnswers, "no-such-exam").ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());

        for (var attempt = 1; attempt <= 3; attempt++)
            Assert.Equal(attempt, (await SubmitAsync(user, TrainingData.WrongAnswers).ReadAsync<ExamResult>(HttpStatusCode.OK)).Attempt);
        Assert.Equal("exam", (await SubmitAsync(user, TrainingData.RightAnswers).ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());
        Assert.Equal((3, 1, 0), await CountsAsync(partner)); // three sittings, one exam fact for the day (its best score)

        // Vendor staff do not take exams, and partner users do not schedule sessions.
        var manager = await app.ClientAsync(Roles.PartnerManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await SubmitAsync(manager, TrainingData.RightAnswers)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsJsonAsync("/api/v1/training/sessions", new { }, HttpAssertions.Json)).StatusCode);
    }

    [Fact]
    public async Task Sessions_are_scheduled_with_field_errors_for_bad_input_and_enrolment_past_capacity_is_refused()
    {
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var now = app.Clock.GetUtcNow();
        var bad = await (await manager.PostAsJsonAsync("/api/v1/training/sessions",
            new { track = "product-fundamentals", delivery = "online", title = "", startsAt = now.AddDays(-1), capacity = 0 }, HttpAssertions.Json)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["capacity", "startsAt", "title", "track"], bad.Keys.Order());
        Assert.Equal("delivery", (await (await manager.PostAsJsonAsync("/api/v1/training/sessions",
            new { track = "advanced-sales", delivery = "mentoring", title = "Advanced sales live", startsAt = now.AddDays(7), capacity = 1 }, HttpAssertions.Json))
            .ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());

        var session = await (await manager.PostAsJsonAsync("/api/v1/training/sessions",
            new { track = "advanced-sales", delivery = "live", title = "Advanced sales live", startsAt = now.AddDays(7), capacity = 1 }, HttpAssertions.Json))
            .ReadAsync<SessionView>(HttpStatusCode.Created);

        var first = await TrainingData.AlmostCertifiedAsync(app);
        var second = await TrainingData.AlmostCertifiedAsync(app);
        var userOfFirst = await app.ClientAsync(Roles.PartnerUser, first);
        var userOfSecond = await app.ClientAsync(Roles.PartnerUser, second);
        Assert.Equal("session", (await (await userOfFirst.PostAsJsonAsync("/api/v1/training/courses/advanced-sales/enrolment", new { }, HttpAssertions.Json))
            .ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());
        var enrolled = await (await userOfFirst.PostAsJsonAsync("/api/v1/training/courses/advanced-sales/enrolment", new { sessionId = session.Id }, HttpAssertions.Json))
            .ReadAsync<CourseView>(HttpStatusCode.OK);
        Assert.Equal(session.Id, enrolled.Enrolment!.SessionId);
        var full = await (await userOfSecond.PostAsJsonAsync("/api/v1/training/courses/advanced-sales/enrolment", new { sessionId = session.Id }, HttpAssertions.Json))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("full", full["session"][0], StringComparison.Ordinal);
        await using (var scope = app.Scope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Set<TrainingEnrolment>().AnyAsync(e => e.PartnerId == second));

        // Modules done before the session are not the course: attendance, recorded once the session has started, completes it.
        foreach (var module in enrolled.Modules)
            await (await userOfFirst.PostAsync($"/api/v1/training/courses/advanced-sales/modules/{module.Key}", null)).ReadAsync<CompleteModule.Completed>(HttpStatusCode.OK);
        Assert.Equal((0, 0, 0), await CountsAsync(first));
        Assert.Equal("session", (await (await manager.PostAsJsonAsync($"/api/v1/training/sessions/{session.Id}/attendance", new { partnerId = first.Value }, HttpAssertions.Json))
            .ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());
        app.Clock.Advance(TimeSpan.FromDays(8));
        manager = await app.ClientAsync(Roles.PartnerManager); // a week on, the sign-in cookie has expired
        var detail = await (await manager.PostAsJsonAsync($"/api/v1/training/sessions/{session.Id}/attendance", new { partnerId = first.Value }, HttpAssertions.Json))
            .ReadAsync<SessionDetail>(HttpStatusCode.OK);
        Assert.NotNull(detail.Attendees.Single().AttendedAt);
        Assert.Equal((0, 0, 1), await CountsAsync(first));
    }

    [Fact]
    public async Task The_console_and_portal_pages_show_sessions_courses_and_certificates_each_to_its_side()
    {
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var title = Build.Unique("Workshop ");
        await (await manager.PostAsJsonAsync("/api/v1/training/sessions",
            new { track = "technical-implementation", delivery = "workshop", title, startsAt = app.Clock.GetUtcNow().AddDays(3), capacity = 4 }, HttpAssertions.Json))
            .ReadAsync<SessionView>(HttpStatusCode.Created);
        var console = await manager.GetStringAsync("/training");
        Assert.Contains(title, console, StringComparison.Ordinal);
        Assert.Contains("id=\"schedule-form\"", console, StringComparison.Ordinal);

        var partner = await TrainingData.AlmostCertifiedAsync(app);
        var user = await app.ClientAsync(Roles.PartnerUser, partner);
        Assert.NotEqual(HttpStatusCode.OK, (await user.GetAsync("/training")).StatusCode);
        var portal = await user.GetStringAsync("/portal/training");
        Assert.Contains("Sales Fundamentals", portal, StringComparison.Ordinal);
        Assert.Contains("id=\"enrol-sales-fundamentals\"", portal, StringComparison.Ordinal);
        Assert.Contains(title, portal, StringComparison.Ordinal); // a session of a workshop course to enrol in
        Assert.DoesNotContain("schedule-form", portal, StringComparison.Ordinal);
    }
}

public sealed class TrainingApiOnSqlite(SqliteApp app) : TrainingApiTests<SqliteApp>(app);

public sealed class TrainingApiOnPostgres(PostgresApp app) : TrainingApiTests<PostgresApp>(app);
