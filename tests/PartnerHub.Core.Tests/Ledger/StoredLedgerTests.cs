using PartnerHub.Core.Ledger;
using static PartnerHub.Core.Tests.Ledger.LedgerBuilder;

namespace PartnerHub.Core.Tests.Ledger;

/// <summary>What a store relies on: restored transactions, balances from per-account sums, statements from a known opening.</summary>
public sealed class StoredLedgerTests
{
    private static readonly StatementPeriod March = StatementPeriod.Parse("2025-03").Value;

    private static LedgerJournal Journal()
    {
        var journal = new LedgerJournal();
        var feb = journal.Post(Accrual(on: new DateOnly(2025, 2, 10))).Value;
        journal.Post(Commissions.Release(feb, [], 30, new DateOnly(2025, 3, 12), Now).Value);
        journal.Post(Accrual(Beta, on: new DateOnly(2025, 3, 5)));
        journal.Post(Commissions.Clawback("refund:1", feb, journal.RelatedTo(feb.Id), Usd_(2_500), "Refund", new DateOnly(2025, 3, 20), Now).Value);
        journal.Post(CertificationFees.Charge("fee:1", Alpha, Usd_(9_900), "Associate", "Exam fee.", new DateOnly(2025, 3, 25), Now).Value);
        return journal;
    }

    [Fact]
    public void A_restored_transaction_is_the_same_transaction()
    {
        var original = Accrual();
        var restored = LedgerTransaction.Restore(original.Id, original.SourceKey, original.Kind, original.OccurredOn, original.PostedAt, original.Description,
            original.Entries.ToArray(), original.RelatesTo, original.ExternalReference);
        Assert.True(restored.SameEffectAs(original));
        Assert.Equal((original.Id, original.PostedAt), (restored.Id, restored.PostedAt));
    }

    [Fact]
    public void Balances_from_per_account_sums_equal_balances_folded_line_by_line()
    {
        var journal = Journal();
        var asOf = new DateOnly(2025, 3, 31);
        var sums = journal.Transactions.Where(t => t.OccurredOn <= asOf).SelectMany(t => t.Entries).Where(e => e.PartnerId == Alpha)
            .GroupBy(e => e.Account).Select(g => (g.Key, g.Sum(e => e.Amount.Minor)));
        Assert.Equal(LedgerBalances.ForPartner(journal.Transactions, Alpha, Usd, asOf), LedgerBalances.FromAccountSums(Alpha, Usd, sums));
    }

    [Fact]
    public void A_statement_continued_from_its_opening_balance_equals_one_built_from_all_history()
    {
        var journal = Journal();
        var built = PartnerStatement.Build(Alpha, March, Usd, journal.Transactions);
        var opening = LedgerBalances.ForPartner(journal.Transactions, Alpha, Usd, March.FirstDay.AddDays(-1));
        var continued = PartnerStatement.Continue(Alpha, March, Usd, opening, journal.Transactions.Where(t => March.Contains(t.OccurredOn)));
        Assert.Equal(built.Opening, continued.Opening);
        Assert.Equal(built.Lines, continued.Lines);
        Assert.Equal(built.Closing, continued.Closing);
        Assert.Throws<ArgumentException>(() => PartnerStatement.Continue(Beta, March, Usd, opening, []));
    }
}
