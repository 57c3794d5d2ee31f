using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Commissions;
using PartnerHub.App.Common;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.App.Standing;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Training;

namespace PartnerHub.App.Training;

/// <summary>
/// Awards the certification level the engine finds a partner eligible for today, when it does not hold it already (or
/// holds it inside its renewal window: the new award renews it). By the program's <c>certification.awarding</c>: at
/// once, or as a pending certificate a partner manager confirms (<see cref="ConfirmCertificate"/>). An award writes the
/// certification fact (source "portal"), the certificate, its webhook event and the level's fee on the ledger
/// (<c>certification-fee:{award}</c>, the key the hourly fee run uses too) in one transaction. Vendor side only: a
/// partner user's exam reaches it through <see cref="CertificationAwarder"/>, which acts as the system.
/// </summary>
public sealed class AwardCertification(PartnerHubDb db, ProgramStore programs, GetStanding standing, ChargeCertificationFees fees)
{
    /// <summary>The certificate awarded or left pending by this call; null when there is nothing new to award.</summary>
    public async Task<Result<CertificateView?>> HandleAsync(PartnerId partner, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "award certifications") is { } denied) return denied;
        var read = await standing.HandleAsync(partner, null, ct);
        if (!read.IsSuccess) return read.Error;
        var cert = read.Value.Certification;
        if (cert.Eligible is not { } eligibleKey) return (CertificateView?)null;

        var published = await programs.CurrentAsync(ct);
        var program = published.Program;
        var levels = program.Certification.Levels;
        var eligible = levels.ToList().FindIndex(l => l.Key == eligibleKey);
        var held = cert.Held is { } h ? levels.ToList().FindIndex(l => l.Key == h) : -1;
        if (eligible < held || (eligible == held && !cert.RenewalDue)) return (CertificateView?)null;
        var level = levels[eligible];
        var today = programs.Today;

        // One open certificate per level: a pending one waits for its confirmation, one awarded today is already done.
        var open = await db.Set<Certificate>().AnyAsync(c => c.PartnerId == partner && c.Level == level.Key
            && (c.Status == CertificateStatus.Pending || c.AwardedOn == today), ct);
        if (open) return (CertificateView?)null;

        var now = db.Clock.GetUtcNow();
        var certificate = new Certificate
        {
            // Random, not time-ordered: the id is the public proof, so it must not be guessable from another one.
            Id = Guid.NewGuid(), PartnerId = partner, Level = level.Key, Status = CertificateStatus.Pending, EligibleOn = today,
            ProgramVersion = published.Label, Explanation = cert.Explanation, CreatedAt = now,
        };
        db.Add(certificate);
        if (program.Certification.Awarding == Core.Programs.CertificationAwarding.Confirmed)
        {
            await db.SaveChangesAsync(ct);
            return TrainingReader.View(certificate, read.Value.PartnerName, program, today);
        }

        var awarded = await AwardAsync(db, fees, certificate, level, today, "system", ct);
        if (!awarded.IsSuccess) return awarded.Error;
        return TrainingReader.View(certificate, read.Value.PartnerName, program, today);
    }

    /// <summary>Turns a pending certificate into an award: fact, certificate, webhook event and fee in one transaction.</summary>
    internal static async Task<Result> AwardAsync(PartnerHubDb db, ChargeCertificationFees fees, Certificate certificate, Core.Programs.CertificationLevel level,
        DateOnly today, string by, CancellationToken ct)
    {
        var award = new CertificationAwardRecord { PartnerId = certificate.PartnerId, Level = level.Key, AwardedOn = today, Source = FactSources.Portal };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // An award made the same day by an import is the same fact; this certificate then stands for it.
        var existing = await db.Set<CertificationAwardRecord>().FirstOrDefaultAsync(a => a.PartnerId == award.PartnerId && a.Level == award.Level && a.AwardedOn == today, ct);
        if (existing is null) db.Add(award);
        else award = existing;
        certificate.Status = CertificateStatus.Awarded;
        certificate.AwardedOn = today;
        certificate.ExpiresOn = CertificateRules.ExpiresOn(level, today);
        certificate.ConfirmedBy = by;
        await db.SaveChangesAsync(ct);
        certificate.AwardId = award.Id;
        await db.SaveChangesAsync(ct);
        await FactWrites.BumpAsync(db, ct);
        var charged = await fees.ChargeAsync(award, db.Clock.GetUtcNow(), ct);
        if (!charged.IsSuccess) return charged.Error;
        await transaction.CommitAsync(ct);
        return Result.Success;
    }
}
