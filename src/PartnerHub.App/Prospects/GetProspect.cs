using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Prospects;

/// <summary>A partner's identification record: profile, assessments (latest first), outreach log (latest first) and the criteria to score.</summary>
public sealed class GetProspect(PartnerHubDb db, ProgramStore programs)
{
    public sealed record ProspectDetails(PartnerView Partner, ProspectProfileView Profile, IReadOnlyList<AssessmentView> Assessments,
        IReadOnlyList<OutreachView> Outreach, QualificationPolicy? Qualification, int Threshold)
    {
        public AssessmentView? Latest => Assessments.Count > 0 ? Assessments[0] : null;
    }

    public async Task<Result<ProspectDetails>> HandleAsync(PartnerId id, CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return PartnerErrors.NotFound(id);
        var profile = await db.Set<ProspectProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.PartnerId == id, ct) ?? ProspectProfile.Empty(id);
        var assessments = await db.Set<OpportunityAssessment>().AsNoTracking().Where(a => a.PartnerId == id).OrderByDescending(a => a.Id).ToListAsync(ct);
        var outreach = await db.Set<OutreachAttempt>().AsNoTracking().Where(a => a.PartnerId == id).OrderByDescending(a => a.Id).ToListAsync(ct);
        var qualification = (await programs.CurrentAsync(ct)).Program.Qualification;
        return new ProspectDetails(PartnerView.From(partner), ProspectProfileView.From(profile), assessments.Select(AssessmentView.From).ToList(),
            outreach.Select(OutreachView.From).ToList(), qualification, qualification?.ThresholdFor(partner.Category) ?? 0);
    }
}
