using PartnerHub.Core.Ledger;
using static PartnerHub.Core.Tests.Ledger.LedgerBuilder;

namespace PartnerHub.Core.Tests.Ledger;

public sealed class CommissionsTests
{
    private const int HoldingDays = 30;

    [Fact]
    public void An_accrual_debits_expense_and_credits_the_partners_held_commission_with_its_basis()
    {
        var tx = Accrual(baseMinor: 6_120_000, percent: 12.5m);
        Assert.Equal(LedgerTransactionKind.Accrual, tx.Kind);
        var expense = tx.Entries.Single(e => e.Account == LedgerAccount.CommissionExpense);
        var held = tx.Entries.Single(e => e.Account == LedgerAccount.CommissionHeld);
        Assert.Equal(765_000, expense.Amount.Minor);
        Assert.Equal(-765_000, held.Amount.Minor);
        Assert.Equal(Alpha, held.PartnerId);
        Assert.Equal("gold", held.Basis!.Tier);
        Assert.Contains("12.5%", held.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_accrual_basis_without_explanation_or_with_both_rate_and_flat_is_refused()
    {
        var noWhy = Basis() with { Explanation = "" };
        var both = Basis() with { FlatAmount = Usd_(5) };
        Assert.Contains("basis.explanation", Commissions.Accrue("k", Alpha, noWhy, Day, Now).Error!.Fields!.Keys);
        Assert.Contains("basis.percent", Commissions.Accrue("k", Alpha, both, Day, Now).Error!.Fields!.Keys);
    }

    [Fact]
    public void A_flat_accrual_books_the_flat_amount()
    {
        var basis = AccrualBasis.Flat("referral", Usd_(1_000_000), Usd_(25_000), null, "2025.1", "Flat $250 referral bounty.");
        var tx = Commissions.Accrue("k", Alpha, basis, Day, Now).Value;
        Assert.Equal(-25_000, tx.Entries.Single(e => e.Account == LedgerAccount.CommissionHeld).Amount.Minor);
    }

    [Fact]
    public void A_split_accrual_gives_each_partner_its_share_and_the_shares_add_up_exactly()
    {
        var basis = Basis(baseMinor: 1_000, percent: 10m); // 100 cents between three partners
        var gamma = PartnerHub.Core.Partners.PartnerId.New();
        var tx = Commissions.AccrueSplit("k", basis, [new(Alpha, 1), new(Beta, 1), new(gamma, 1)], Day, Now).Value;
        var held = tx.Entries.Where(e => e.Account == LedgerAccount.CommissionHeld).ToDictionary(e => e.PartnerId!.Value, e => -e.Amount.Minor);
        Assert.Equal(34, held[Alpha]);
        Assert.Equal(33, held[Beta]);
        Assert.Equal(33, held[gamma]);
        Assert.All(tx.Entries.Where(e => e.Account == LedgerAccount.CommissionHeld), e => Assert.Contains("Split 1/3", e.Explanation, StringComparison.Ordinal));
    }

    [Fact]
    public void Reseller_margin_and_volume_rebates_can_book_to_their_own_expense_accounts()
    {
        var tx = Commissions.Accrue("k", Alpha, Basis() with { RevenueModel = "reseller" }, Day, Now, LedgerAccount.ResellerMarginExpense).Value;
        Assert.Contains(tx.Entries, e => e.Account == LedgerAccount.ResellerMarginExpense);
        Assert.False(Commissions.Accrue("k", Alpha, Basis(), Day, Now, LedgerAccount.Cash).IsSuccess);
    }

    [Fact]
    public void Release_before_the_holding_period_ends_is_refused()
    {
        var accrual = Accrual();
        var error = Commissions.Release(accrual, [], HoldingDays, Day.AddDays(HoldingDays - 1), Now).Error!;
        Assert.Equal("ledger_holding_period", error.Code);
        Assert.Contains("2025-04-09", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Release_moves_what_is_held_to_payable_once()
    {
        var journal = new LedgerJournal();
        var accrual = journal.Post(Accrual()).Value;
        var asOf = Day.AddDays(HoldingDays);
        var release = journal.Post(Commissions.Release(accrual, journal.RelatedTo(accrual.Id), HoldingDays, asOf, Now.AddDays(30)).Value).Value;

        Assert.Equal(accrual.Id, release.RelatesTo);
        var balance = LedgerBalances.ForPartner(journal.Transactions, Alpha, Usd, asOf);
        Assert.Equal(0, balance.Held.Minor);
        Assert.Equal(100_000, balance.Payable.Minor);
        Assert.Equal("ledger_nothing_to_release", Commissions.Release(accrual, journal.RelatedTo(accrual.Id), HoldingDays, asOf, Now.AddDays(30)).Error!.Code);
    }

    [Fact]
    public void A_clawback_takes_from_holding_first()
    {
        var journal = new LedgerJournal();
        var accrual = journal.Post(Accrual()).Value;
        var clawback = Commissions.Clawback("refund:1", accrual, journal.RelatedTo(accrual.Id), Usd_(40_000), "Refund of invoice 881", Day.AddDays(3), Now).Value;
        journal.Post(clawback);

        Assert.Equal(accrual.Id, clawback.RelatesTo);
        Assert.Equal(40_000, clawback.Entries.Single(e => e.Account == LedgerAccount.CommissionHeld).Amount.Minor);
        Assert.Equal(60_000, LedgerBalances.ForPartner(journal.Transactions, Alpha, Usd, Day.AddDays(3)).Held.Minor);
        Assert.Contains("Refund of invoice 881", clawback.Entries[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clawback_after_payout_drives_payable_negative_and_it_carries_forward()
    {
        var journal = new LedgerJournal();
        var accrual = journal.Post(Accrual()).Value;
        var asOf = Day.AddDays(HoldingDays);
        journal.Post(Commissions.Release(accrual, journal.RelatedTo(accrual.Id), HoldingDays, asOf, Now).Value);
        journal.Post(Payouts.PayOut("batch-1:alpha", Alpha, Usd_(100_000), Usd_(100_000), "TR-1", asOf, Now).Value);

        journal.Post(Commissions.Clawback("chargeback:7", accrual, journal.RelatedTo(accrual.Id), null, "Chargeback", asOf.AddDays(5), Now).Value);

        var balance = LedgerBalances.ForPartner(journal.Transactions, Alpha, Usd, asOf.AddDays(5));
        Assert.Equal(-100_000, balance.Payable.Minor);
        var plan = PayoutPlanner.Plan([balance], Usd_(5_000));
        Assert.Empty(plan.Lines);
        Assert.Contains("negative", Assert.Single(plan.CarriedForward).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_remains_cannot_be_clawed_back()
    {
        var journal = new LedgerJournal();
        var accrual = journal.Post(Accrual()).Value;
        journal.Post(Commissions.Clawback("r1", accrual, journal.RelatedTo(accrual.Id), Usd_(70_000), "Partial refund", Day, Now).Value);
        var error = Commissions.Clawback("r2", accrual, journal.RelatedTo(accrual.Id), Usd_(30_001), "Second refund", Day, Now).Error!;
        Assert.Equal("ledger_clawback_exceeds_accrual", error.Code);
        Assert.True(Commissions.Clawback("r2", accrual, journal.RelatedTo(accrual.Id), Usd_(30_000), "Second refund", Day, Now).IsSuccess);
    }

    [Fact]
    public void A_split_clawback_takes_from_each_partner_in_proportion_to_what_remains()
    {
        var journal = new LedgerJournal();
        var accrual = journal.Post(Commissions.AccrueSplit("k", Basis(), [new(Alpha, 3), new(Beta, 1)], Day, Now).Value).Value; // 75,000 / 25,000
        var clawback = Commissions.Clawback("r", accrual, journal.RelatedTo(accrual.Id), Usd_(10_000), "Refund", Day, Now).Value;
        var taken = clawback.Entries.Where(e => e.PartnerId is not null).ToDictionary(e => e.PartnerId!.Value, e => e.Amount.Minor);
        Assert.Equal(7_500, taken[Alpha]);
        Assert.Equal(2_500, taken[Beta]);
    }

    [Fact]
    public void ReleaseDue_releases_only_accruals_past_their_holding_period()
    {
        var journal = new LedgerJournal();
        var old = journal.Post(Accrual(on: Day)).Value;
        journal.Post(Accrual(on: Day.AddDays(10)));
        var releases = Commissions.ReleaseDue(journal.Transactions, HoldingDays, Day.AddDays(HoldingDays + 5), Now);
        Assert.Equal(old.Id, Assert.Single(releases).RelatesTo);
    }

    [Fact]
    public void Accruals_cannot_be_reversed_only_clawed_back()
    {
        Assert.Equal("ledger_not_reversible", Adjustments.Reverse(Accrual(), "oops", Day, Now).Error!.Code);
    }

    [Fact]
    public void A_returned_payout_is_reversed_and_the_payable_restored()
    {
        var journal = new LedgerJournal();
        journal.Post(Adjustments.Adjust("opening:alpha", "Opening balance migrated from the old system",
            [LedgerEntry.Debit(LedgerAccount.CommissionExpense, null, Usd_(50_000), "Migrated"), LedgerEntry.Credit(LedgerAccount.CommissionPayable, Alpha, Usd_(50_000), "Migrated")],
            Day, Now).Value);
        var payout = journal.Post(Payouts.PayOut("p1", Alpha, Usd_(50_000), Usd_(50_000), "TR-9", Day, Now).Value).Value;
        var reversal = Adjustments.Reverse(payout, "Bank returned the transfer: account closed", Day.AddDays(2), Now).Value;
        journal.Post(reversal);

        Assert.Equal(payout.Id, reversal.RelatesTo);
        Assert.Equal($"reversal:{payout.Id}", reversal.SourceKey);
        Assert.Equal(50_000, LedgerBalances.ForPartner(journal.Transactions, Alpha, Usd, Day.AddDays(2)).Payable.Minor);
        Assert.Single(journal.Transactions, t => t.Id == payout.Id); // the original stays as it was
    }

    [Fact]
    public void Adjustments_may_not_touch_held_commission() =>
        Assert.Equal("ledger_held_not_adjustable", Adjustments.Adjust("a", "x",
            [LedgerEntry.Debit(LedgerAccount.CommissionHeld, Alpha, Usd_(1), "x"), LedgerEntry.Credit(LedgerAccount.CommissionExpense, null, Usd_(1), "x")], Day, Now).Error!.Code);

    [Fact]
    public void A_payout_larger_than_the_payable_balance_is_refused() =>
        Assert.Equal("ledger_insufficient_payable", Payouts.PayOut("p", Alpha, Usd_(101), Usd_(100), "TR", Day, Now).Error!.Code);

    [Fact]
    public void Certification_fees_are_charged_then_collected_in_cash_or_from_commission()
    {
        var journal = new LedgerJournal();
        journal.Post(CertificationFees.Charge("cert:alpha:gold", Alpha, Usd_(49_900), "Gold", "Gold certification exam and badge.", Day, Now).Value);
        Assert.Equal(49_900, LedgerBalances.ForPartner(journal.Transactions, Alpha, Usd, Day).Receivable.Minor);

        journal.Post(CertificationFees.Collect("collect:1", Alpha, Usd_(9_900), fromCommission: false, "Card payment 5531", Day, Now).Value);
        journal.Post(CertificationFees.Collect("collect:2", Alpha, Usd_(40_000), fromCommission: true, "Set-off March", Day, Now).Value);

        var balance = LedgerBalances.ForPartner(journal.Transactions, Alpha, Usd, Day);
        Assert.Equal(0, balance.Receivable.Minor);
        Assert.Equal(-40_000, balance.Payable.Minor);
        Assert.Equal(-40_000, balance.NetOwed.Minor);
    }

    [Fact]
    public void Balances_are_as_of_a_business_date()
    {
        var journal = new LedgerJournal();
        journal.Post(Accrual(on: Day));
        journal.Post(Accrual(on: Day.AddDays(20)));
        Assert.Equal(0, LedgerBalances.ForPartner(journal.Transactions, Alpha, Usd, Day.AddDays(-1)).Held.Minor);
        Assert.Equal(100_000, LedgerBalances.ForPartner(journal.Transactions, Alpha, Usd, Day.AddDays(19)).Held.Minor);
        Assert.Equal(200_000, LedgerBalances.ForPartner(journal.Transactions, Alpha, Usd, Day.AddDays(20)).Held.Minor);

        var trial = LedgerBalances.TrialBalance(journal.Transactions, Day.AddDays(20));
        Assert.Equal(0, trial.Values.Sum(m => m.Minor));
        Assert.Equal(200_000, trial[new AccountKey(LedgerAccount.CommissionExpense, null, Usd)].Minor);
    }
}
