using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Commissions;
using PartnerHub.App.Facts;
using PartnerHub.App.Identity;
using PartnerHub.App.Ledger;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Ledger;
using PartnerHub.Tests.Infrastructure;
using PartnerHub.Tests.Standing;
using PartnerHub.Web.Ledger;

namespace PartnerHub.Tests.Revenue;

/// <summary>
/// A golden statement for the demo's Zapier, computed by hand. Zapier is an integration partner (technology /
/// integration: revenue share is its subcategory's first model with a computed amount; its agreement names none). On
/// the demo's history it holds Strategic and the Advanced certification throughout May 2026, so its rate is
/// byTier.strategic 20% + certificationUplift.advanced 2 points = 22%.
///
///   2026-05-05  payment  G1  $2,500.00   22% = $550.00                                   accrual   +550.00
///   2026-05-12  payment  G2  $1,234.56   22% = $271.6032 → $271.60                       accrual   +271.60
///   2026-05-20  refund   R1  $500.00 of G1: round(55000 × 50000 / 250000) = 11000        clawback  −110.00
///   2026-05-28  chargeback C1 $1,234.56 of G2: all of it, 27160                          clawback  −271.60
///                                                                                     held moves   +440.00
/// Everything is still held on 2026-06-15 (45 days of holding from 2026-05-05 end on 2026-06-19), so payable moves 0.
/// The demo closed May at start-up (its own commission history), so these back-dated events are not edited into that
/// statement: closing May again issues an adjusting statement, sequence 2, with exactly these four lines, opening
/// where the first one closed.
/// </summary>
public abstract class DemoStatementTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DemoApp
{
    [Fact]
    public async Task Zapiers_May_statement_shows_each_accrual_and_clawback_with_its_explanation()
    {
        Guid zapier;
        await using (var scope = app.Scope())
            zapier = (await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Partners.SingleAsync(p => p.Domain == "zapier.com")).Id.Value;
        var (billing, _) = await app.ApiKeyClientAsync("revenue:write");
        var customer = Build.Unique("golden-");
        object[] events =
        [
            new { id = customer + "-G1", kind = "payment", occurredOn = "2026-05-05", amount = "2500.00", partner = "zapier.com", customer },
            new { id = customer + "-G2", kind = "payment", occurredOn = "2026-05-12", amount = "1234.56", customer },
            new { id = customer + "-R1", kind = "refund", occurredOn = "2026-05-20", amount = "500.00", refunds = customer + "-G1" },
            new { id = customer + "-C1", kind = "chargeback", occurredOn = "2026-05-28", amount = "1234.56", refunds = customer + "-G2" },
        ];
        foreach (var e in events) Assert.Equal(HttpStatusCode.Created, (await billing.PostAsJsonAsync("/api/v1/revenue-events", e, HttpAssertions.Json)).StatusCode);

        var finance = await app.ClientAsync(Roles.Finance);
        var closed = await finance.PostAsJsonAsync("/api/v1/statements/close", new { period = "2026-05" }, HttpAssertions.Json).ReadAsync<ClosedJson>(HttpStatusCode.OK);
        var issued = closed.Issued.Single(s => s.PartnerId == zapier);

        var user = await app.ClientAsync(Roles.PartnerUser, new Core.Partners.PartnerId(zapier));
        var statement = await user.GetAsync($"/api/v1/statements/{issued.Id}").ReadAsync<StatementJson>(HttpStatusCode.OK);
        var first = (await user.GetAsync("/api/v1/statements?period=2026-05").ReadAsync<List<StatementSummaryJson>>(HttpStatusCode.OK)).Single(s => s.Sequence == 1);
        Assert.Equal((2, true), (statement.Sequence, statement.Adjusting));
        Assert.Equal(first.Closing, statement.Opening);
        Assert.Equal(
            [(new DateOnly(2026, 5, 5), LedgerTransactionKind.Accrual, 55_000L), (new DateOnly(2026, 5, 12), LedgerTransactionKind.Accrual, 27_160L),
             (new DateOnly(2026, 5, 20), LedgerTransactionKind.Clawback, -11_000L), (new DateOnly(2026, 5, 28), LedgerTransactionKind.Clawback, -27_160L)],
            statement.Lines.Select(l => (l.OccurredOn, l.Kind, l.Amount.Minor)));
        var accruals = statement.Lines.Where(l => l.Kind == LedgerTransactionKind.Accrual).ToList();
        Assert.All(accruals, l => Assert.Equal(("revenue-share", 22m, "strategic", "v1"), (l.Basis!.RevenueModel, l.Basis.Percent, l.Basis.Tier, l.Basis.ProgramVersion)));
        Assert.Contains("22% of 2,500.00 USD = 550.00 USD", accruals[0].Explanation);
        Assert.Contains("plus 2 points for Advanced", accruals[0].Explanation);
        Assert.Contains("110.00 USD of the 550.00 USD accrued", statement.Lines[2].Explanation);
        Assert.Equal((44_000L, 0L), (statement.Closing.Held.Minor - statement.Opening.Held.Minor, statement.Closing.Payable.Minor - statement.Opening.Payable.Minor));
    }

    /// <summary>The demo's own money path, loaded at start-up on 2026-06-15: every workflow state, through to a paid batch.</summary>
    [Fact]
    public async Task The_demo_runs_deals_and_money_from_registration_to_payout()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var states = await db.DealRegistrations.Select(d => d.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<DealStatus>().Order(), states.Order());
        Assert.Contains(await db.DealRegistrations.ToListAsync(), d => d.PendingExtension is not null);

        // A won registration's payments are attributed through it, and each accrued commission.
        var won = await db.DealRegistrations.Where(d => d.Status == DealStatus.Won).Select(d => d.Id.Value).ToListAsync();
        var payments = await db.Set<RevenueEventRecord>().Where(e => e.Kind == RevenueKind.Payment && e.DealRegistrationId != null && won.Contains(e.DealRegistrationId.Value))
            .Select(e => e.Id).ToListAsync();
        Assert.NotEmpty(payments);
        var keys = payments.Select(id => AccrueCommissions.AccrualPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(payments.Count, await db.LedgerTransactions.CountAsync(t => keys.Contains(t.SourceKey) && t.Kind == LedgerTransactionKind.Accrual));

        // Statements for the three months before, a paid batch, and a ledger that balances.
        var periods = await db.Statements.Select(s => s.Period).Distinct().ToListAsync();
        Assert.Subset(periods.ToHashSet(), new HashSet<string> { "2026-03", "2026-04", "2026-05" });
        var batch = await db.PayoutBatches.SingleAsync(b => b.ExternalReference == "DEMO-ACH-20260615");
        Assert.Equal(PayoutBatchStatus.Paid, batch.Status);
        Assert.Equal(batch.LineCount, await db.LedgerTransactions.CountAsync(t => t.Kind == LedgerTransactionKind.Payout && t.SourceKey.StartsWith($"payout:{batch.Id}:")));
        Assert.Equal(0L, await db.LedgerEntries.SumAsync(e => e.AmountMinor));

        var manager = await app.ClientAsync(Roles.PartnerManager);
        Assert.Contains("Stark Components", await manager.GetStringAsync("/api/v1/deals/overdue")); // Make's, four days without a decision
        var lookalike = await db.DealRegistrations.Where(d => d.CustomerName.StartsWith("Globex Logistic ")).Select(d => d.Id.Value).SingleAsync();
        var conflicts = (await StandingData.JsonAsync(await manager.GetAsync($"/api/v1/deals/{lookalike}"), HttpStatusCode.OK)).GetProperty("conflicts");
        Assert.Equal("possibleDuplicate", conflicts.GetProperty("outcome").GetString()); // close to Zapier's "Globex Logistics Ltd"
    }

    [Fact]
    public async Task The_commission_chart_shows_the_demo_payout_and_owes_what_the_ledger_owes()
    {
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var chart = await StandingData.JsonAsync(await manager.GetAsync("/api/v1/program/charts/commissions?asOf=2026-06-15"), HttpStatusCode.OK);
        decimal Last(string series) => chart.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("key").GetString() == series).GetProperty("values")[11].GetDecimal();

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var date = new DateOnly(2026, 6, 15);
        var owed = -await db.LedgerEntries.Where(e => (e.Account == LedgerAccount.CommissionHeld || e.Account == LedgerAccount.CommissionPayable) && e.OccurredOn <= date)
            .SumAsync(e => e.AmountMinor);
        Assert.Equal(owed / 100m, Last("owed"));
        var batch = await db.PayoutBatches.SingleAsync(b => b.ExternalReference == "DEMO-ACH-20260615");
        Assert.True(Last("paid") >= batch.TotalMinor / 100m, $"paid {Last("paid")} in June, the demo batch paid {batch.TotalMinor}");

        var paidTo = await StandingData.JsonAsync(await manager.GetAsync("/api/v1/program/charts/commissions/partners?asOf=2026-06-15&point=2026-06&series=paid"), HttpStatusCode.OK);
        Assert.Equal(batch.LineCount, paidTo.GetProperty("partners").GetArrayLength());
    }
}

public sealed class DemoStatementOnSqlite(SqliteDemoApp app) : DemoStatementTests<SqliteDemoApp>(app);

public sealed class DemoStatementOnPostgres(PostgresDemoApp app) : DemoStatementTests<PostgresDemoApp>(app);
