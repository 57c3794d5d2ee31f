using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Prospects;

namespace PartnerHub.App.Prospects;

/// <summary>
/// A partner manager scores a prospect on every criterion of the program in force; the weighted fit score and its
/// explanation are appended to the prospect's assessment history (the latest counts). An active partner is assessed
/// for another category than its own (expansion): a passing one makes it an expansion candidate for that category.
/// </summary>
public sealed class AssessOpportunity(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<AssessmentView>> HandleAsync(PartnerId id, IReadOnlyDictionary<string, int?>? scores, string? notes, CancellationToken ct,
        string? category = null)
    {
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return PartnerErrors.NotFound(id);
        var published = await programs.CurrentAsync(ct);
        if (published.Program.Qualification is not { } policy) return ProspectErrors.NoQualificationCriteria(published.Label);

        var errors = new FieldErrors();
        var note = Text.Block(errors, "notes", notes, 2000)?.Trim();
        var target = string.IsNullOrWhiteSpace(category) ? partner.Category : category.Trim();
        if (published.Program.FindCategory(target) is null)
            errors.Add("category", $"Unknown category '{target}'. The program defines: {string.Join(", ", published.Program.Categories.Select(c => c.Key))}.");
        var fit = FitScoring.Score(policy, target, scores ?? new Dictionary<string, int?>());
        if (!fit.IsSuccess) errors.Merge("", fit.Error);
        if (errors.Any) return errors.ToError();
        if (target != partner.Category && partner.Stage != LifecycleStage.Active) return ProspectErrors.OtherCategoryNeedsActive(partner.Category, partner.Stage);
        if (target == partner.Category && !ProspectStages.Workable.Contains(partner.Stage)) return ProspectErrors.NotAProspect(partner.Stage);

        var assessment = OpportunityAssessment.Record(id, fit.Value, published.Label, note, db.Actor.Name, db.Clock.GetUtcNow());
        db.Add(assessment);
        await db.SaveChangesAsync(ct);
        return AssessmentView.From(assessment);
    }
}
