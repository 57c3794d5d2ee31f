using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.App.Standing;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Standing;

/// <summary>The app with the demo ecosystem loaded at start-up, as `serve --demo` does, on a fresh database.</summary>
public abstract class DemoApp(DatabaseProvider provider) : TestApp(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Load", "true");
    }
}

public sealed class SqliteDemoApp() : DemoApp(DatabaseProvider.Sqlite);

public sealed class PostgresDemoApp() : DemoApp(DatabaseProvider.Postgres);

/// <summary>The demo ecosystem's generated history gives the program a realistic spread of tiers, on both databases.</summary>
public abstract class DemoStandingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DemoApp
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestApp.Start.UtcDateTime);

    [Fact]
    public async Task Demo_partners_spread_over_the_tiers_like_a_real_program()
    {
        await using var scope = app.Scope();
        var overview = await scope.ServiceProvider.GetRequiredService<GetProgramOverview>().HandleAsync(Today, CancellationToken.None);

        var tiers = overview.Standing.Tiers.ToDictionary(t => t.Key, t => t.Count);
        var spread = string.Join(", ", tiers.Select(t => $"{t.Key}={t.Value}"));
        Assert.True(tiers["strategic"] is >= 5 and <= 10, spread);
        Assert.True(tiers["preferred"] is >= 15 and <= 25, spread);
        Assert.True(tiers["standard"] > 80, spread);
        Assert.True(overview.Standing.Certifications.Sum(c => c.Held) > 10);
        Assert.Contains(overview.Standing.Kpis, k => k.Key == "revenue-share" && k.Value > 0);
    }

    [Fact]
    public async Task The_review_worklist_lists_the_demos_promotions_and_demotions_as_their_standings_propose_them()
    {
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var list = await StandingData.JsonAsync(await manager.GetAsync("/api/v1/program/reviews?asOf=2026-06-15"), HttpStatusCode.OK);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        var kinds = items.Select(i => i.GetProperty("kind").GetString()).ToHashSet();
        // The demo has a partner whose revenue collapsed (demoted, or held by the grace period, depending on where the
        // date falls in the review cadence) and certifications that expire.
        Assert.True(kinds.Contains("demotion") || kinds.Contains("demotion-held"), string.Join(", ", kinds));
        Assert.Contains("renewal", kinds);

        // Each tier line is what that partner's own standing proposes, with the same explanation.
        foreach (var item in items.Where(i => i.GetProperty("kind").GetString() is "promotion" or "demotion" or "demotion-held"))
        {
            var id = item.GetProperty("partnerId").GetGuid();
            var tier = (await StandingData.JsonAsync(await manager.GetAsync($"/api/v1/partners/{id}/standing?asOf=2026-06-15"), HttpStatusCode.OK)).GetProperty("tier");
            var change = tier.GetProperty("change").GetString() switch { "demotionHeld" => "demotion-held", var c => c };
            Assert.Equal(change, item.GetProperty("kind").GetString());
            Assert.Equal(tier.GetProperty("changeExplanation").GetString(), item.GetProperty("explanation").GetString());
        }

        Assert.Contains("Reviews", await manager.GetStringAsync("/reviews?asOf=2026-06-15"));
        var problem = await (await manager.GetAsync("/api/v1/program/reviews?asOf=June")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("asOf", problem.Keys);
    }
}

public sealed class DemoStandingOnSqlite(SqliteDemoApp app) : DemoStandingTests<SqliteDemoApp>(app);

public sealed class DemoStandingOnPostgres(PostgresDemoApp app) : DemoStandingTests<PostgresDemoApp>(app);
