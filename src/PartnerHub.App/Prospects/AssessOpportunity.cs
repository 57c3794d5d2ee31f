using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Prospects;

namespace PartnerHub.App.Prospects;

/// <summary>
/// A partner manager scores a prospect on every criterion of the program in force; the weighted fit score and its
/// explanation are appended to the prospect's assessment history (the latest counts).
/// </summary>
public sealed class AssessOpportunity(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<AssessmentView>> HandleAsync(PartnerId id, IReadOnlyDictionary<string, int?>? scores, string? notes, CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return PartnerErrors.NotFound(id);
        var published = await programs.CurrentAsync(ct);
        if (published.Program.Qualification is not { } policy) return ProspectErrors.NoQualificationCriteria(published.Label);

        var errors = new FieldErrors();
        var note = Text.Block(errors, "notes", notes, 2000)?.Trim();
        var fit = FitScoring.Score(policy, partner.Category, scores ?? new Dictionary<string, int?>());
        if (!fit.IsSuccess) errors.Merge("", fit.Error);
        if (errors.Any) return errors.ToError();
        if (!ProspectStages.Workable.Contains(partner.Stage)) return ProspectErrors.NotAProspect(partner.Stage);

        var assessment = OpportunityAssessment.Record(id, fit.Value, published.Label, note, db.Actor.Name, db.Clock.GetUtcNow());
        db.Add(assessment);
        await db.SaveChangesAsync(ct);
        return AssessmentView.From(assessment);
    }
}
