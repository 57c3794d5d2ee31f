using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Training;

namespace PartnerHub.App.Training;

/// <summary>One certificate with its explanation; a partner user reaches only its own (any other id is not found).</summary>
public sealed class GetCertificate(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<CertificateView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var found = await TrainingReader.CertificatesAsync(db, programs, db.Set<Certificate>().Where(c => c.Id == id), ct);
        return found.Count == 1 ? found[0] : TrainingErrors.CertificateNotFound(id);
    }
}
