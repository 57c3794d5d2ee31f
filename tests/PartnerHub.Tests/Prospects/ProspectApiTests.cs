using System.Net;
using System.Net.Http.Json;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.App.Prospects;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Prospects;

/// <summary>The identification API and console pages: field-level problems, ETag/If-Match, and the forms, on SQLite and PostgreSQL.</summary>
public abstract class ProspectApiTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : TestApp
{
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => _client = await app.ClientAsync(Roles.PartnerManager);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<PartnerView> CreateAsync(string subcategory = "ai-ml-platforms") =>
        await (await _client.PostAsJsonAsync("/api/v1/partners", ProspectData.Prospect(subcategory), HttpAssertions.Json)).ReadAsync<PartnerView>(HttpStatusCode.Created);

    private Task<HttpResponseMessage> PostAsync<T>(string url, T body, int? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: HttpAssertions.Json) };
        if (ifMatch is { } v) request.Headers.Add("If-Match", $"\"{v}\"");
        return _client.SendAsync(request);
    }

    [Fact]
    public async Task The_profile_is_edited_at_the_version_read_with_field_errors_for_bad_input()
    {
        var p = await CreateAsync();
        var get = await _client.GetAsync($"/api/v1/partners/{p.Id}/prospect");
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        var url = $"/api/v1/partners/{p.Id}/prospect";

        await (await _client.PutAsJsonAsync(url, new { source = "inbound" }, HttpAssertions.Json)).ProblemAsync(HttpStatusCode.PreconditionRequired);
        var errors = await _client.PutJsonAsync(url, new { source = "carrier-pigeon", fitNotes = "a\u0007b" }, 1).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["fitNotes", "source"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("market-research, inbound, referral, event", errors["source"][0]);

        var saved = await _client.PutJsonAsync(url, new { source = "referral", fitNotes = "Introduced by Zapier." }, 1);
        var profile = await saved.ReadAsync<ProspectProfileView>(HttpStatusCode.OK);
        Assert.Equal(("referral", "Introduced by Zapier.", 2, "\"2\""), (profile.Source, profile.FitNotes, profile.Version, saved.Headers.ETag?.Tag));
        await _client.PutJsonAsync(url, new { source = "event" }, 1).ProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Assess_and_outreach_refuse_bad_input_field_by_field_and_qualify_needs_if_match()
    {
        var p = await CreateAsync();
        var errors = await PostAsync($"/api/v1/partners/{p.Id}/assessments", new { scores = new Dictionary<string, int> { ["strategic-fit"] = 7, ["charisma"] = 3 } })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["scores.audience-overlap", "scores.charisma", "scores.revenue-potential", "scores.strategic-fit", "scores.technical-capability"],
            errors.Keys.Order(StringComparer.Ordinal));
        var outreach = await PostAsync($"/api/v1/partners/{p.Id}/outreach", new { channel = "fax", nextStep = "Call" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["channel", "nextStepDueOn", "outcome"], outreach.Keys.Order(StringComparer.Ordinal));
        await PostAsync($"/api/v1/partners/{Guid.NewGuid()}/assessments", new { scores = ProspectData.Fit91 }).ProblemAsync(HttpStatusCode.NotFound);
        var otherCategory = await PostAsync($"/api/v1/partners/{p.Id}/assessments", new { scores = ProspectData.Fit91, category = "channel" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Only an active partner is assessed for another category", Assert.Single(otherCategory["category"]));

        var assessed = await PostAsync($"/api/v1/partners/{p.Id}/assessments", new { scores = ProspectData.Fit91, notes = "Strong API fit" }).ReadAsync<AssessmentView>(HttpStatusCode.Created);
        Assert.Equal((91, true), (assessed.FitScore, assessed.Passes));
        var history = await _client.GetFromJsonAsync<List<AssessmentView>>($"/api/v1/partners/{p.Id}/assessments", HttpAssertions.Json);
        Assert.Equal([assessed.Id], history!.Select(a => a.Id));

        await PostAsync($"/api/v1/partners/{p.Id}/qualify", new { }).ProblemAsync(HttpStatusCode.PreconditionRequired);
        await PostAsync($"/api/v1/partners/{p.Id}/qualify", new { }, p.Version + 5).ProblemAsync(HttpStatusCode.PreconditionFailed);
        var qualified = await PostAsync($"/api/v1/partners/{p.Id}/qualify", new { }, p.Version);
        Assert.Equal("qualified", (await qualified.ReadAsync<PartnerView>(HttpStatusCode.OK)).Stage);
        Assert.Equal($"\"{p.Version + 1}\"", qualified.Headers.ETag?.Tag);
        var cool = await PostAsync($"/api/v1/partners/{p.Id}/cool", new { reason = "" }, p.Version + 1).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("reason", cool.Keys.Single());

        var list = await _client.GetFromJsonAsync<List<ListProspects.Row>>("/api/v1/prospects?stage=qualified", HttpAssertions.Json);
        Assert.Contains(list!, r => r.Id == p.Id && r.FitScore == 91);
        Assert.Equal("stage", (await (await _client.GetAsync("/api/v1/prospects?stage=active")).ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());
    }

    [Fact]
    public async Task The_console_shows_the_matrix_and_plan_and_the_panel_scores_a_prospect()
    {
        var p = await CreateAsync("resellers");
        var page = await _client.GetStringAsync("/prospects");
        Assert.Contains("Opportunity matrix", page);
        Assert.Contains("Outreach plan", page);
        Assert.Contains("id=\"new-prospect\"", page);
        Assert.Contains(p.Name, page);

        var program = await _client.GetStringAsync("/program");
        Assert.Contains("id=\"qualification-criteria\"", program);
        Assert.Contains("Strategic Fit", program);

        var detail = await _client.GetStringAsync($"/partners/{p.Id}");
        Assert.Contains("id=\"identification\"", detail);
        Assert.Contains("id=\"score-strategic-fit\"", detail);

        var posted = await TestApp.PostFormAsync(_client, $"/partners/{p.Id}", $"/partners/{p.Id}", new()
        {
            ["_handler"] = "prospect-assess", ["score-strategic-fit"] = "3", ["score-audience-overlap"] = "3", ["score-technical-capability"] = "3",
            ["score-revenue-potential"] = "2", ["assessment-notes"] = "From the form",
        });
        Assert.True(posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)posted.StatusCode}");
        var history = await _client.GetFromJsonAsync<List<AssessmentView>>($"/api/v1/partners/{p.Id}/assessments", HttpAssertions.Json);
        Assert.Equal((55, "From the form"), (Assert.Single(history!).FitScore, history![0].Notes));

        var partnerUser = await app.ClientAsync(Roles.PartnerUser, new PartnerId(p.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerUser.GetAsync($"/api/v1/partners/{p.Id}/prospect")).StatusCode);
        var portalView = await partnerUser.GetAsync("/prospects");
        Assert.NotEqual(HttpStatusCode.OK, portalView.StatusCode);
    }
}

public sealed class ProspectApiOnSqlite(SqliteApp app) : ProspectApiTests<SqliteApp>(app);

public sealed class ProspectApiOnPostgres(PostgresApp app) : ProspectApiTests<PostgresApp>(app);
