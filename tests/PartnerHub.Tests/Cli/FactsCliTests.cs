using System.Text;
using System.Text.Json;
using PartnerHub.App.Persistence;
using PartnerHub.Cli;
using PartnerHub.Tests.Infrastructure;
using static PartnerHub.Tests.Infrastructure.CliRun;

namespace PartnerHub.Tests.Cli;

/// <summary>`partnerhub facts import` and `partnerhub standing`, run in-process against a real database.</summary>
public abstract class FactsCliTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Facts_import_then_standing_and_reviews_explain_the_tier_on_any_date()
    {
        var db = await TestDatabases.CreateAsync(provider);
        Assert.Equal(0, (await RunAsync(db, "partners", "import", TempFile("name,domain,subcategory,stage,agreement_starts_on\nAcme Resale,acme-resale.com,resellers,active,2025-01-01\n"))).Exit);
        var revenue = new StringBuilder("external_id,partner,kind,occurred_on,amount\n");
        for (var m = 1; m <= 12; m++) revenue.Append($"ev-{m},acme-resale.com,payment,2025-{m:D2}-10,3000.00\n");
        revenue.Append("ev-bad,acme-resale.com,payment,2025-13-10,3000.00\n");

        var strict = await RunAsync(db, "facts", "import", "revenue-events", TempFile(revenue.ToString()), "--strict");
        Assert.Equal(ExitCodes.RowsRefused, strict.Exit);
        Assert.Contains("line 14, column occurred_on", strict.Err);
        Assert.Contains("Nothing applied", strict.Out);

        var import = await RunAsync(db, "facts", "import", "revenue-events", TempFile(revenue.ToString()));
        Assert.Equal(ExitCodes.RowsRefused, import.Exit);
        Assert.Contains("12 created", import.Out);
        var ratings = "partner,criterion,rated_on,score\n" + string.Join("", new[] { "strategic-value", "market-position", "innovation", "commitment" }.Select(c => $"acme-resale.com,{c},2025-01-05,3\n"));
        Assert.Equal(0, (await RunAsync(db, "facts", "import", "ratings", TempFile(ratings))).Exit);
        Assert.Equal(ExitCodes.Failure, (await RunAsync(db, "facts", "import", "horoscopes", TempFile(ratings))).Exit);

        // $36,000.00 collected in the 12 months to 2025-12-31: Preferred (since the review of 2025-10-01).
        var text = await RunAsync(db, "standing", "acme-resale.com", "--as-of", "2026-01-02");
        Assert.Equal((0, ""), (text.Exit, text.Err));
        Assert.Contains("Tier: Preferred", text.Out);
        Assert.Contains("$36,000.00", text.Out);

        var json = await RunAsync(db, "standing", "acme-resale.com", "--as-of", "2025-06-30", "--json");
        Assert.Equal(0, json.Exit);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal("standard", doc.RootElement.GetProperty("tier").GetProperty("held").GetString());
        Assert.Equal("2025-06-30", doc.RootElement.GetProperty("asOf").GetString());

        // $27,000.00 by 2025-09-15 qualifies for Preferred; the review of 2025-07-01 saw $18,000.00. The worklist shows
        // the promotion the next review makes.
        var reviews = await RunAsync(db, "program", "reviews", "--as-of", "2025-09-15");
        Assert.Equal((0, ""), (reviews.Exit, reviews.Err));
        Assert.Contains("promotion      Acme Resale: Standard Partners -> Preferred Partners on 2025-10-01.", reviews.Out);
        Assert.StartsWith("0 to review on 2025-10-02", (await RunAsync(db, "program", "reviews", "--as-of", "2025-10-02")).Out); // promoted
        Assert.Equal(ExitCodes.Failure, (await RunAsync(db, "program", "reviews", "--as-of", "December")).Exit);

        // The roadmap (from 2026-01-01) on its second day: one active partner of 25 by Q2 is ahead of an even pace.
        var roadmap = await RunAsync(db, "program", "roadmap", "--as-of", "2026-01-02");
        Assert.Equal((0, ""), (roadmap.Exit, roadmap.Err));
        Assert.Contains("  Q2 25 active partners: 1 of 25 (4%), on track.", roadmap.Out);
        Assert.Contains("$36,000.00 of $2,000,000.00 (1%), on track.", roadmap.Out);
        Assert.Equal(ExitCodes.Failure, (await RunAsync(db, "program", "roadmap", "--as-of", "soon")).Exit);

        Assert.Equal(ExitCodes.Failure, (await RunAsync(db, "standing", "acme-resale.com", "--as-of", "yesterday")).Exit);
        Assert.Equal(ExitCodes.Failure, (await RunAsync(db, "standing", "nobody.example.org")).Exit);
    }
}

public sealed class FactsCliOnSqlite() : FactsCliTests(DatabaseProvider.Sqlite);

public sealed class FactsCliOnPostgres() : FactsCliTests(DatabaseProvider.Postgres);
