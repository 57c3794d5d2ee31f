using PartnerHub.Core.Common;

namespace PartnerHub.Core.Ledger;

/// <summary>Corrections. The ledger is append-only: nothing is edited, every correction is a new, explained transaction.</summary>
public static class Adjustments
{
    /// <summary>
    /// A manual adjusting entry: any balanced lines, each explained. Held commission is left out on purpose: it
    /// belongs to individual accruals, and only accruals, releases and clawbacks keep it consistent with them.
    /// </summary>
    public static Result<LedgerTransaction> Adjust(string sourceKey, string description, IReadOnlyList<LedgerEntry> entries, DateOnly occurredOn,
        DateTimeOffset now, LedgerTransactionId? relatesTo = null)
    {
        if (entries.Any(e => e.Account == LedgerAccount.CommissionHeld)) return LedgerErrors.HeldNotAdjustable();
        return LedgerTransaction.Create(sourceKey, LedgerTransactionKind.Adjustment, occurredOn, now, description, entries, relatesTo);
    }

    /// <summary>
    /// The mirror image of <paramref name="original"/>, referring to it: a returned payout, a waived fee, a wrong
    /// adjustment. Its source key is derived from the original, so reversing twice posts once. Accruals are clawed back
    /// instead, and releases and clawbacks follow their accrual, so those three are refused.
    /// </summary>
    public static Result<LedgerTransaction> Reverse(LedgerTransaction original, string reason, DateOnly occurredOn, DateTimeOffset now)
    {
        if (original.Kind is LedgerTransactionKind.Accrual or LedgerTransactionKind.Release or LedgerTransactionKind.Clawback or LedgerTransactionKind.Reversal)
            return LedgerErrors.NotReversible(original.Id, original.Kind);
        if (string.IsNullOrWhiteSpace(reason)) return Error.Validation("reason", "A reversal needs a reason.");
        var why = $"Reversal of {original.Id}: {reason.Trim()}";
        var entries = original.Entries.Select(e => e with { Amount = -e.Amount, Explanation = $"{why}. Was: {e.Explanation}" }).ToArray();
        return LedgerTransaction.Create($"reversal:{original.Id}", LedgerTransactionKind.Reversal, occurredOn, now, why, entries, original.Id,
            original.ExternalReference);
    }
}
