using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Training;

namespace PartnerHub.App.Training;

/// <summary>
/// Renewal reminders, computed on read: every partner's latest award of each level whose renewal window (the level's
/// <c>renewalWindowDays</c> before expiry) is open on the date and which has not expired, soonest expiry first. Reads the
/// certification facts, so imported awards are reminded like those awarded here. Partner users see their own.
/// </summary>
public sealed class ListRenewals(PartnerHubDb db, ProgramStore programs)
{
    public async Task<IReadOnlyList<RenewalReminder>> HandleAsync(DateOnly? asOf, CancellationToken ct)
    {
        var today = asOf ?? programs.Today;
        var program = (await programs.AtAsync(today, ct)).Program;
        var awards = await db.Set<CertificationAwardRecord>().AsNoTracking().Where(a => a.AwardedOn <= today)
            .Select(a => new { a.Id, a.PartnerId, a.Level, a.AwardedOn }).ToListAsync(ct);
        var latest = awards.GroupBy(a => (a.PartnerId, a.Level)).Select(g => g.MaxBy(a => a.AwardedOn)!).ToList();
        var due = latest.Select(a => (Award: a, Level: program.FindLevel(a.Level)))
            .Where(x => x.Level is not null && CertificateRules.InRenewalWindow(x.Level, CertificateRules.ExpiresOn(x.Level, x.Award.AwardedOn), today))
            .ToList();
        var partnerIds = due.Select(x => x.Award.PartnerId).Distinct().ToList();
        var names = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var awardIds = due.Select(x => (long?)x.Award.Id).ToList();
        var certificates = await db.Set<Certificate>().AsNoTracking().Where(c => awardIds.Contains(c.AwardId)).ToDictionaryAsync(c => c.AwardId!.Value, c => c.Id, ct);
        return due.Select(x =>
            {
                var expires = CertificateRules.ExpiresOn(x.Level!, x.Award.AwardedOn);
                return new RenewalReminder(x.Award.PartnerId.Value, names.GetValueOrDefault(x.Award.PartnerId, ""), x.Level!.Key, x.Level.Name, x.Award.AwardedOn, expires,
                    CertificateRules.RenewalOpensOn(x.Level, expires), expires.DayNumber - today.DayNumber,
                    certificates.TryGetValue(x.Award.Id, out var id) ? id : null);
            })
            .Where(r => names.ContainsKey(new Core.Partners.PartnerId(r.PartnerId)))
            .OrderBy(r => r.ExpiresOn).ThenBy(r => r.PartnerName).ToList();
    }
}
