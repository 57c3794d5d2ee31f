using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;

namespace PartnerHub.App.Ledger;

/// <summary>
/// Appends a balanced transaction to the ledger, idempotently by its source key: posting the same thing again (a
/// retry, a replayed event, fifty deliveries at once) returns the transaction posted first and moves no money; a
/// different transaction under a used key is refused. The unique index on the key is the arbiter, so this holds
/// between requests, instances and processes, on SQLite and PostgreSQL alike.
/// </summary>
public sealed class PostTransaction(PartnerHubDb db)
{
    /// <summary>The transaction in the ledger, and whether this call wrote it (false: it was already there).</summary>
    public sealed record Posted(LedgerTransaction Transaction, bool Created);

    // fresh: the caller knows the source key is new (it belongs to a row it just inserted in this transaction), so the
    // look-up is skipped; the unique index still guards.
    public async Task<Result<Posted>> HandleAsync(LedgerTransaction transaction, CancellationToken ct, bool fresh = false)
    {
        if (Access.VendorOnly(db.Actor, "post to the ledger") is { } denied) return denied;
        if (!fresh && await LedgerReader.FindBySourceAsync(db, transaction.SourceKey, ct) is { } existing) return Replay(existing, transaction);

        var (record, entries) = LedgerTransactionRecord.From(transaction);
        db.LedgerTransactions.Add(record);
        db.LedgerEntries.AddRange(entries);
        try
        {
            await db.SaveChangesAsync(ct);
            return new Posted(transaction, true);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another post of the same source won the race between our look-up and our insert.
            Forget(record, entries);
            return Replay((await LedgerReader.FindBySourceAsync(db, transaction.SourceKey, ct))!, transaction);
        }
    }

    /// <summary>
    /// Posts <paramref name="transactions"/>, which the caller found unposted (a job's chunk), in one save: one commit
    /// for all. Should another process post one of them meanwhile, its source key fails the save, and each is then
    /// posted alone, idempotently. How many this call wrote.
    /// </summary>
    public async Task<Result<int>> HandleAllAsync(IReadOnlyList<LedgerTransaction> transactions, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "post to the ledger") is { } denied) return denied;
        var rows = transactions.Select(LedgerTransactionRecord.From).ToList();
        foreach (var (record, entries) in rows)
        {
            db.LedgerTransactions.Add(record);
            db.LedgerEntries.AddRange(entries);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return transactions.Count;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // One of them was posted meanwhile: the save wrote nothing, and each is posted alone below.
        }
        finally
        {
            // Posted or failed, they leave the change tracker, whose every save would otherwise look at them again.
            foreach (var (record, entries) in rows) Forget(record, entries);
        }

        var created = 0;
        foreach (var transaction in transactions)
        {
            var posted = await HandleAsync(transaction, ct);
            if (!posted.IsSuccess) return posted.Error;
            if (posted.Value.Created) created++;
        }

        return created;
    }

    private void Forget(LedgerTransactionRecord record, IEnumerable<LedgerEntryRecord> entries)
    {
        db.Entry(record).State = EntityState.Detached;
        foreach (var entry in entries) db.Entry(entry).State = EntityState.Detached;
    }

    private static Result<Posted> Replay(LedgerTransaction existing, LedgerTransaction attempt) =>
        existing.SameEffectAs(attempt) ? new Posted(existing, false) : LedgerErrors.DuplicateSourceKey(attempt.SourceKey, existing.Id);
}
