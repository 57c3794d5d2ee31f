using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;

namespace PartnerHub.App.Training;

/// <summary>
/// The public check of a certificate id (the verification page, no sign-in): the holder's name, the level and the
/// validity, and nothing else — no partner id, explanation, fee or program details. Pending certificates do not verify.
/// </summary>
public sealed class VerifyCertificate(PartnerHubDb db, ProgramStore programs)
{
    public async Task<CertificateVerification?> HandleAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Set<Certificate>().AsNoTracking().IgnoreQueryFilters()
            .Where(c => c.Id == id && c.Status == CertificateStatus.Awarded)
            .Join(db.Partners.IgnoreQueryFilters(), c => c.PartnerId, p => p.Id, (c, p) => new { c.Level, c.AwardedOn, c.ExpiresOn, p.Name })
            .FirstOrDefaultAsync(ct);
        if (c is null) return null;
        var program = (await programs.CurrentAsync(ct)).Program;
        var today = programs.Today;
        return new CertificateVerification(c.Name, program.FindLevel(c.Level)?.Name ?? c.Level, c.AwardedOn!.Value, c.ExpiresOn!.Value,
            today >= c.AwardedOn && today < c.ExpiresOn);
    }
}
