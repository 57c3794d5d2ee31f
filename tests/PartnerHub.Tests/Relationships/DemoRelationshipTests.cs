using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.Tests.Infrastructure;
using PartnerHub.Tests.Standing;

namespace PartnerHub.Tests.Relationships;

/// <summary>The demo's relationship plans and timelines for the seed-named partners, and the worklists over the demo ecosystem.</summary>
public abstract class DemoRelationshipTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DemoApp
{
    [Fact]
    public async Task Seed_named_partners_have_a_plan_and_a_timeline_of_QBRs_calls_and_meetings()
    {
        Guid zapier;
        await using (var scope = app.Scope())
            zapier = (await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Partners.SingleAsync(p => p.Domain == "zapier.com")).Id.Value;
        var manager = await app.ClientAsync(Roles.PartnerManager);

        var plan = await (await manager.GetAsync($"/api/v1/partners/{zapier}/plan")).ReadAsync<JsonElement>(HttpStatusCode.OK);
        var goals = plan.GetProperty("goals").EnumerateArray().ToList();
        Assert.Equal(3, goals.Count);
        Assert.Contains(goals, g => g.GetProperty("kpi").GetString() == "partner-revenue" && g.GetProperty("progress").GetProperty("current").ValueKind == JsonValueKind.Number);

        var timeline = await (await manager.GetAsync($"/api/v1/partners/{zapier}/timeline?pageSize=200")).ReadAsync<JsonElement>(HttpStatusCode.OK);
        var kinds = timeline.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToList();
        Assert.Equal(4, kinds.Count(k => k == "qbr"));
        Assert.Contains("call", kinds);
        Assert.Contains("meeting", kinds);

        // The worklists run over the whole demo ecosystem.
        var alerts = await (await manager.GetAsync("/api/v1/program/health-alerts")).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.True(alerts.GetProperty("items").GetArrayLength() > 0);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/program/expansion-candidates")).StatusCode);
    }
}

public sealed class DemoRelationshipOnSqlite(SqliteDemoApp app) : DemoRelationshipTests<SqliteDemoApp>(app);

public sealed class DemoRelationshipOnPostgres(PostgresDemoApp app) : DemoRelationshipTests<PostgresDemoApp>(app);
