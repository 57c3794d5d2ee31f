using System.Globalization;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Ledger;

public enum PayoutBatchStatus
{
    /// <summary>Planned: who is paid how much. Nothing has moved in the ledger yet.</summary>
    Created,

    /// <summary>Handed to finance as CSV at least once.</summary>
    Exported,

    /// <summary>Finance paid it; the payout transactions are posted.</summary>
    Paid,

    /// <summary>Withdrawn before payment (a wrong minimum, a partner on hold): nothing moved, its balances stay payable.</summary>
    Cancelled,
}

/// <summary>A partner left out of a batch, with its balance in minor units and why it carries forward.</summary>
public sealed record CarriedForwardLine(Guid PartnerId, long BalanceMinor, string Reason);

/// <summary>
/// A payout batch: the payable balances at or above the minimum on <see cref="AsOf"/>, one line per partner. Only one
/// batch per currency may be open (not yet paid) at a time, so no payable amount can be planned into two batches; the
/// payout transactions are posted when it is marked paid, once, whatever happens to retries.
/// </summary>
public sealed class PayoutBatch : IVendorOnly, IAudited
{
    private PayoutBatch()
    {
    }

    public PayoutBatchId Id { get; private set; }
    public Currency Currency { get; private set; }
    public long MinimumMinor { get; private set; }
    public DateOnly AsOf { get; private set; }
    public PayoutBatchStatus Status { get; private set; }
    public long TotalMinor { get; private set; }
    public int LineCount { get; private set; }
    public IReadOnlyList<CarriedForwardLine> CarriedForward { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? ExportedAt { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public string? PaidBy { get; private set; }
    public string? ExternalReference { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelledBy { get; private set; }
    public string? CancelReason { get; private set; }
    public int Version { get; private set; }

    /// <summary>Planned or exported, so it still holds its currency's one open slot.</summary>
    public bool IsOpen => Status is PayoutBatchStatus.Created or PayoutBatchStatus.Exported;

    string IAudited.AuditEntity => "payout_batch";

    string IAudited.AuditId => Id.ToString();

    public static (PayoutBatch Batch, IReadOnlyList<PayoutLineRecord> Lines) Create(PayoutPlan plan, DateOnly asOf, DateTimeOffset now, string by)
    {
        var batch = new PayoutBatch
        {
            Id = PayoutBatchId.New(now), Currency = plan.Minimum.Currency, MinimumMinor = plan.Minimum.Minor, AsOf = asOf, Status = PayoutBatchStatus.Created,
            TotalMinor = plan.Total.Minor, LineCount = plan.Lines.Count, CreatedAt = now, CreatedBy = by, Version = 1,
            CarriedForward = plan.CarriedForward.Select(c => new CarriedForwardLine(c.Partner.Value, c.Balance.Minor, c.Reason)).ToArray(),
        };
        return (batch, plan.Lines.Select(l => new PayoutLineRecord(batch.Id, l.Partner, l.Amount, l.Explanation)).ToArray());
    }

    public void MarkExported(DateTimeOffset now)
    {
        ExportedAt = now;
        if (Status == PayoutBatchStatus.Created) Status = PayoutBatchStatus.Exported;
        Version++;
    }

    public void MarkPaid(string externalReference, DateOnly paidOn, DateTimeOffset now, string by)
    {
        if (!IsOpen) throw new InvalidOperationException($"Payout batch {Id} is {Status.ToString().ToLowerInvariant()}.");
        (Status, ExternalReference, PaidOn, PaidAt, PaidBy) = (PayoutBatchStatus.Paid, externalReference, paidOn, now, by);
        Version++;
    }

    public void Cancel(string reason, DateTimeOffset now, string by)
    {
        if (!IsOpen) throw new InvalidOperationException($"Payout batch {Id} is {Status.ToString().ToLowerInvariant()}.");
        (Status, CancelReason, CancelledAt, CancelledBy) = (PayoutBatchStatus.Cancelled, reason, now, by);
        Version++;
    }

    /// <summary>The source key of one line's payout transaction: per batch and partner, so it is posted once.</summary>
    public string PayoutSourceKey(PartnerId partner) => $"payout:{Id}:{partner}";

    public IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["currency"] = Currency.Code,
        ["minimum"] = new Money(MinimumMinor, Currency).ToString(),
        ["asOf"] = AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["status"] = Status.ToString().ToLowerInvariant(),
        ["total"] = new Money(TotalMinor, Currency).ToString(),
        ["lines"] = LineCount.ToString(CultureInfo.InvariantCulture),
        ["exportedAt"] = ExportedAt?.ToString("O", CultureInfo.InvariantCulture),
        ["paidOn"] = PaidOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["externalReference"] = ExternalReference,
        ["cancelReason"] = CancelReason,
    };
}

/// <summary>One partner's payout in a batch. Written with the batch and never changed.</summary>
public sealed class PayoutLineRecord : IPartnerOwned
{
    private PayoutLineRecord()
    {
    }

    public PayoutLineRecord(PayoutBatchId batchId, PartnerId partnerId, Money amount, string explanation) =>
        (BatchId, PartnerId, AmountMinor, Currency, Explanation) = (batchId, partnerId, amount.Minor, amount.Currency, explanation);

    public PayoutBatchId BatchId { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public long AmountMinor { get; private set; }
    public Currency Currency { get; private set; }
    public string Explanation { get; private set; } = "";

    public Money Amount => new(AmountMinor, Currency);
}
