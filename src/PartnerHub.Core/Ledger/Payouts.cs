using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Ledger;

/// <summary>Paying partners: payable to the payout clearing account when sent, clearing to cash when the bank confirms.</summary>
public static class Payouts
{
    /// <summary>
    /// Pays <paramref name="amount"/> of a partner's payable balance (<paramref name="payable"/>, as owed to the
    /// partner). Never more than is owed: a negative or short balance is carried forward, not paid.
    /// </summary>
    public static Result<LedgerTransaction> PayOut(string sourceKey, PartnerId partner, Money amount, Money payable, string externalReference,
        DateOnly occurredOn, DateTimeOffset now)
    {
        if (amount.Minor <= 0) return LedgerErrors.MustBePositive("amount", amount);
        if (payable.Currency != amount.Currency) return LedgerErrors.CurrencyMismatch("payable", amount.Currency, payable.Currency);
        if (amount > payable) return LedgerErrors.InsufficientPayable(amount, payable);
        if (string.IsNullOrWhiteSpace(externalReference)) return Error.Validation("externalReference", "A payout needs the payment provider's reference.");

        var why = $"Payout {externalReference.Trim()} of {amount} from a payable balance of {payable}.";
        return LedgerTransaction.Create(sourceKey, LedgerTransactionKind.Payout, occurredOn, now, $"Payout {externalReference.Trim()}",
            [LedgerEntry.Debit(LedgerAccount.CommissionPayable, partner, amount, why), LedgerEntry.Credit(LedgerAccount.PayoutClearing, null, amount, why)],
            externalReference: externalReference);
    }

    /// <summary>The bank confirmed payouts totalling <paramref name="amount"/>: clearing goes to cash.</summary>
    public static Result<LedgerTransaction> SettleClearing(string sourceKey, Money amount, string bankReference, DateOnly occurredOn, DateTimeOffset now)
    {
        if (amount.Minor <= 0) return LedgerErrors.MustBePositive("amount", amount);
        if (string.IsNullOrWhiteSpace(bankReference)) return Error.Validation("bankReference", "A settlement needs the bank statement's reference.");
        var why = $"Bank settled payouts of {amount} ({bankReference.Trim()}).";
        return LedgerTransaction.Create(sourceKey, LedgerTransactionKind.ClearingSettlement, occurredOn, now, why,
            [LedgerEntry.Debit(LedgerAccount.PayoutClearing, null, amount, why), LedgerEntry.Credit(LedgerAccount.Cash, null, amount, why)],
            externalReference: bankReference);
    }
}
