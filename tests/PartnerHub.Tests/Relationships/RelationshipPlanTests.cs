using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PartnerHub.App.Identity;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Relationships;

/// <summary>Relationship plans over the API on SQLite and PostgreSQL: goals, KPI progress, If-Match, bad input, partner isolation.</summary>
public abstract class RelationshipPlanTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static object Goal(string title = "Grow revenue", string? kpi = "partner-revenue", string? target = "100000.00", string targetDate = "2026-12-31") =>
        new { year = 2026, title, kpi, target, targetDate, owner = "maria.lopez@partnerhub.demo", status = "open" };

    [Fact]
    public async Task A_goal_linked_to_a_KPI_shows_the_engines_value_against_its_target_and_the_tier_target()
    {
        var partner = await RelationshipData.PreferredAsync(app);
        var manager = await app.ClientAsync(Roles.PartnerManager);

        var created = await manager.PostAsJsonAsync($"/api/v1/partners/{partner.Id}/plan/goals", Goal(), HttpAssertions.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);

        var plan = await Json(await manager.GetAsync($"/api/v1/partners/{partner.Id}/plan?year=2026"));
        Assert.Equal("preferred", plan.GetProperty("heldTier").GetString());
        var goal = plan.GetProperty("goals").EnumerateArray().Single();
        var progress = goal.GetProperty("progress");
        Assert.Equal(61200m, progress.GetProperty("current").GetDecimal());
        Assert.False(progress.GetProperty("reached").GetBoolean());
        Assert.Equal("Preferred target $100,000.00", progress.GetProperty("tierTarget").GetString());
        Assert.Contains("$61,200.00 against the goal's 100,000 (not reached yet)", progress.GetProperty("explanation").GetString());

        // A goal without a KPI is a plain commitment: no progress to show.
        await manager.PostAsJsonAsync($"/api/v1/partners/{partner.Id}/plan/goals", Goal("Joint webinar", kpi: null, target: null, targetDate: "2026-09-30"), HttpAssertions.Json);
        var again = await Json(await manager.GetAsync($"/api/v1/partners/{partner.Id}/plan"));
        var goals = again.GetProperty("goals").EnumerateArray().ToList();
        Assert.Equal(["Joint webinar", "Grow revenue"], goals.Select(g => g.GetProperty("title").GetString()));
        Assert.Equal(JsonValueKind.Null, goals[0].GetProperty("progress").ValueKind);
    }

    [Fact]
    public async Task A_goal_is_changed_only_with_the_version_that_was_read()
    {
        var partner = await RelationshipData.PreferredAsync(app);
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var created = await (await manager.PostAsJsonAsync($"/api/v1/partners/{partner.Id}/plan/goals", Goal(), HttpAssertions.Json)).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var url = $"/api/v1/partners/{partner.Id}/plan/goals/{created.GetProperty("id").GetGuid()}";

        var changed = await manager.PutJsonAsync(url, Goal("Grow revenue to Strategic"), 1);
        var body = await changed.ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(("Grow revenue to Strategic", 2), (body.GetProperty("title").GetString(), body.GetProperty("version").GetInt32()));
        Assert.Equal("\"2\"", changed.Headers.ETag?.Tag);

        await manager.PutJsonAsync(url, Goal("Lost update"), 1).ProblemAsync(HttpStatusCode.PreconditionFailed);
        var noIfMatch = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(Goal("No version"), options: HttpAssertions.Json) };
        await (await manager.SendAsync(noIfMatch)).ProblemAsync(HttpStatusCode.PreconditionRequired);
        var read = await manager.GetAsync(url);
        Assert.Equal("Grow revenue to Strategic", (await read.ReadAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("title").GetString());
        Assert.Equal("\"2\"", read.Headers.ETag?.Tag);

        // The change is in the audit trail, and on the partner's timeline.
        var timeline = await Json(await manager.GetAsync($"/api/v1/partners/{partner.Id}/timeline?pageSize=200"));
        Assert.Contains(timeline.GetProperty("items").EnumerateArray(), e => e.GetProperty("kind").GetString() == "goal"
            && e.GetProperty("detail").GetString()!.Contains("title: Grow revenue → Grow revenue to Strategic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_goals_are_refused_field_by_field_and_nothing_is_written()
    {
        var partner = await RelationshipData.PreferredAsync(app);
        var manager = await app.ClientAsync(Roles.PartnerManager);

        var errors = await (await manager.PostAsJsonAsync($"/api/v1/partners/{partner.Id}/plan/goals",
            new { year = 2026, title = "", kpi = "revenue-growht", target = "lots", targetDate = "2027-01-15", status = "maybe", owner = "" }, HttpAssertions.Json))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["kpi", "owner", "status", "target", "targetDate", "title"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Unknown KPI 'revenue-growht'", errors["kpi"][0]);
        Assert.Contains("not in the plan year 2026", errors["targetDate"][0]);

        var linkedWithoutTarget = await (await manager.PostAsJsonAsync($"/api/v1/partners/{partner.Id}/plan/goals", Goal(target: null), HttpAssertions.Json))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["target"], linkedWithoutTarget.Keys);
        var badYear = await (await manager.GetAsync($"/api/v1/partners/{partner.Id}/plan?year=twenty")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["year"], badYear.Keys);
        Assert.Equal(["year"], (await (await manager.GetAsync($"/api/v1/partners/{partner.Id}/plan?year=0")).ProblemAsync(HttpStatusCode.BadRequest)).Keys);

        var plan = await Json(await manager.GetAsync($"/api/v1/partners/{partner.Id}/plan"));
        Assert.Equal(0, plan.GetProperty("goals").GetArrayLength());
    }

    [Fact]
    public async Task A_partner_user_reads_its_own_plan_only_and_never_changes_it()
    {
        var own = await RelationshipData.PreferredAsync(app);
        var other = await RelationshipData.PreferredAsync(app);
        var manager = await app.ClientAsync(Roles.PartnerManager);
        foreach (var p in new[] { own, other })
            Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/v1/partners/{p.Id}/plan/goals", Goal($"Goal of {p.Name}"), HttpAssertions.Json)).StatusCode);
        var user = await app.ClientAsync(Roles.PartnerAdmin, new PartnerId(own.Id));

        var plan = await Json(await user.GetAsync($"/api/v1/partners/{own.Id}/plan"));
        Assert.Equal($"Goal of {own.Name}", plan.GetProperty("goals").EnumerateArray().Single().GetProperty("title").GetString());
        var foreign = await user.GetAsync($"/api/v1/partners/{other.Id}/plan");
        await foreign.ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(other.Name, await foreign.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsJsonAsync($"/api/v1/partners/{own.Id}/plan/goals", Goal(), HttpAssertions.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync($"/api/v1/partners/{own.Id}/timeline")).StatusCode);

        // The portal shows the same plan, read-only.
        var portal = System.Net.WebUtility.HtmlDecode(await user.GetStringAsync("/portal/plan"));
        Assert.Contains($"Goal of {own.Name}", portal);
        Assert.DoesNotContain(other.Name, portal);
        Assert.DoesNotContain("goal-title", portal);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.ReadAsync<JsonElement>(HttpStatusCode.OK);
}

public sealed class RelationshipPlanOnSqlite(SqliteApp app) : RelationshipPlanTests<SqliteApp>(app);

public sealed class RelationshipPlanOnPostgres(PostgresApp app) : RelationshipPlanTests<PostgresApp>(app);
