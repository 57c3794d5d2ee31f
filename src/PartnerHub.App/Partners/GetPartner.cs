using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Partners;

public sealed class GetPartner(PartnerHubDb db)
{
    public async Task<Result<PartnerView>> HandleAsync(PartnerId id, CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return partner is null ? PartnerErrors.NotFound(id) : PartnerView.From(partner);
    }
}
