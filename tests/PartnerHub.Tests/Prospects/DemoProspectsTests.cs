using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Prospects;
using PartnerHub.App.Relationships;
using PartnerHub.Tests.Deals;
using PartnerHub.Tests.Standing;

namespace PartnerHub.Tests.Prospects;

/// <summary>The demo's prospects spread across the opportunity matrix and give the outreach plan work to do, on both databases.</summary>
public abstract class DemoProspectsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DemoApp
{
    [Fact]
    public async Task Demo_prospects_pass_and_fail_in_several_categories_and_some_follow_ups_are_overdue()
    {
        await using var scope = app.Scope();
        var matrix = (await scope.ServiceProvider.GetRequiredService<GetOpportunityMatrix>().HandleAsync(CancellationToken.None)).Ok();
        var placed = matrix.Categories.SelectMany(c => c.Subcategories.SelectMany(s => s.Placements.Select(p => (Category: c.Key, p)))).ToList();
        Assert.True(placed.Where(x => x.p.FitScore is not null).Select(x => x.Category).Distinct().Count() >= 4);
        Assert.Contains(placed, x => x.p.Passes == true);
        Assert.Contains(placed, x => x.p.Passes == false);
        Assert.Contains(placed, x => x.p.Quadrant == "unassessed");
        Assert.Contains(placed, x => x.p is { Name: "Northbridge University", Stage: "qualified", Passes: false }); // qualified by override

        var plan = await scope.ServiceProvider.GetRequiredService<GetOutreachPlan>().HandleAsync(CancellationToken.None);
        Assert.True(plan.Overdue.Count >= 3, string.Join(", ", plan.Overdue.Select(i => i.Name)));
        Assert.NotEmpty(plan.DueThisWeek);
        Assert.Contains(plan.NotContacted, i => i.Name == "Funnel Theory");

        var expansion = await scope.ServiceProvider.GetRequiredService<ListExpansionCandidates>().HandleAsync(null, CancellationToken.None);
        var crossCategory = Assert.Single(expansion.OtherCategories); // of the two assessed for education, one passes
        Assert.Equal("education", crossCategory.TargetCategory);
    }
}

public sealed class DemoProspectsOnSqlite(SqliteDemoApp app) : DemoProspectsTests<SqliteDemoApp>(app);

public sealed class DemoProspectsOnPostgres(PostgresDemoApp app) : DemoProspectsTests<PostgresDemoApp>(app);
