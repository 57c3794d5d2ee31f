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
    private const int ChunkSize = 200;

    /// <summary>How many releases were posted.</summary>
    public async Task<Result<int>> HandleAsync(CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "release commissions") is { } denied) return denied;
        var terms = await settings.CurrentAsync(ct);
        var now = db.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var accruedBy = today.AddDays(-terms.HoldingDays);

        // Accruals past their holding period with no release yet. One fully clawed back has nothing to release and is skipped.
        var due = db.LedgerTransactions
            .Where(t => t.Kind == LedgerTransactionKind.Accrual && t.OccurredOn <= accruedBy
                && !db.LedgerTransactions.Any(r => r.RelatesTo == t.Id && r.Kind == LedgerTransactionKind.Release))
            .OrderBy(t => t.OccurredOn).ThenBy(t => t.Id);
        var accruals = await LedgerReader.LoadAsync(db, due, ct);

        var released = 0;
        foreach (var chunk in accruals.Chunk(ChunkSize))
        {
            var ids = chunk.Select(a => (LedgerTransactionId?)a.Id).ToList();
            var related = (await LedgerReader.LoadAsync(db, db.LedgerTransactions.Where(t => ids.Contains(t.RelatesTo)), ct)).ToLookup(t => t.RelatesTo!.Value);
            foreach (var accrual in chunk)
            {
                var release = Core.Ledger.Commissions.Release(accrual, related[accrual.Id], terms.HoldingDays, today, now);
                if (!release.IsSuccess) continue; // nothing left in holding
                var posted = await post.HandleAsync(release.Value, ct);
                if (!posted.IsSuccess) return posted.Error;
                if (posted.Value.Created) released++;
            }
        }

        return released;
    }
}
