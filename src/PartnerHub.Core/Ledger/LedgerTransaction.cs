using PartnerHub.Core.Common;

namespace PartnerHub.Core.Ledger;

/// <summary>What a transaction does; accrual positions and statements read this, never the description.</summary>
public enum LedgerTransactionKind
{
    Accrual,
    Release,
    Clawback,
    Payout,
    ClearingSettlement,
    CertificationFee,
    FeeCollection,
    Adjustment,
    Reversal,
    MdfClaim,
}

/// <summary>
/// One balanced, append-only posting. <see cref="SourceKey"/> is the idempotency key of what caused it (a deal, a
/// refund, a batch): posting the same key twice must yield one transaction. <see cref="OccurredOn"/> is the business
/// date balances and statements use; <see cref="PostedAt"/> is when it was written. Corrections never edit: they are
/// new transactions whose <see cref="RelatesTo"/> names the original.
/// </summary>
public sealed class LedgerTransaction
{
    private LedgerTransaction(LedgerTransactionId id, string sourceKey, LedgerTransactionKind kind, DateOnly occurredOn, DateTimeOffset postedAt,
        string description, IReadOnlyList<LedgerEntry> entries, LedgerTransactionId? relatesTo, string? externalReference)
    {
        (Id, SourceKey, Kind, OccurredOn, PostedAt) = (id, sourceKey, kind, occurredOn, postedAt);
        (Description, Entries, RelatesTo, ExternalReference) = (description, entries, relatesTo, externalReference);
    }

    public LedgerTransactionId Id { get; }
    public string SourceKey { get; }
    public LedgerTransactionKind Kind { get; }
    public DateOnly OccurredOn { get; }
    public DateTimeOffset PostedAt { get; }
    public string Description { get; }
    public IReadOnlyList<LedgerEntry> Entries { get; }

    /// <summary>The transaction this one releases, claws back or reverses.</summary>
    public LedgerTransactionId? RelatesTo { get; }

    /// <summary>A reference outside the ledger: the payment provider's transfer id, the bank statement line.</summary>
    public string? ExternalReference { get; }

    /// <summary>
    /// The only way to make a transaction: at least two lines, each with an explanation and a non-zero amount,
    /// per-partner accounts naming their partner, and debits equal to credits in every currency.
    /// </summary>
    public static Result<LedgerTransaction> Create(string sourceKey, LedgerTransactionKind kind, DateOnly occurredOn, DateTimeOffset postedAt,
        string description, IReadOnlyList<LedgerEntry> entries, LedgerTransactionId? relatesTo = null, string? externalReference = null)
    {
        var errors = new FieldErrors();
        var key = Text.Line(errors, "sourceKey", sourceKey, 200, required: true);
        var text = Text.Line(errors, "description", description, 500, required: true);
        var reference = Text.Line(errors, "externalReference", externalReference, 200);
        if (errors.Any) return errors.ToError();
        if (entries.Count < 2) return LedgerErrors.TooFewEntries(entries.Count);

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Amount.Minor == 0) return LedgerErrors.ZeroLine(i, entry.Account);
            if (string.IsNullOrWhiteSpace(entry.Explanation)) return LedgerErrors.UnexplainedLine(i, entry.Account);
            if (entry.Account.IsPerPartner() != entry.PartnerId.HasValue) return LedgerErrors.PartnerMismatch(i, entry.Account);
        }

        foreach (var currency in entries.GroupBy(e => e.Amount.Currency))
        {
            var sum = currency.Aggregate(0L, (total, e) => checked(total + e.Amount.Minor));
            if (sum != 0) return LedgerErrors.Unbalanced(new Money(sum, currency.Key));
        }

        return new LedgerTransaction(LedgerTransactionId.New(postedAt), key!, kind, occurredOn, postedAt, text!, entries.ToArray(), relatesTo, reference);
    }

    /// <summary>
    /// Rebuilds a transaction read back from storage, with its original id and posting instant. Only for persistence:
    /// it was validated by <see cref="Create"/> when first posted, and the store refuses to change it since.
    /// </summary>
    public static LedgerTransaction Restore(LedgerTransactionId id, string sourceKey, LedgerTransactionKind kind, DateOnly occurredOn,
        DateTimeOffset postedAt, string description, IReadOnlyList<LedgerEntry> entries, LedgerTransactionId? relatesTo, string? externalReference) =>
        new(id, sourceKey, kind, occurredOn, postedAt, description, entries, relatesTo, externalReference);

    /// <summary>
    /// True when <paramref name="other"/> posts exactly the same thing (kind, date, relation and lines), ignoring its
    /// id and posting time: a replay of the same input, which idempotent posting turns into the existing transaction.
    /// </summary>
    public bool SameEffectAs(LedgerTransaction other) =>
        SourceKey == other.SourceKey && Kind == other.Kind && OccurredOn == other.OccurredOn && RelatesTo == other.RelatesTo
        && Entries.Select(e => (e.Account, e.PartnerId, e.Amount)).SequenceEqual(other.Entries.Select(e => (e.Account, e.PartnerId, e.Amount)));
}
