using System.Text;
using PartnerHub.App.Persistence;
using PartnerHub.Tests.Infrastructure;
using static PartnerHub.Tests.Infrastructure.CliRun;

namespace PartnerHub.Tests.Relationships;

/// <summary>`partnerhub relationship …`, `program alerts|expansion` and `partners churn|terminate`, in-process against a real database.</summary>
public abstract class RelationshipCliTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Plan_log_timeline_alerts_and_churn_from_the_command_line()
    {
        var db = await TestDatabases.CreateAsync(provider);
        Assert.Equal(0, (await RunAsync(db, "partners", "import", TempFile("name,domain,subcategory,stage,agreement_starts_on\nAcme Resale,acme-resale.com,resellers,active,2025-01-01\n"))).Exit);
        var revenue = new StringBuilder("external_id,partner,kind,occurred_on,amount\n");
        for (var m = 1; m <= 12; m++) revenue.Append($"ev-{m},acme-resale.com,payment,2025-{m:D2}-10,3000.00\n");
        Assert.Equal(0, (await RunAsync(db, "facts", "import", "revenue-events", TempFile(revenue.ToString()))).Exit);
        var ratings = "partner,criterion,rated_on,score\n" + string.Join("", new[] { "strategic-value", "market-position", "innovation", "commitment" }.Select(c => $"acme-resale.com,{c},2025-01-05,3\n"));
        Assert.Equal(0, (await RunAsync(db, "facts", "import", "ratings", TempFile(ratings))).Exit);

        var goal = await RunAsync(db, "relationship", "goal", "acme-resale.com", "--title", "Reach Strategic", "--due", "2026-12-31", "--owner", "maria", "--kpi", "partner-revenue", "--target", "100000");
        Assert.Equal((0, ""), (goal.Exit, goal.Err));
        FailsWithOneLine(await RunAsync(db, "relationship", "goal", "acme-resale.com", "--title", "X", "--due", "2026-12-31", "--owner", "maria", "--kpi", "horoscope", "--target", "1"),
            "kpi: Unknown KPI 'horoscope'");
        var plan = await RunAsync(db, "relationship", "plan", "acme-resale.com", "--year", "2026");
        Assert.Contains("Reach Strategic", plan.Out);

        var log = await RunAsync(db, "relationship", "log", "acme-resale.com", "--kind", "qbr", "--at", "2026-03-31", "--who", "maria", "--participant", "Jana", "--participant", "Max", "--outcome", "Plan agreed");
        Assert.Equal((0, ""), (log.Exit, log.Err));
        FailsWithOneLine(await RunAsync(db, "relationship", "log", "acme-resale.com", "--kind", "lunch", "--at", "2026-03-31", "--who", "maria"), "kind: Unknown kind 'lunch'");
        var timeline = await RunAsync(db, "relationship", "timeline", "acme-resale.com");
        Assert.Contains("QBR by maria: Plan agreed", timeline.Out);
        Assert.Contains("Tier Standard → Preferred at the review on 2025-10-01", timeline.Out);

        // $36,000.00 in 2025 held Preferred; its $100,000.00 revenue target was missed at the reviews of 2026-01-01 and 2026-04-01.
        var alerts = await RunAsync(db, "program", "alerts", "--as-of", "2026-06-15");
        Assert.Equal(0, alerts.Exit);
        Assert.Contains("target-missed Acme Resale: The revenue target was missed at the last 2 reviews in a row.", alerts.Out);
        Assert.Equal(0, (await RunAsync(db, "program", "expansion", "--as-of", "2026-06-15")).Exit);
        FailsWithOneLine(await RunAsync(db, "program", "alerts", "--as-of", "June"), "--as-of");

        FailsWithOneLine(await RunAsync(db, "partners", "churn", "acme-resale.com"), "reason: This field is required.");
        var dry = await RunAsync(db, "partners", "churn", "acme-resale.com", "--reason", "Budget cut", "--dry-run");
        Assert.Equal(0, dry.Exit);
        Assert.Contains("Open deal registrations: none", dry.Out);
        Assert.Contains("Acme Resale (active -> churned)", dry.Out);
        var churn = await RunAsync(db, "partners", "churn", "acme-resale.com", "--reason", "Budget cut");
        Assert.Equal((0, ""), (churn.Exit, churn.Err));
        Assert.Contains("Acme Resale is now churned: Budget cut", churn.Out);
        FailsWithOneLine(await RunAsync(db, "partners", "churn", "acme-resale.com", "--reason", "Again"), "cannot move from churned to churned");
        Assert.Equal(0, (await RunAsync(db, "partners", "terminate", "acme-resale.com", "--reason", "Contract ended")).Exit);
        Assert.Contains("Stage churned → terminated: Contract ended", (await RunAsync(db, "relationship", "timeline", "acme-resale.com")).Out);
    }
}

public sealed class RelationshipCliOnSqlite() : RelationshipCliTests(DatabaseProvider.Sqlite);

public sealed class RelationshipCliOnPostgres() : RelationshipCliTests(DatabaseProvider.Postgres);
