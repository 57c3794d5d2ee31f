using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;

namespace PartnerHub.App.Ledger;

/// <summary>Payout batches, newest first, without their lines. Vendor data: a partner user finds none.</summary>
public sealed class ListPayoutBatches(PartnerHubDb db)
{
    public sealed record Item(Guid Id, string Currency, long MinimumMinor, DateOnly AsOf, string Status, long TotalMinor, int Lines,
        DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ExportedAt, DateOnly? PaidOn, string? ExternalReference);

    public async Task<IReadOnlyList<Item>> HandleAsync(int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var batches = await db.PayoutBatches.AsNoTracking().OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).Take(limit).ToListAsync(ct);
        return batches.Select(b => new Item(b.Id.Value, b.Currency.Code, b.MinimumMinor, b.AsOf, b.Status.ToString().ToLowerInvariant(), b.TotalMinor,
            b.LineCount, b.CreatedAt, b.CreatedBy, b.ExportedAt, b.PaidOn, b.ExternalReference)).ToList();
    }
}
