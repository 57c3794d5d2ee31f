using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Deals;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;

namespace PartnerHub.App.Ledger;

/// <summary>
/// Moves every accrual whose holding period is over from held to payable, dated today (never back-dated, so a late run
/// cannot change a statement already issued). Each release is posted idempotently under <c>release:{accrual}</c>, so a
/// second run, or two instances at once, release nothing twice. Run daily by <see cref="CommissionReleaseService"/>;
/// statements and payouts read the ledger as it is and do not release anything themselves.
/// </summary>
public sealed class ReleaseHeldCommissions(PartnerHubDb db, DealSettingsSource settings, PostTransaction post)
{
    private const int ChunkSize = 500;

    /// <summary>How many releases were posted.</summary>
    public async Task<Result<int>> HandleAsync(CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "release commissions") is { } denied) return denied;
        var terms = await settings.CurrentAsync(ct);
        var now = db.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var accruedBy = today.AddDays(-terms.HoldingDays);

        // Accruals past their holding period with no release yet, by id: a backlog of any size is read a chunk at a
        // time. One fully clawed back has nothing to release and is skipped.
        var due = await db.LedgerTransactions
            .Where(t => t.Kind == LedgerTransactionKind.Accrual && t.OccurredOn <= accruedBy
                && !db.LedgerTransactions.Any(r => r.RelatesTo == t.Id && r.Kind == LedgerTransactionKind.Release))
            .OrderBy(t => t.OccurredOn).ThenBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);

        var released = 0;
        foreach (var chunk in due.Chunk(ChunkSize))
        {
            var ids = chunk.Select(id => (LedgerTransactionId?)id).ToList();
            var accruals = await LedgerReader.LoadAsync(db, db.LedgerTransactions.Where(t => chunk.Contains(t.Id)), ct);
            var related = (await LedgerReader.LoadAsync(db, db.LedgerTransactions.Where(t => ids.Contains(t.RelatesTo)), ct)).ToLookup(t => t.RelatesTo!.Value);
            var releases = accruals.Select(a => Core.Ledger.Commissions.Release(a, related[a.Id], terms.HoldingDays, today, now))
                .Where(r => r.IsSuccess).Select(r => r.Value).ToList(); // a failure: nothing left in holding
            // One save per chunk: with a commit per release, a backlog of 250,000 took 80 minutes (docs/performance.md).
            var posted = await post.HandleAllAsync(releases, ct);
            if (!posted.IsSuccess) return posted.Error;
            released += posted.Value;
        }

        return released;
    }
}
