namespace PartnerHub.App.Ledger;

/// <summary>A payout batch as finance sees it, with its lines and the partners it carries forward.</summary>
public sealed record PayoutBatchView(
    Guid Id,
    string Currency,
    long MinimumMinor,
    DateOnly AsOf,
    string Status,
    long TotalMinor,
    IReadOnlyList<PayoutBatchView.Line> Lines,
    IReadOnlyList<CarriedForwardLine> CarriedForward,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExportedAt,
    DateOnly? PaidOn,
    string? ExternalReference,
    DateTimeOffset? CancelledAt,
    string? CancelReason)
{
    public sealed record Line(Guid PartnerId, long AmountMinor, string Explanation);

    internal static PayoutBatchView From(PayoutBatch b, IEnumerable<PayoutLineRecord> lines) => new(
        b.Id.Value, b.Currency.Code, b.MinimumMinor, b.AsOf, b.Status.ToString().ToLowerInvariant(), b.TotalMinor,
        lines.OrderBy(l => l.PartnerId.Value).Select(l => new Line(l.PartnerId.Value, l.AmountMinor, l.Explanation)).ToArray(),
        b.CarriedForward, b.CreatedAt, b.ExportedAt, b.PaidOn, b.ExternalReference, b.CancelledAt, b.CancelReason);
}
