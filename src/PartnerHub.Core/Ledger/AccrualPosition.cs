using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Ledger;

/// <summary>
/// Where one partner's share of one accrual stands: accrued, released to payable, clawed back (from holding or from
/// payable), and what is still held. All amounts are positive, as owed to the partner.
/// </summary>
public sealed record AccrualShare(PartnerId Partner, Money Accrued, Money Released, Money ClawedBackFromHeld, Money ClawedBackFromPayable)
{
    public Money Held => Accrued - Released - ClawedBackFromHeld;

    /// <summary>What a refund can still take back: the accrual less what was already clawed back.</summary>
    public Money Clawable => Accrued - ClawedBackFromHeld - ClawedBackFromPayable;
}

/// <summary>An accrual and the releases and clawbacks that refer to it, folded into one share per partner.</summary>
public sealed record AccrualPosition(LedgerTransaction Accrual, LedgerAccount ExpenseAccount, IReadOnlyList<AccrualShare> Shares)
{
    public Money Held => Sum(s => s.Held);

    public Money Clawable => Sum(s => s.Clawable);

    public Currency Currency => Shares[0].Accrued.Currency;

    /// <summary>
    /// Folds <paramref name="accrual"/> with the transactions in <paramref name="related"/> that refer to it; the others
    /// are ignored, so the whole journal will do.
    /// </summary>
    public static Result<AccrualPosition> Of(LedgerTransaction accrual, IEnumerable<LedgerTransaction> related)
    {
        if (accrual.Kind != LedgerTransactionKind.Accrual) return LedgerErrors.NotAnAccrual(accrual.Id, accrual.Kind);
        var expense = accrual.Entries.First(e => e.Account.IsEarningsExpense()).Account;
        var shares = accrual.Entries.Where(e => e.Account == LedgerAccount.CommissionHeld)
            .Select(e => new Tally(e.PartnerId!.Value, -e.Amount.Minor))
            .ToDictionary(t => t.Partner);

        foreach (var tx in related.Where(t => t.RelatesTo == accrual.Id))
            foreach (var line in tx.Entries.Where(e => e.PartnerId is { } p && shares.ContainsKey(p)))
            {
                var tally = shares[line.PartnerId!.Value];
                switch (tx.Kind, line.Account)
                {
                    case (LedgerTransactionKind.Release, LedgerAccount.CommissionHeld): tally.Released += line.Amount.Minor; break;
                    case (LedgerTransactionKind.Clawback, LedgerAccount.CommissionHeld): tally.FromHeld += line.Amount.Minor; break;
                    case (LedgerTransactionKind.Clawback, LedgerAccount.CommissionPayable): tally.FromPayable += line.Amount.Minor; break;
                    default: break;
                }
            }

        var currency = accrual.Entries[0].Amount.Currency;
        return new AccrualPosition(accrual, expense, shares.Values
            .Select(t => new AccrualShare(t.Partner, new Money(t.Accrued, currency), new Money(t.Released, currency),
                new Money(t.FromHeld, currency), new Money(t.FromPayable, currency)))
            .ToArray());
    }

    private Money Sum(Func<AccrualShare, Money> amount) => Shares.Select(amount).Aggregate((a, b) => a + b);

    private sealed class Tally(PartnerId partner, long accrued)
    {
        public PartnerId Partner { get; } = partner;
        public long Accrued { get; } = accrued;
        public long Released { get; set; }
        public long FromHeld { get; set; }
        public long FromPayable { get; set; }
    }
}
