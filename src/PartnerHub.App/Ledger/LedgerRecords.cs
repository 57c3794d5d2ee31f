using PartnerHub.App.Persistence;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Ledger;

/// <summary>
/// A posted <see cref="LedgerTransaction"/> as stored: written once, never updated or deleted (the database refuses
/// both). <see cref="SourceKey"/> is unique, which makes posting idempotent even between processes.
/// </summary>
public sealed class LedgerTransactionRecord : IVendorOnly
{
    private LedgerTransactionRecord()
    {
    }

    public LedgerTransactionId Id { get; private set; }
    public string SourceKey { get; private set; } = "";
    public LedgerTransactionKind Kind { get; private set; }
    public DateOnly OccurredOn { get; private set; }
    public DateTimeOffset PostedAt { get; private set; }
    public string Description { get; private set; } = "";
    public LedgerTransactionId? RelatesTo { get; private set; }
    public string? ExternalReference { get; private set; }

    /// <summary>The record and its lines, ready to add.</summary>
    public static (LedgerTransactionRecord Transaction, IReadOnlyList<LedgerEntryRecord> Entries) From(LedgerTransaction t)
    {
        var record = new LedgerTransactionRecord
        {
            Id = t.Id, SourceKey = t.SourceKey, Kind = t.Kind, OccurredOn = t.OccurredOn, PostedAt = t.PostedAt,
            Description = t.Description, RelatesTo = t.RelatesTo, ExternalReference = t.ExternalReference,
        };
        return (record, t.Entries.Select((e, i) => LedgerEntryRecord.From(t, i, e)).ToArray());
    }

    /// <summary>The domain transaction again, with its lines in their original order.</summary>
    public LedgerTransaction ToTransaction(IEnumerable<LedgerEntryRecord> entries) =>
        LedgerTransaction.Restore(Id, SourceKey, Kind, OccurredOn, PostedAt, Description,
            entries.OrderBy(e => e.LineNo).Select(e => e.ToEntry()).ToArray(), RelatesTo, ExternalReference);
}

/// <summary>
/// One line of a posted transaction. The transaction's date, posting instant and kind are repeated on each line (the
/// ledger never changes, so they cannot drift), so balances at a date are one indexed sum without a join. Lines on a
/// partner's accounts name the partner, and a partner user reads only those.
/// </summary>
public sealed class LedgerEntryRecord : LedgerLine, IPartnerTagged
{
    private LedgerEntryRecord()
    {
    }

    public int LineNo { get; private set; }
    public PartnerId? PartnerId { get; private set; }
    public DateTimeOffset PostedAt { get; private set; }

    internal static LedgerEntryRecord From(LedgerTransaction t, int lineNo, LedgerEntry e)
    {
        var record = new LedgerEntryRecord
        {
            TransactionId = t.Id, LineNo = lineNo, OccurredOn = t.OccurredOn, PostedAt = t.PostedAt, Kind = t.Kind,
            Account = e.Account, PartnerId = e.PartnerId, AmountMinor = e.Amount.Minor, Currency = e.Amount.Currency, Explanation = e.Explanation,
        };
        record.SetBasis(e.Basis);
        return record;
    }

    public LedgerEntry ToEntry() => new(Account, PartnerId, Amount, Explanation, Basis);
}
