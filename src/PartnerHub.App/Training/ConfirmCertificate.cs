using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Commissions;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Training;

namespace PartnerHub.App.Training;

/// <summary>A partner manager confirms a pending certification (program setting <c>awarding: confirmed</c>): it is awarded today.</summary>
public sealed class ConfirmCertificate(PartnerHubDb db, ProgramStore programs, ChargeCertificationFees fees)
{
    public async Task<Result<CertificateView>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "confirm certifications") is { } denied) return denied;
        var certificate = await db.Set<Certificate>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null) return TrainingErrors.CertificateNotFound(id);
        if (certificate.Status != CertificateStatus.Pending) return TrainingErrors.NotPending();
        var program = (await programs.CurrentAsync(ct)).Program;
        if (program.FindLevel(certificate.Level) is not { } level)
            return Error.Conflict("unknown_level", $"The program in force no longer has level '{certificate.Level}'.");
        var awarded = await AwardCertification.AwardAsync(db, fees, certificate, level, programs.Today, db.Actor.Name, ct);
        if (!awarded.IsSuccess) return awarded.Error!;
        var name = await db.Partners.AsNoTracking().Where(p => p.Id == certificate.PartnerId).Select(p => p.Name).FirstAsync(ct);
        return TrainingReader.View(certificate, name, program, programs.Today);
    }
}
