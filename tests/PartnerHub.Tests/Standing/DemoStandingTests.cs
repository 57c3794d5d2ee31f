using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
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
}

public sealed class DemoStandingOnSqlite(SqliteDemoApp app) : DemoStandingTests<SqliteDemoApp>(app);

public sealed class DemoStandingOnPostgres(PostgresDemoApp app) : DemoStandingTests<PostgresDemoApp>(app);
