using PartnerHub.Core.Ledger;
using static PartnerHub.Core.Tests.Ledger.LedgerBuilder;

namespace PartnerHub.Core.Tests.Ledger;

public sealed class StatementAndPayoutTests
{
    private static readonly StatementPeriod March = StatementPeriod.Parse("2025-03").Value;

    [Theory]
    [InlineData("2025-3")]
    [InlineData("2025-13")]
    [InlineData("March")]
    [InlineData(null)]
    public void A_period_is_a_month_written_yyyy_mm(string? text) => Assert.False(StatementPeriod.Parse(text).IsSuccess);

    [Fact]
    public void A_period_knows_its_first_and_last_day()
    {
        var february = StatementPeriod.Parse("2024-02").Value;
        Assert.Equal(new DateOnly(2024, 2, 1), february.FirstDay);
        Assert.Equal(new DateOnly(2024, 2, 29), february.LastDay);
        Assert.Equal("2024-02", february.ToString());
    }

    [Fact]
    public void A_statement_has_the_opening_balance_the_months_lines_with_explanations_and_the_closing_balance()
    {
        var journal = new LedgerJournal();
        journal.Post(Accrual(on: new DateOnly(2025, 2, 20))); // before the period: opening
        var march = journal.Post(Accrual(on: new DateOnly(2025, 3, 5), percent: 5m)).Value;
        journal.Post(Commissions.Clawback("refund:1", march, journal.RelatedTo(march.Id), Usd_(1_000), "Refund", new DateOnly(2025, 3, 20), Now).Value);
        journal.Post(Accrual(partner: Beta, on: new DateOnly(2025, 3, 6))); // another partner: not on this statement
        journal.Post(Accrual(on: new DateOnly(2025, 4, 1))); // after the period

        var statement = PartnerStatement.Build(Alpha, March, Usd, journal.Transactions);

        Assert.Equal(100_000, statement.Opening.NetOwed.Minor);
        Assert.Equal([50_000L, -1_000L], statement.Lines.Select(l => l.Amount.Minor));
        Assert.Equal("referral", statement.Lines[0].Basis!.RevenueModel);
        Assert.Contains("5%", statement.Lines[0].Explanation, StringComparison.Ordinal);
        Assert.Contains("Refund", statement.Lines[1].Explanation, StringComparison.Ordinal);
        Assert.Equal(149_000, statement.Closing.NetOwed.Minor);
    }

    [Fact]
    public void A_statement_rebuilt_as_posted_at_its_issue_ignores_later_postings()
    {
        var journal = new LedgerJournal();
        journal.Post(Accrual(on: new DateOnly(2025, 3, 5)));
        var issuedAt = Now.AddDays(30);
        var late = Commissions.Accrue("late", Alpha, Basis(), new DateOnly(2025, 3, 31), issuedAt.AddDays(1)).Value;
        journal.Post(late);

        Assert.Single(PartnerStatement.Build(Alpha, March, Usd, journal.Transactions, postedUpTo: issuedAt).Lines);
        Assert.Equal(2, PartnerStatement.Build(Alpha, March, Usd, journal.Transactions).Lines.Count);
    }

    [Fact]
    public void The_payout_plan_pays_balances_at_or_above_the_minimum_and_carries_the_rest()
    {
        var gamma = PartnerHub.Core.Partners.PartnerId.New();
        var delta = PartnerHub.Core.Partners.PartnerId.New();
        PartnerBalance Payable(PartnerHub.Core.Partners.PartnerId p, long minor) => PartnerBalance.Zero(p, Usd) with { Payable = Usd_(minor), Held = Usd_(99_999) };

        var plan = PayoutPlanner.Plan([Payable(Alpha, 5_000), Payable(Beta, 4_999), Payable(gamma, -2_500), Payable(delta, 0)], Usd_(5_000));

        var line = Assert.Single(plan.Lines);
        Assert.Equal((Alpha, 5_000L), (line.Partner, line.Amount.Minor)); // held money is never paid
        Assert.Equal(5_000, plan.Total.Minor);
        Assert.Equal(new[] { Beta, gamma }.OrderBy(p => p.Value), plan.CarriedForward.Select(c => c.Partner));
        Assert.Contains("below", plan.CarriedForward.Single(c => c.Partner == Beta).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_planned_batch_becomes_one_idempotent_payout_per_partner()
    {
        var plan = PayoutPlanner.Plan([PartnerBalance.Zero(Alpha, Usd) with { Payable = Usd_(12_345) }], Usd_(100));
        var payouts = PayoutPlanner.ToTransactions(plan, "2025-03-B1", Day, Now).Value;
        var payout = Assert.Single(payouts);
        Assert.Equal($"payout:2025-03-B1:{Alpha}", payout.SourceKey);
        Assert.Equal(12_345, payout.Entries.Single(e => e.Account == LedgerAccount.CommissionPayable).Amount.Minor);
        Assert.Equal(-12_345, payout.Entries.Single(e => e.Account == LedgerAccount.PayoutClearing).Amount.Minor);
    }

    [Fact]
    public void Settling_clearing_moves_it_to_cash()
    {
        var tx = Payouts.SettleClearing("bank:2025-03-12", Usd_(12_345), "Statement line 77", Day, Now).Value;
        Assert.Equal(12_345, tx.Entries.Single(e => e.Account == LedgerAccount.PayoutClearing).Amount.Minor);
        Assert.Equal(-12_345, tx.Entries.Single(e => e.Account == LedgerAccount.Cash).Amount.Minor);
    }
}
