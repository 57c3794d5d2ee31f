using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.Cli.Partners;

/// <summary>People name partners by domain on the command line; ids work too.</summary>
public static class PartnerLookup
{
    public static async Task<Result<PartnerView>> FindAsync(IServiceProvider services, string idOrDomain, CancellationToken ct)
    {
        if (Guid.TryParse(idOrDomain, out var id)) return await services.GetRequiredService<GetPartner>().HandleAsync(new PartnerId(id), ct);
        var domain = WebDomain.Normalize(idOrDomain);
        if (!domain.IsSuccess) return Error.NotFound("Partner", idOrDomain);
        var db = services.GetRequiredService<PartnerHubDb>();
        var partner = await db.Partners.AsNoTracking().OrderBy(p => p.ArchivedAt != null).FirstOrDefaultAsync(p => p.Domain == domain.Value, ct);
        return partner is null ? Error.NotFound("Partner", idOrDomain) : PartnerView.From(partner);
    }
}
