using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Ledger;

/// <summary>
/// Finance withdraws a planned or exported batch before paying it (a wrong minimum, a partner whose bank details are
/// missing): nothing had moved in the ledger, so its balances simply stay payable and the currency's open slot is
/// free for the next batch. The batch and its lines are kept, marked cancelled with the reason. Idempotent: cancelling
/// a cancelled batch returns it; a paid batch cannot be cancelled (its payouts are posted; correct them in the ledger).
/// </summary>
public sealed class CancelPayoutBatch(PartnerHubDb db)
{
    public async Task<Result<PayoutBatchView>> HandleAsync(PayoutBatchId id, string reason, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "cancel payout batches") is { } denied) return denied;
        var errors = new FieldErrors();
        var why = Text.Line(errors, "reason", reason, 500, required: true);
        if (errors.Any) return errors.ToError();

        var batch = await db.PayoutBatches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null) return Error.NotFound("Payout batch", id);
        var lines = await db.PayoutLines.AsNoTracking().Where(l => l.BatchId == id).ToListAsync(ct);
        if (batch.Status == PayoutBatchStatus.Cancelled) return PayoutBatchView.From(batch, lines);
        if (batch.Status == PayoutBatchStatus.Paid) return AlreadyPaid(batch);

        batch.Cancel(why!, db.Clock.GetUtcNow(), db.Actor.Name);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Marked paid, exported or cancelled between our read and our write: answer for what it is now.
            db.ChangeTracker.Clear();
            var current = await db.PayoutBatches.AsNoTracking().FirstAsync(b => b.Id == id, ct);
            return current.Status switch
            {
                PayoutBatchStatus.Paid => AlreadyPaid(current),
                PayoutBatchStatus.Cancelled => PayoutBatchView.From(current, lines),
                _ => Error.Conflict("payout_batch_changed", $"Payout batch {id} was changed (exported) at the same time; cancel it again."),
            };
        }

        return PayoutBatchView.From(batch, lines);
    }

    private static Error AlreadyPaid(PayoutBatch batch) =>
        Error.Conflict("payout_already_paid", $"Payout batch {batch.Id} was paid ({batch.ExternalReference}); a paid batch cannot be cancelled.");
}
