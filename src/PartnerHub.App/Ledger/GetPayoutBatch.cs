using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Ledger;

/// <summary>One payout batch with its lines. Vendor data: a partner user finds none.</summary>
public sealed class GetPayoutBatch(PartnerHubDb db)
{
    public async Task<Result<PayoutBatchView>> HandleAsync(PayoutBatchId id, CancellationToken ct)
    {
        var batch = await db.PayoutBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null) return Error.NotFound("Payout batch", id);
        var lines = await db.PayoutLines.AsNoTracking().Where(l => l.BatchId == id).ToListAsync(ct);
        return PayoutBatchView.From(batch, lines);
    }
}
