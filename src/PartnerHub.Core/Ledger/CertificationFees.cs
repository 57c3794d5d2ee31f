using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Ledger;

/// <summary>Certification fees: charged to the partner's receivable, collected in cash or set off against commission owed.</summary>
public static class CertificationFees
{
    public static Result<LedgerTransaction> Charge(string sourceKey, PartnerId partner, Money fee, string certification, string explanation,
        DateOnly occurredOn, DateTimeOffset now)
    {
        if (fee.Minor <= 0) return LedgerErrors.MustBePositive("fee", fee);
        if (string.IsNullOrWhiteSpace(certification)) return Error.Validation("certification", "This field is required.");
        if (string.IsNullOrWhiteSpace(explanation)) return Error.Validation("explanation", "Every fee explains itself; this field is required.");
        var why = $"{certification.Trim()} certification fee of {fee}: {explanation.Trim()}";
        return LedgerTransaction.Create(sourceKey, LedgerTransactionKind.CertificationFee, occurredOn, now, $"{certification.Trim()} certification fee",
            [LedgerEntry.Debit(LedgerAccount.CertificationFeesReceivable, partner, fee, why), LedgerEntry.Credit(LedgerAccount.CertificationFeeRevenue, null, fee, why)]);
    }

    /// <summary>
    /// Collects a fee: from cash received, or, when <paramref name="fromCommission"/>, set off against the partner's
    /// payable commission (which may then go negative and carry forward like a clawback).
    /// </summary>
    public static Result<LedgerTransaction> Collect(string sourceKey, PartnerId partner, Money amount, bool fromCommission, string reference,
        DateOnly occurredOn, DateTimeOffset now)
    {
        if (amount.Minor <= 0) return LedgerErrors.MustBePositive("amount", amount);
        if (string.IsNullOrWhiteSpace(reference)) return Error.Validation("reference", "This field is required.");
        var why = fromCommission
            ? $"Certification fee of {amount} set off against commission payable ({reference.Trim()})."
            : $"Certification fee of {amount} received ({reference.Trim()}).";
        var debit = fromCommission
            ? LedgerEntry.Debit(LedgerAccount.CommissionPayable, partner, amount, why)
            : LedgerEntry.Debit(LedgerAccount.Cash, null, amount, why);
        return LedgerTransaction.Create(sourceKey, LedgerTransactionKind.FeeCollection, occurredOn, now, why,
            [debit, LedgerEntry.Credit(LedgerAccount.CertificationFeesReceivable, partner, amount, why)], externalReference: reference);
    }
}
