using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Standing;

/// <summary>The roadmap and the ecosystem map from stored data on SQLite and PostgreSQL: both move when a partner joins, on the date it joins.</summary>
public abstract class InsightApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task A_goal_counts_a_new_integration_partner_from_its_start_date_and_names_it()
    {
        Guid partnerId;
        await using (var scope = app.Scope())
        {
            var details = Build.Partner() with { Subcategory = "integration", Region = "APAC", AgreementStartsOn = new DateOnly(2026, 3, 1) };
            partnerId = (await scope.ServiceProvider.GetRequiredService<SavePartner>().CreateAsync(details, CancellationToken.None)).Value.Id;
        }

        var client = await app.ClientAsync(Roles.PartnerManager);
        var before = Goal(await GetAsync(client, "2026-02-15"), "integration-partners");
        var after = Goal(await GetAsync(client, "2026-03-15"), "integration-partners");

        Assert.DoesNotContain(partnerId.ToString(), before.GetProperty("partners").GetRawText(), StringComparison.Ordinal);
        Assert.Contains(after.GetProperty("partners").EnumerateArray(), p => p.GetProperty("id").GetGuid() == partnerId);
        var progress = after.GetProperty("progress");
        Assert.Equal(before.GetProperty("progress").GetProperty("actual").GetDecimal() + 1, progress.GetProperty("actual").GetDecimal());
        Assert.Equal(10m, progress.GetProperty("target").GetDecimal());
        Assert.Contains("active partners in Integration Partners on 2026-03-15, against 10 by 2026-12-31 (year 1 Q4)",
            progress.GetProperty("explanation").GetString(), StringComparison.Ordinal);

        var regions = Goal(await GetAsync(client, "2026-03-15"), "international");
        Assert.Contains("APAC", regions.GetProperty("progress").GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ecosystem_map_places_a_partner_in_its_group_from_its_start_date()
    {
        Guid partnerId;
        await using (var scope = app.Scope())
        {
            var details = Build.Partner() with { Subcategory = "cloud-infrastructure", AgreementStartsOn = new DateOnly(2026, 4, 1) };
            partnerId = (await scope.ServiceProvider.GetRequiredService<SavePartner>().CreateAsync(details, CancellationToken.None)).Value.Id;
        }

        var client = await app.ClientAsync(Roles.PartnerManager);
        JsonElement Cloud(JsonElement map) => map.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("key").GetString() == "technology")
            .GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "Cloud Infrastructure");
        var before = Cloud(await StandingData.JsonAsync(await client.GetAsync("/api/v1/program/ecosystem?asOf=2026-03-31"), HttpStatusCode.OK));
        var after = Cloud(await StandingData.JsonAsync(await client.GetAsync("/api/v1/program/ecosystem?asOf=2026-04-01"), HttpStatusCode.OK));

        Assert.Equal(before.GetProperty("count").GetInt32() + 1, after.GetProperty("count").GetInt32());
        var placed = after.GetProperty("partners").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == partnerId);
        Assert.Equal("standard", placed.GetProperty("tier").GetString());
        Assert.Contains("Cloud Infrastructure", await client.GetStringAsync("/ecosystem?asOf=2026-04-01"), StringComparison.Ordinal);
        var problem = await (await client.GetAsync("/api/v1/program/ecosystem?asOf=tomorrow")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("asOf", problem.Keys);
    }

    [Fact]
    public async Task A_bad_date_is_a_field_error_and_a_partner_user_may_not_read_the_roadmap()
    {
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var problem = await (await manager.GetAsync("/api/v1/program/roadmap?asOf=2026-13-01")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("asOf", problem.Keys);

        await using var scope = app.Scope();
        var own = (await scope.ServiceProvider.GetRequiredService<SavePartner>().CreateAsync(Build.Partner(), CancellationToken.None)).Value;
        var partnerUser = await app.ClientAsync(Roles.PartnerUser, new PartnerHub.Core.Partners.PartnerId(own.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerUser.GetAsync("/api/v1/program/roadmap")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerUser.GetAsync("/api/v1/program/ecosystem")).StatusCode);
    }

    [Fact]
    public async Task The_roadmap_page_shows_each_goal_with_its_status()
    {
        var client = await app.ClientAsync(Roles.PartnerManager);
        var page = await client.GetStringAsync("/roadmap?asOf=2026-03-15");
        Assert.Contains("Year 1: Foundation", page, StringComparison.Ordinal);
        Assert.Contains("10 active integration partners", page, StringComparison.Ordinal);
        Assert.Contains("goal-status", page, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string asOf) =>
        await StandingData.JsonAsync(await client.GetAsync($"/api/v1/program/roadmap?asOf={asOf}"), HttpStatusCode.OK);

    private static JsonElement Goal(JsonElement roadmap, string key) => roadmap.GetProperty("years").EnumerateArray()
        .SelectMany(y => y.GetProperty("goals").EnumerateArray()).Single(g => g.GetProperty("progress").GetProperty("key").GetString() == key);
}

public sealed class InsightApiOnSqlite(SqliteApp app) : InsightApiTests<SqliteApp>(app);

public sealed class InsightApiOnPostgres(PostgresApp app) : InsightApiTests<PostgresApp>(app);
