using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Facts;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.App.Training;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Training;

/// <summary>
/// With <c>certification.awarding: confirmed</c> an eligible partner's certificate waits for a partner manager; it is not
/// held, verified or charged until confirmed. And renewal reminders appear inside the level's renewal window. Its own app:
/// it publishes a program version.
/// </summary>
public abstract class CertificationConfirmationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private async Task PublishConfirmedAsync()
    {
        await using var scope = app.Scope();
        var store = scope.ServiceProvider.GetRequiredService<ProgramStore>();
        var yaml = ProgramStore.DefaultYaml().Replace("awarding: automatic", "awarding: confirmed", StringComparison.Ordinal);
        var published = await scope.ServiceProvider.GetRequiredService<PublishProgram>().HandleAsync(yaml, "confirmed.yaml", store.Today, CancellationToken.None);
        Assert.True(published.IsSuccess || published.Error.Code == "program_unchanged", published.Error?.Message);
    }

    [Fact]
    public async Task An_eligible_partner_waits_for_the_managers_confirmation_then_holds_the_level()
    {
        await PublishConfirmedAsync();
        var partner = await TrainingData.AlmostCertifiedAsync(app);
        var user = await app.ClientAsync(Roles.PartnerUser, partner);
        await (await user.PostAsJsonAsync("/api/v1/training/courses/sales-fundamentals/enrolment", new { }, HttpAssertions.Json)).ReadAsync<CourseView>(HttpStatusCode.OK);
        foreach (var module in new[] { "value-story", "discovery", "deal-registration" })
            await (await user.PostAsync($"/api/v1/training/courses/sales-fundamentals/modules/{module}", null)).ReadAsync<CompleteModule.Completed>(HttpStatusCode.OK);
        var result = await (await user.PostAsJsonAsync("/api/v1/training/exams/certified-exam/attempts", new { answers = TrainingData.RightAnswers }, HttpAssertions.Json))
            .ReadAsync<ExamResult>(HttpStatusCode.OK);
        var pending = result.Certificate!;
        Assert.Equal(("pending", null), (pending.Status, pending.AwardedOn));
        Assert.Contains("No certificate has this id", await app.CreateClient().GetStringAsync(pending.VerifyPath), StringComparison.Ordinal);
        await using (var scope = app.Scope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Set<CertificationAwardRecord>().AnyAsync(a => a.PartnerId == partner));

        var manager = await app.ClientAsync(Roles.PartnerManager);
        var queue = await (await manager.GetAsync("/api/v1/certificates?pending=true")).ReadAsync<List<CertificateView>>(HttpStatusCode.OK);
        Assert.Contains(queue, c => c.Id == pending.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsync($"/api/v1/certificates/{pending.Id}/confirm", null)).StatusCode);
        var confirmed = await (await manager.PostAsync($"/api/v1/certificates/{pending.Id}/confirm", null)).ReadAsync<CertificateView>(HttpStatusCode.OK);
        Assert.Equal("awarded", confirmed.Status);
        await (await manager.PostAsync($"/api/v1/certificates/{pending.Id}/confirm", null)).ProblemAsync(HttpStatusCode.Conflict);
        var standing = await (await user.GetAsync($"/api/v1/partners/{partner}/standing")).ReadAsync<App.Standing.StandingView>(HttpStatusCode.OK);
        Assert.Equal("certified", standing.Certification.Held);
        Assert.Contains("Certified Partner", await app.CreateClient().GetStringAsync(pending.VerifyPath), StringComparison.Ordinal);

        // Ten months on, inside the 60-day renewal window: a reminder for the partner and the vendor; the partner sees only its own.
        var asOf = confirmed.ExpiresOn!.Value.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var reminders = await (await manager.GetAsync($"/api/v1/certificates/renewals?asOf={asOf}")).ReadAsync<List<RenewalReminder>>(HttpStatusCode.OK);
        var reminder = Assert.Single(reminders, r => r.PartnerId == partner.Value);
        Assert.Equal((30, pending.Id), (reminder.DaysLeft, reminder.CertificateId));
        var early = confirmed.ExpiresOn!.Value.AddDays(-61).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain(await (await manager.GetAsync($"/api/v1/certificates/renewals?asOf={early}")).ReadAsync<List<RenewalReminder>>(HttpStatusCode.OK),
            r => r.PartnerId == partner.Value);
        var other = await app.ClientAsync(Roles.PartnerUser, await TrainingData.AlmostCertifiedAsync(app));
        Assert.Empty(await (await other.GetAsync($"/api/v1/certificates/renewals?asOf={asOf}")).ReadAsync<List<RenewalReminder>>(HttpStatusCode.OK));
        Assert.Equal("asOf", (await manager.GetAsync("/api/v1/certificates/renewals?asOf=soon").ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());
    }
}

public sealed class CertificationConfirmationOnSqlite(SqliteApp app) : CertificationConfirmationTests<SqliteApp>(app);

public sealed class CertificationConfirmationOnPostgres(PostgresApp app) : CertificationConfirmationTests<PostgresApp>(app);
