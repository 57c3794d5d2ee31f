using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;

namespace PartnerHub.App.Ledger;

/// <summary>
/// Finance paid a batch: records the payment provider's reference and posts one payout transaction per line (payable
/// to payout clearing), in the same database transaction as the status change. Idempotent: marking it paid again with
/// the same reference returns the batch and posts nothing; a different reference is refused. Concurrent calls post
/// once: the payouts' unique source keys and the batch's version let exactly one of them commit.
/// </summary>
public sealed class MarkPayoutPaid(PartnerHubDb db)
{
    /// <summary>Marks the batch paid; <paramref name="paidOn"/> is the business date of the payment (default today), the payout lines' date on statements.</summary>
    public async Task<Result<PayoutBatchView>> HandleAsync(PayoutBatchId id, string externalReference, DateOnly? paidOn, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "mark payouts paid") is { } denied) return denied;
        var errors = new FieldErrors();
        var reference = Text.Line(errors, "externalReference", externalReference, 200, required: true);
        if (errors.Any) return errors.ToError();

        var batch = await db.PayoutBatches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null) return Error.NotFound("Payout batch", id);
        var lines = await db.PayoutLines.AsNoTracking().Where(l => l.BatchId == id).ToListAsync(ct);
        if (batch.Status == PayoutBatchStatus.Paid) return AlreadyPaid(batch, lines, reference!);
        if (batch.Status == PayoutBatchStatus.Cancelled) return Cancelled(batch);

        var now = db.Clock.GetUtcNow();
        var date = paidOn ?? DateOnly.FromDateTime(now.UtcDateTime);
        if (date < batch.AsOf || date > DateOnly.FromDateTime(now.UtcDateTime))
            return Error.Validation("paidOn", string.Create(CultureInfo.InvariantCulture,
                $"The payment date must be between the batch date {batch.AsOf:yyyy-MM-dd} and today."));

        foreach (var line in lines)
        {
            // Paid from the payable balance the batch was planned on: the money has left, even if a clawback since has
            // made the balance smaller; the difference then carries forward as a negative payable balance.
            var payout = Payouts.PayOut(batch.PayoutSourceKey(line.PartnerId), line.PartnerId, line.Amount, line.Amount, reference!, date, now);
            if (!payout.IsSuccess) return payout.Error;
            var (record, entries) = LedgerTransactionRecord.From(payout.Value);
            db.LedgerTransactions.Add(record);
            db.LedgerEntries.AddRange(entries);
        }

        batch.MarkPaid(reference!, date, now, db.Actor.Name);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            // Someone marked it paid between our read and our write; nothing of ours was written.
            db.ChangeTracker.Clear();
            var current = await db.PayoutBatches.AsNoTracking().FirstAsync(b => b.Id == id, ct);
            return current.Status switch
            {
                PayoutBatchStatus.Paid => AlreadyPaid(current, lines, reference!),
                PayoutBatchStatus.Cancelled => Cancelled(current),
                _ => Error.Conflict("payout_batch_changed", $"Payout batch {id} was changed (exported) at the same time; mark it paid again."),
            };
        }

        return PayoutBatchView.From(batch, lines);
    }

    internal static Error Cancelled(PayoutBatch batch) =>
        Error.Conflict("payout_batch_cancelled", $"Payout batch {batch.Id} was cancelled ({batch.CancelReason}); plan a new batch.");

    private static Result<PayoutBatchView> AlreadyPaid(PayoutBatch batch, IEnumerable<PayoutLineRecord> lines, string reference) =>
        batch.ExternalReference == reference
            ? PayoutBatchView.From(batch, lines)
            : Error.Conflict("payout_already_paid", $"Payout batch {batch.Id} was already marked paid with reference '{batch.ExternalReference}'.");
}
