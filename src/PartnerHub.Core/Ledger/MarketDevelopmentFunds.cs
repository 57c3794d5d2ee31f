using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Ledger;

/// <summary>
/// An approved MDF claim: the vendor's marketing expense, owed to the partner on its payable balance so that the next
/// payout pays it. Its own transaction kind, so statements show it apart from commission.
/// </summary>
public static class MarketDevelopmentFunds
{
    public static Result<LedgerTransaction> PayClaim(string sourceKey, PartnerId partner, Money amount, string activity, string explanation,
        DateOnly occurredOn, DateTimeOffset now)
    {
        if (amount.Minor <= 0) return LedgerErrors.MustBePositive("amount", amount);
        if (string.IsNullOrWhiteSpace(explanation)) return Error.Validation("explanation", "Every claim explains itself; this field is required.");
        var why = $"Market development funds for {activity.Trim()}: {explanation.Trim()}";
        return LedgerTransaction.Create(sourceKey, LedgerTransactionKind.MdfClaim, occurredOn, now, $"MDF claim: {activity.Trim()}",
            [LedgerEntry.Debit(LedgerAccount.MdfExpense, null, amount, why), LedgerEntry.Credit(LedgerAccount.CommissionPayable, partner, amount, why)]);
    }
}
