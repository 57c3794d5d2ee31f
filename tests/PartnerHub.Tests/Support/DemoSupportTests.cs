using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Support;
using PartnerHub.Tests.Standing;

namespace PartnerHub.Tests.Support;

/// <summary>
/// The demo's support queue has tickets met and breached, some still open, and ratings that are satisfaction survey
/// facts; every ticket is on a level and channel its partner's tier includes.
/// </summary>
public abstract class DemoSupportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DemoApp
{
    [Fact]
    public async Task Demo_tickets_have_met_and_breached_clocks_and_ratings_that_count_as_surveys()
    {
        await using var scope = app.Scope();
        var queue = (await scope.ServiceProvider.GetRequiredService<GetSupportQueue>().HandleAsync("all", null, false, CancellationToken.None)).Value;
        Assert.True(queue.Count >= 12, $"{queue.Count} tickets");
        Assert.Contains(queue, t => t.Status != "closed");
        Assert.Contains(queue, t => t.FirstResponse.State == "met");
        Assert.Contains(queue, t => t.Breached);
        Assert.All(queue.Where(t => t.Status == "closed"), t => Assert.NotEqual("running", t.Resolution.State));

        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var rated = queue.Where(t => t.Rating is not null).ToList();
        Assert.NotEmpty(rated);
        var sources = await db.Set<SurveyResponseRecord>().Where(s => s.ExternalId.StartsWith(RateSupportTicket.SurveySource)).CountAsync();
        Assert.Equal(rated.Count, sources);

        var program = (await scope.ServiceProvider.GetRequiredService<PartnerHub.App.Programs.ProgramStore>().CurrentAsync(CancellationToken.None)).Program;
        Assert.All(queue, t =>
        {
            var tier = program.Tiers.Single(x => x.Key == t.Tier);
            Assert.True(t.Level <= tier.Support.MaxLevel);
            Assert.Contains(tier.Support.Channels, c => c.Channel == t.Channel);
        });

        var kpis = (await scope.ServiceProvider.GetRequiredService<GetSupportKpis>().HandleAsync(new PartnerHub.Core.Partners.PartnerId(rated[0].PartnerId), CancellationToken.None)).Value;
        Assert.NotNull(kpis.Kpis.SatisfactionPercent);
        Assert.NotNull(kpis.Kpis.MedianResolutionHours);
    }
}

public sealed class DemoSupportOnSqlite(SqliteDemoApp app) : DemoSupportTests<SqliteDemoApp>(app);

public sealed class DemoSupportOnPostgres(PostgresDemoApp app) : DemoSupportTests<PostgresDemoApp>(app);
