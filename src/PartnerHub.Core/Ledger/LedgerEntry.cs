using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Ledger;

/// <summary>
/// One line of a transaction: a signed amount (debit positive, credit negative) on an account, the partner for
/// per-partner accounts, its own explanation and, on accrual lines, the basis it was computed from.
/// </summary>
public sealed record LedgerEntry(LedgerAccount Account, PartnerId? PartnerId, Money Amount, string Explanation, AccrualBasis? Basis = null)
{
    public static LedgerEntry Debit(LedgerAccount account, PartnerId? partner, Money amount, string explanation, AccrualBasis? basis = null) =>
        new(account, partner, amount, explanation, basis);

    public static LedgerEntry Credit(LedgerAccount account, PartnerId? partner, Money amount, string explanation, AccrualBasis? basis = null) =>
        new(account, partner, -amount, explanation, basis);
}
