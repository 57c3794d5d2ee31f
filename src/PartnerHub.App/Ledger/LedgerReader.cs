using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Ledger;

namespace PartnerHub.App.Ledger;

/// <summary>Reads posted transactions back into the domain's <see cref="LedgerTransaction"/>, lines included, and sums balances in SQL.</summary>
internal static class LedgerReader
{
    private const int ChunkSize = 500;

    public static async Task<LedgerTransaction?> FindBySourceAsync(PartnerHubDb db, string sourceKey, CancellationToken ct) =>
        (await LoadAsync(db, db.LedgerTransactions.Where(t => t.SourceKey == sourceKey), ct)).SingleOrDefault();

    /// <summary>The transactions <paramref name="query"/> selects, each with all of its lines.</summary>
    public static async Task<List<LedgerTransaction>> LoadAsync(PartnerHubDb db, IQueryable<LedgerTransactionRecord> query, CancellationToken ct)
    {
        var headers = await query.AsNoTracking().ToListAsync(ct);
        var transactions = new List<LedgerTransaction>(headers.Count);
        foreach (var chunk in headers.Chunk(ChunkSize))
        {
            var ids = chunk.Select(h => h.Id).ToList();
            var lines = (await db.LedgerEntries.AsNoTracking().Where(e => ids.Contains(e.TransactionId)).ToListAsync(ct)).ToLookup(e => e.TransactionId);
            transactions.AddRange(chunk.Select(h => h.ToTransaction(lines[h.Id])));
        }

        return transactions;
    }

    /// <summary>
    /// Every partner's balance per currency from the lines <paramref name="lines"/> selects, summed in the database and
    /// turned into the partner's view by the domain's sign convention.
    /// </summary>
    public static async Task<List<PartnerBalance>> BalancesAsync(IQueryable<LedgerEntryRecord> lines, CancellationToken ct)
    {
        var sums = await lines.Where(e => e.PartnerId != null)
            .GroupBy(e => new { e.PartnerId, e.Currency, e.Account })
            .Select(g => new { g.Key.PartnerId, g.Key.Currency, g.Key.Account, Sum = g.Sum(e => e.AmountMinor) })
            .ToListAsync(ct);
        return sums.GroupBy(s => (Partner: s.PartnerId!.Value, s.Currency))
            .Select(g => LedgerBalances.FromAccountSums(g.Key.Partner, g.Key.Currency, g.Select(s => (s.Account, s.Sum))))
            .OrderBy(b => b.Partner.Value).ThenBy(b => b.Held.Currency.Code, StringComparer.Ordinal)
            .ToList();
    }
}
