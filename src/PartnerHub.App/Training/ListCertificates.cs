using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Training;

/// <summary>Certificates, newest first: vendor staff all (or one partner's, or the pending ones), a partner user its own.</summary>
public sealed class ListCertificates(PartnerHubDb db, ProgramStore programs)
{
    public Task<IReadOnlyList<CertificateView>> HandleAsync(PartnerId? partner, bool pendingOnly, CancellationToken ct)
    {
        var query = db.Set<Certificate>().AsQueryable();
        if (partner is { } p) query = query.Where(c => c.PartnerId == p);
        if (pendingOnly) query = query.Where(c => c.Status == CertificateStatus.Pending);
        return TrainingReader.CertificatesAsync(db, programs, query, ct);
    }
}
