using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Marketing;
using PartnerHub.App.Persistence;
using PartnerHub.Tests.Standing;

namespace PartnerHub.Tests.Marketing;

/// <summary>The demo has a collateral library with gated and versioned items, and co-marketing requests within their partners' budgets.</summary>
public abstract class DemoMarketingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DemoApp
{
    [Fact]
    public async Task Demo_has_a_gated_collateral_library_and_co_marketing_requests_within_budget()
    {
        await using var scope = app.Scope();
        var library = (await scope.ServiceProvider.GetRequiredService<ListCollateral>().HandleAsync(null, null, CancellationToken.None)).Value!;
        Assert.True(library.Items.Count >= 6);
        Assert.Contains(library.Items, i => i.MinTier == "strategic");
        Assert.Contains(library.Items, i => i.Category is not null);
        Assert.Contains(library.Items, i => i.Version == 2);

        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var activities = await db.Set<MdfActivity>().AsNoTracking().ToListAsync();
        Assert.True(activities.Count >= 2, $"{activities.Count} activities");
        Assert.Contains(activities, a => a.Status == Core.Marketing.MdfStatus.Approved);
        Assert.Contains(activities, a => a.Status == Core.Marketing.MdfStatus.Requested);
        var budgets = scope.ServiceProvider.GetRequiredService<GetMdfBudget>();
        foreach (var partner in activities.Select(a => a.PartnerId).Distinct())
        {
            var budget = (await budgets.HandleAsync(partner, null, CancellationToken.None)).Value!;
            Assert.True(budget.Fixed && budget.AvailableMinor >= 0 && budget.CommittedMinor <= budget.BudgetMinor, budget.Explanation);
        }
    }
}

public sealed class DemoMarketingOnSqlite(SqliteDemoApp app) : DemoMarketingTests<SqliteDemoApp>(app);

public sealed class DemoMarketingOnPostgres(PostgresDemoApp app) : DemoMarketingTests<PostgresDemoApp>(app);
