using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Audit;

public sealed class GetAuditTrail(PartnerHubDb db)
{
    /// <summary>A partner's history, newest first. The partner lookup goes through the scope filter, so no one reads a foreign history.</summary>
    public async Task<Result<IReadOnlyList<AuditEntry>>> ForPartnerAsync(PartnerId id, CancellationToken ct)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == id, ct)) return PartnerErrors.NotFound(id);
        var key = id.ToString();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == "partner" && a.EntityId == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .ToListAsync(ct);
        return entries;
    }
}
