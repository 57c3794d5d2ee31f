using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using static PartnerHub.Core.Tests.Ledger.LedgerBuilder;

namespace PartnerHub.Core.Tests.Ledger;

public sealed class LedgerTransactionTests
{
    private static Result<LedgerTransaction> Create(params LedgerEntry[] entries) =>
        LedgerTransaction.Create("src:1", LedgerTransactionKind.Adjustment, Day, Now, "Test", entries);

    [Fact]
    public void A_balanced_transaction_is_created_with_a_fresh_id()
    {
        var tx = Create(LedgerEntry.Debit(LedgerAccount.Cash, null, Usd_(500), "in"), LedgerEntry.Credit(LedgerAccount.CertificationFeeRevenue, null, Usd_(500), "fee")).Value;
        Assert.Equal(2, tx.Entries.Count);
        Assert.Equal(-500, tx.Entries[1].Amount.Minor); // credits are negative
        Assert.NotEqual(default, tx.Id);
    }

    [Fact]
    public void An_unbalanced_transaction_is_refused_with_the_difference()
    {
        var error = Create(LedgerEntry.Debit(LedgerAccount.Cash, null, Usd_(500), "in"), LedgerEntry.Credit(LedgerAccount.CertificationFeeRevenue, null, Usd_(499), "fee")).Error!;
        Assert.Equal("ledger_unbalanced", error.Code);
        Assert.Contains("0.01 USD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_currency_must_balance_on_its_own()
    {
        var eur = Currency.Parse("EUR").Value;
        var error = Create(
            LedgerEntry.Debit(LedgerAccount.Cash, null, Usd_(100), "usd in"),
            LedgerEntry.Credit(LedgerAccount.CertificationFeeRevenue, null, new Money(100, eur), "eur out")).Error!;
        Assert.Equal("ledger_unbalanced", error.Code);
    }

    [Fact]
    public void A_single_line_is_refused() =>
        Assert.Equal("ledger_too_few_entries", Create(LedgerEntry.Debit(LedgerAccount.Cash, null, Usd_(1), "x")).Error!.Code);

    [Fact]
    public void A_zero_line_is_refused() =>
        Assert.Equal("ledger_zero_line", Create(
            LedgerEntry.Debit(LedgerAccount.Cash, null, Usd_(0), "x"), LedgerEntry.Debit(LedgerAccount.Cash, null, Usd_(1), "x"),
            LedgerEntry.Credit(LedgerAccount.CertificationFeeRevenue, null, Usd_(1), "x")).Error!.Code);

    [Fact]
    public void A_line_without_explanation_is_refused() =>
        Assert.Equal("ledger_unexplained_line", Create(
            LedgerEntry.Debit(LedgerAccount.Cash, null, Usd_(1), " "), LedgerEntry.Credit(LedgerAccount.CertificationFeeRevenue, null, Usd_(1), "x")).Error!.Code);

    [Fact]
    public void Per_partner_accounts_name_their_partner_and_others_do_not()
    {
        Assert.Equal("ledger_partner_required", Create(
            LedgerEntry.Debit(LedgerAccount.CommissionPayable, null, Usd_(1), "x"), LedgerEntry.Credit(LedgerAccount.Cash, null, Usd_(1), "x")).Error!.Code);
        Assert.Equal("ledger_partner_not_allowed", Create(
            LedgerEntry.Debit(LedgerAccount.CommissionPayable, Alpha, Usd_(1), "x"), LedgerEntry.Credit(LedgerAccount.Cash, Alpha, Usd_(1), "x")).Error!.Code);
    }

    [Fact]
    public void A_source_key_is_required() =>
        Assert.Contains("sourceKey", LedgerTransaction.Create(" ", LedgerTransactionKind.Adjustment, Day, Now, "Test",
            [LedgerEntry.Debit(LedgerAccount.Cash, null, Usd_(1), "x"), LedgerEntry.Credit(LedgerAccount.CertificationFeeRevenue, null, Usd_(1), "x")]).Error!.Fields!.Keys);

    [Fact]
    public void Posting_the_same_source_twice_keeps_the_first_and_a_different_one_is_refused()
    {
        var journal = new LedgerJournal();
        var first = Commissions.Accrue("deal:42:referral", Alpha, Basis(), Day, Now).Value;
        var replay = Commissions.Accrue("deal:42:referral", Alpha, Basis(), Day, Now.AddMinutes(5)).Value;
        var different = Commissions.Accrue("deal:42:referral", Alpha, Basis(percent: 12m), Day, Now).Value;

        Assert.Same(first, journal.Post(first).Value);
        Assert.Same(first, journal.Post(replay).Value);
        Assert.Equal("ledger_duplicate_source", journal.Post(different).Error!.Code);
        Assert.Single(journal.Transactions);
    }
}
