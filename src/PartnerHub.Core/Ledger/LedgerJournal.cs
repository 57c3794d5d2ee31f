using PartnerHub.Core.Common;

namespace PartnerHub.Core.Ledger;

/// <summary>
/// An append-only, in-memory journal that makes posting idempotent by source key: the model the persistence layer
/// follows (a unique index on the source key) and what tests and what-if runs use directly.
/// </summary>
public sealed class LedgerJournal
{
    private readonly List<LedgerTransaction> _transactions = [];
    private readonly Dictionary<string, LedgerTransaction> _bySource = new(StringComparer.Ordinal);
    private readonly Dictionary<LedgerTransactionId, List<LedgerTransaction>> _related = [];

    public IReadOnlyList<LedgerTransaction> Transactions => _transactions;

    /// <summary>
    /// Appends <paramref name="transaction"/>; a replay of an already posted source returns the transaction posted
    /// first, and a different transaction under a used source key is refused.
    /// </summary>
    public Result<LedgerTransaction> Post(LedgerTransaction transaction)
    {
        if (_bySource.TryGetValue(transaction.SourceKey, out var existing))
            return existing.SameEffectAs(transaction) ? existing : LedgerErrors.DuplicateSourceKey(transaction.SourceKey, existing.Id);
        _transactions.Add(transaction);
        _bySource[transaction.SourceKey] = transaction;
        if (transaction.RelatesTo is { } original)
        {
            if (!_related.TryGetValue(original, out var list)) _related[original] = list = [];
            list.Add(transaction);
        }

        return transaction;
    }

    /// <summary>Transactions that release, claw back or reverse <paramref name="id"/>.</summary>
    public IReadOnlyList<LedgerTransaction> RelatedTo(LedgerTransactionId id) => _related.TryGetValue(id, out var list) ? list : [];
}
