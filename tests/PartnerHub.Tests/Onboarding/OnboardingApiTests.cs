using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Identity;
using PartnerHub.App.Onboarding;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;
using PartnerHub.Tests.Prospects;

namespace PartnerHub.Tests.Onboarding;

/// <summary>
/// The onboarding journey through the API, as a partner manager and the partner's own user would run it: start, upload,
/// integration check, facts completing training and certification, overdue flags, launch and the KPI; and every kind of
/// bad input refused field by field with nothing written. On SQLite and PostgreSQL.
/// </summary>
public abstract class OnboardingApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4 signed partnership agreement");

    private async Task<(HttpClient Manager, PartnerView Partner)> QualifiedAsync(string subcategory = "ai-ml-platforms")
    {
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var partner = await (await manager.PostAsJsonAsync("/api/v1/partners", ProspectData.Prospect(subcategory, stage: "qualified"), HttpAssertions.Json))
            .ReadAsync<PartnerView>(HttpStatusCode.Created);
        return (manager, partner);
    }

    private static Task<HttpResponseMessage> StartAsync(HttpClient client, Guid partner, int? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/partners/{partner}/onboarding");
        if (ifMatch is { } v) request.Headers.Add("If-Match", $"\"{v}\"");
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid partner, string step, byte[] content, string type = "application/pdf", string name = "agreement.pdf")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return client.PostAsync($"/api/v1/partners/{partner}/onboarding/steps/{step}", new MultipartFormDataContent { { file, "file", name } });
    }

    private static Task<HttpResponseMessage> CheckAsync(HttpClient client, Guid partner, string step, string? note) =>
        client.PostAsJsonAsync($"/api/v1/partners/{partner}/onboarding/steps/{step}", new { note }, HttpAssertions.Json);

    private static async Task<JourneyView> JourneyAsync(HttpClient client, Guid partner) =>
        (await client.GetFromJsonAsync<JourneyView>($"/api/v1/partners/{partner}/onboarding", HttpAssertions.Json))!;

    [Fact]
    public async Task A_qualified_partner_is_onboarded_through_its_journey_and_launched()
    {
        var (manager, p) = await QualifiedAsync();
        await StartAsync(manager, p.Id, null).ProblemAsync(HttpStatusCode.PreconditionRequired);
        await StartAsync(manager, p.Id, p.Version + 3).ProblemAsync(HttpStatusCode.PreconditionFailed);
        var started = await StartAsync(manager, p.Id, p.Version);
        var journey = await started.ReadAsync<JourneyView>(HttpStatusCode.Created);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(("technology", "\"1\"", 5, 0), (journey.Category, started.Headers.ETag?.Tag, journey.Total, journey.Done));
        Assert.Equal([today, today.AddDays(30), today.AddDays(45), today.AddDays(60), today.AddDays(90)], journey.Steps.Select(s => s.DueOn));
        Assert.Equal("onboarding", (await manager.GetFromJsonAsync<PartnerView>($"/api/v1/partners/{p.Id}", HttpAssertions.Json))!.Stage);
        Assert.Equal("stage", (await StartAsync(manager, p.Id, p.Version + 1).ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());

        // The partner's own user uploads the signed agreement; the file name is only a label, never a path.
        var partnerUser = await app.ClientAsync(Roles.PartnerUser, new PartnerId(p.Id));
        var signed = await UploadAsync(partnerUser, p.Id, "agreement", Pdf, "application/pdf", "../../etc/agreement.pdf").ReadAsync<JourneyView>(HttpStatusCode.OK);
        var agreement = signed.Steps[0];
        Assert.True(agreement.Done);
        Assert.Equal(("agreement.pdf", Convert.ToHexStringLower(SHA256.HashData(Pdf)), (long)Pdf.Length), (agreement.Document!.FileName, agreement.Document.Sha256, agreement.Document.Size));
        var download = await partnerUser.GetAsync($"/api/v1/partners/{p.Id}/onboarding/steps/agreement/evidence");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);

        // A month later the vendor's integration check is overdue and the board says so.
        app.Clock.Advance(TimeSpan.FromDays(31));
        manager = await app.ClientAsync(Roles.PartnerManager);
        partnerUser = await app.ClientAsync(Roles.PartnerUser, new PartnerId(p.Id));
        var board = await manager.GetFromJsonAsync<List<GetOnboardingBoard.Row>>("/api/v1/onboarding?overdue=true", HttpAssertions.Json);
        var row = Assert.Single(board!, r => r.PartnerId == p.Id);
        Assert.Equal(["integration"], row.OverdueSteps);
        Assert.Equal(("integration", "vendor"), (row.NextStep, row.NextOwner));

        Assert.Equal("step", (await CheckAsync(partnerUser, p.Id, "integration", "Looks live to us").ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());
        var checkedIn = await CheckAsync(manager, p.Id, "integration", "API keys issued; first sync seen in the logs").ReadAsync<JourneyView>(HttpStatusCode.OK);
        Assert.Equal("API keys issued; first sync seen in the logs", checkedIn.Steps[1].Note);
        var seenByPartner = await JourneyAsync(partnerUser, p.Id);
        Assert.True(seenByPartner.Steps[1].Done);
        Assert.Null(seenByPartner.Steps[1].Note); // the vendor's note stays the vendor's

        // The launch waits for training and certification, which complete themselves when their facts are recorded.
        var early = await UploadAsync(partnerUser, p.Id, "launch", Pdf, name: "launch-plan.pdf").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("still open: training, certification", early["step"][0], StringComparison.Ordinal);
        var on = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await manager.PostAsJsonAsync("/api/v1/facts/training", new[] { new Dictionary<string, string> { ["partner"] = p.Id.ToString(), ["track"] = "technical-implementation", ["completed_on"] = on } }, HttpAssertions.Json)).EnsureSuccessStatusCode();
        (await manager.PostAsJsonAsync("/api/v1/facts/exams", new[] { new Dictionary<string, string> { ["partner"] = p.Id.ToString(), ["exam"] = "certified-exam", ["taken_on"] = on, ["score"] = "82" } }, HttpAssertions.Json)).EnsureSuccessStatusCode();
        var facts = await JourneyAsync(partnerUser, p.Id);
        Assert.Equal((true, "facts", true, "facts"), (facts.Steps[2].Done, facts.Steps[2].DoneBy, facts.Steps[3].Done, facts.Steps[3].DoneBy));
        Assert.Equal("evidence", (await UploadAsync(partnerUser, p.Id, "training", Pdf).ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());

        var launched = await UploadAsync(partnerUser, p.Id, "launch", Pdf, name: "launch-plan.pdf").ReadAsync<JourneyView>(HttpStatusCode.OK);
        Assert.Equal((5, 0), (launched.Done, launched.Overdue));
        Assert.NotNull(launched.LaunchedAt);
        var active = (await manager.GetFromJsonAsync<PartnerView>($"/api/v1/partners/{p.Id}", HttpAssertions.Json))!;
        Assert.Equal("active", active.Stage);
        await UploadAsync(partnerUser, p.Id, "launch", Pdf).ProblemAsync(HttpStatusCode.Conflict);

        var metrics = (await manager.GetFromJsonAsync<GetOnboardingMetrics.Metrics>("/api/v1/onboarding/metrics", HttpAssertions.Json))!;
        var technology = metrics.Categories.Single(c => c.Category == "technology");
        Assert.Equal((1, 31m, 31m), (technology.Launched, technology.MedianDaysProspectToActive, technology.MedianOnboardingDays));

        // Every change is in the audit trail.
        await using var scope = app.Scope();
        var trail = await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityId.StartsWith(new PartnerId(p.Id).ToString())).Select(e => e.Entity).ToListAsync();
        Assert.Contains("onboarding-journey", trail);
        Assert.Contains("onboarding-step", trail);
        Assert.Contains("onboarding-document", trail);
    }

    [Fact]
    public async Task Bad_evidence_is_refused_field_by_field_and_nothing_is_written()
    {
        var (manager, p) = await QualifiedAsync("resellers");
        var journey = await StartAsync(manager, p.Id, p.Version).ReadAsync<JourneyView>(HttpStatusCode.Created);
        Assert.Equal("channel", journey.Category);
        var partnerUser = await app.ClientAsync(Roles.PartnerUser, new PartnerId(p.Id));

        var unknown = await UploadAsync(partnerUser, p.Id, "handshake", Pdf).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("agreement, integration, training, certification, launch", unknown["step"][0], StringComparison.Ordinal);
        var tooBig = await UploadAsync(partnerUser, p.Id, "agreement", new byte[5 * 1024 * 1024 + 1]).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("at most 5,242,880", tooBig["file"][0], StringComparison.Ordinal);
        Assert.Equal("file", (await UploadAsync(partnerUser, p.Id, "agreement", Pdf, "application/zip", "agreement.zip").ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());
        Assert.Equal("file", (await UploadAsync(partnerUser, p.Id, "agreement", [], "application/pdf").ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());
        Assert.Equal("evidence", (await CheckAsync(partnerUser, p.Id, "agreement", "Signed, honest").ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());
        Assert.Equal("step", (await UploadAsync(manager, p.Id, "agreement", Pdf).ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());
        Assert.Equal("note", (await CheckAsync(manager, p.Id, "integration", " ").ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());
        Assert.Equal("evidence", (await UploadAsync(manager, p.Id, "integration", Pdf).ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());
        var launch = await UploadAsync(partnerUser, p.Id, "launch", Pdf).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("still open: agreement, integration, training, certification", launch["step"][0], StringComparison.Ordinal);

        var after = await JourneyAsync(manager, p.Id);
        Assert.Equal((1, 0), (after.Version, after.Done));
        await using var scope = app.Scope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Set<OnboardingDocument>().CountAsync(d => d.PartnerId == new PartnerId(p.Id)));

        // A stale If-Match on a step answers 412; a prospect cannot start onboarding.
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/partners/{p.Id}/onboarding/steps/integration") { Content = JsonContent.Create(new { note = "Tracking live" }) };
        stale.Headers.Add("If-Match", "\"7\"");
        await (await manager.SendAsync(stale)).ProblemAsync(HttpStatusCode.PreconditionFailed);
        var prospect = await (await manager.PostAsJsonAsync("/api/v1/partners", ProspectData.Prospect(), HttpAssertions.Json)).ReadAsync<PartnerView>(HttpStatusCode.Created);
        Assert.Equal("stage", (await StartAsync(manager, prospect.Id, prospect.Version).ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());
        await manager.GetAsync($"/api/v1/partners/{prospect.Id}/onboarding").ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class OnboardingApiOnSqlite(SqliteApp app) : OnboardingApiTests<SqliteApp>(app);

public sealed class OnboardingApiOnPostgres(PostgresApp app) : OnboardingApiTests<PostgresApp>(app);
