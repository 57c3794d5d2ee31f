using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Csv;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Standing;
using PartnerHub.App.Webhooks;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;
using PartnerHub.Tests.Relationships;

namespace PartnerHub.Tests.Standing;

/// <summary>The tier watch on SQLite and PostgreSQL: a baseline first, then one <c>tier.changed</c> event per move, with the engine's explanation.</summary>
public abstract class TierWatchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private async Task<int> WatchAsync()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<WatchTiers>().HandleAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_held_tier_that_moves_is_announced_once_with_the_engines_explanation()
    {
        var partner = await RelationshipData.PartnerAsync(app, 0m, new DateOnly(2025, 1, 10), new DateOnly(2025, 1, 10), rating: 0); // Standard: no revenue
        await WatchAsync(); // the first sighting is a baseline, not a move
        Assert.Equal(0, await WatchAsync());

        // A year and a half of $9,000.00 a month and ratings of 4 arrive: the engine now says it held Strategic at the last review.
        var revenue = new StringBuilder("external_id,partner,kind,occurred_on,amount,customer\n");
        for (var month = new DateOnly(2025, 1, 10); month <= new DateOnly(2026, 6, 10); month = month.AddMonths(1))
            revenue.Append(CultureInfo.InvariantCulture, $"{partner.Domain}-{month:yyyyMM},{partner.Domain},payment,{month:yyyy-MM-dd},9000.00,acme\n");
        var ratings = new StringBuilder("partner,criterion,rated_on,score\n");
        foreach (var criterion in new[] { "strategic-value", "market-position", "innovation", "commitment" })
            ratings.Append(CultureInfo.InvariantCulture, $"{partner.Domain},{criterion},2025-01-05,4\n");
        await using (var scope = app.Scope())
        {
            var import = scope.ServiceProvider.GetRequiredService<ImportFacts>();
            foreach (var (kind, csv) in new[] { ("revenue-events", revenue), ("ratings", ratings) })
                Assert.True((await import.CsvAsync(kind, Encoding.UTF8.GetBytes(csv.ToString()), new ImportOptions(Strict: true), null, CancellationToken.None)).Value.Applied);
        }

        Assert.True(await WatchAsync() >= 1);
        Assert.Equal(0, await WatchAsync()); // announced once

        await using var check = app.Scope();
        var db = check.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var holding = await db.Set<TierHolding>().AsNoTracking().SingleAsync(h => h.PartnerId == new PartnerId(partner.Id));
        Assert.Equal("strategic", holding.Tier);
        var events = await db.Set<WebhookEvent>().AsNoTracking().Where(e => e.Type == WebhookEventTypes.TierChanged).ToListAsync();
        var moved = Assert.Single(events, e => e.Payload.Contains(partner.Id.ToString(), StringComparison.Ordinal));
        var data = JsonDocument.Parse(moved.Payload).RootElement.GetProperty("data");
        Assert.Equal(("standard", "strategic"), (data.GetProperty("from").GetString(), data.GetProperty("to").GetString()));
        Assert.Equal(holding.Explanation, data.GetProperty("explanation").GetString());
        Assert.StartsWith("Holds Strategic", holding.Explanation, StringComparison.Ordinal);
    }
}

public sealed class TierWatchOnSqlite(SqliteApp app) : TierWatchTests<SqliteApp>(app);

public sealed class TierWatchOnPostgres(PostgresApp app) : TierWatchTests<PostgresApp>(app);
