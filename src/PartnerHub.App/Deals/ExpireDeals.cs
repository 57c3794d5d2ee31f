using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>
/// Ends the protection of every approved registration whose window has passed without a win, a loss or an extension
/// request awaiting a decision. Idempotent: a registration expires once, and a second run finds nothing. Run by
/// <see cref="DealExpiryService"/>; safe to run by hand or from several instances at once (the version check lets one win).
/// </summary>
public sealed class ExpireDeals(PartnerHubDb db, DealIdentityIndex index)
{
    private const int ChunkSize = 200;

    /// <summary>How many registrations expired.</summary>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        var due = await db.DealRegistrations.AsNoTracking()
            .Where(d => d.Status == DealStatus.Approved && d.ProtectedUntil < now && d.ExtensionPendingSince == null)
            .OrderBy(d => d.ProtectedUntil).Select(d => d.Id).ToListAsync(ct);

        var expired = 0;
        foreach (var chunk in due.Chunk(ChunkSize))
        {
            var deals = await db.DealRegistrations.Where(d => chunk.Contains(d.Id)).ToListAsync(ct);
            foreach (var deal in deals)
            {
                if (!deal.Expire(now).IsSuccess) { db.Entry(deal).State = EntityState.Detached; continue; } // changed since the query
                try
                {
                    await db.SaveChangesAsync(ct); // one by one: a concurrent change to one registration must not hold up the others
                    index.Applied(deal);
                    expired++;
                }
                catch (DbUpdateConcurrencyException)
                {
                    db.Entry(deal).State = EntityState.Detached; // won, lost or extended meanwhile; the next run looks again
                }
            }

            db.ChangeTracker.Clear();
        }

        return expired;
    }
}
