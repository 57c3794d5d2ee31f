using PartnerHub.App.Persistence;
using PartnerHub.Tests.Infrastructure;
using static PartnerHub.Tests.Infrastructure.CliRun;

namespace PartnerHub.Tests.Marketing;

/// <summary>`partnerhub collateral list|add|version` and `partnerhub mdf budget|activities`, in-process against a real database.</summary>
public abstract class MarketingCliTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Collateral_and_mdf_from_the_command_line()
    {
        var db = await TestDatabases.CreateAsync(provider);
        Assert.Equal(0, (await RunAsync(db, "partners", "import", TempFile("name,domain,subcategory,stage\nAcme Resale,acme-resale.com,resellers,active\n"))).Exit);

        FailsWithOneLine(await RunAsync(db, "collateral", "add", "--title", "Tool", "--kind", "Sales Collateral", "--file", TempFile("MZ", ".exe")), "are not allowed");
        FailsWithOneLine(await RunAsync(db, "collateral", "add", "--title", "Deck", "--kind", "Brochures", "--file", TempFile("%PDF-1.4", ".pdf")), "not a kind of material");
        var added = await RunAsync(db, "collateral", "add", "--title", "Pitch deck", "--kind", "Sales Collateral", "--min-tier", "preferred", "--file", TempFile("%PDF-1.4 deck", ".pdf"));
        Assert.Equal((0, ""), (added.Exit, added.Err));
        var id = added.Out.Split('(', ')')[1];
        var version = await RunAsync(db, "collateral", "version", id, "--file", TempFile("%PDF-1.4 deck v2", ".pdf"), "--note", "New slide");
        Assert.Contains("Pitch deck is now at version 2", version.Out);
        var list = await RunAsync(db, "collateral", "list");
        Assert.Contains("Pitch deck", list.Out);
        Assert.Contains("preferred", list.Out);

        var budget = await RunAsync(db, "mdf", "budget", "acme-resale.com");
        Assert.Equal((0, ""), (budget.Exit, budget.Err));
        Assert.Contains("has no market development funds", budget.Out);
        FailsWithOneLine(await RunAsync(db, "mdf", "activities", "--status", "pending"), "not a status");
    }
}

public sealed class MarketingCliOnSqlite() : MarketingCliTests(DatabaseProvider.Sqlite);

public sealed class MarketingCliOnPostgres() : MarketingCliTests(DatabaseProvider.Postgres);
