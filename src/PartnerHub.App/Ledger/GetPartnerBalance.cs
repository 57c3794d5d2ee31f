using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Ledger;

/// <summary>
/// A partner's balance at any business date, one per currency it has lines in: held, payable, receivable and net
/// owed, summed in the database from the append-only lines (no running total to go stale). A partner user can ask
/// only for its own partner: any other is not found.
/// </summary>
public sealed class GetPartnerBalance(PartnerHubDb db)
{
    public async Task<Result<IReadOnlyList<PartnerBalance>>> HandleAsync(PartnerId partner, DateOnly? asOf, CancellationToken ct)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == partner, ct)) return PartnerErrors.NotFound(partner);
        var date = asOf ?? DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var balances = await LedgerReader.BalancesAsync(db.LedgerEntries.AsNoTracking().Where(e => e.PartnerId == partner && e.OccurredOn <= date), ct);
        return balances;
    }
}
