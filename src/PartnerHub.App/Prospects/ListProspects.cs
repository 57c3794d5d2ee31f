using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Prospects;

namespace PartnerHub.App.Prospects;

/// <summary>
/// The prospects and qualified partners (live ones) with their source, latest assessment and latest contact: the
/// partner database of phase 1, and the rows the opportunity matrix places. Filters: stage, category.
/// </summary>
public sealed class ListProspects(PartnerHubDb db)
{
    public sealed record Row(Guid Id, string Name, string Category, string Subcategory, string Stage, string? Owner, string? Source,
        int? FitScore, int? Threshold, bool? Passes, int? RevenuePotential, DateTimeOffset? AssessedAt,
        DateTimeOffset? LastContactAt, string? NextStep, DateOnly? NextStepDueOn);

    public async Task<Result<IReadOnlyList<Row>>> HandleAsync(string? stage, string? category, CancellationToken ct)
    {
        var stages = ProspectStages.OnMatrix;
        if (!string.IsNullOrWhiteSpace(stage))
        {
            if (!Lifecycle.TryParse(stage, out var one) || !ProspectStages.OnMatrix.Contains(one))
                return Error.Validation("stage", $"Unknown stage '{stage.Trim()}' here. Use one of: {string.Join(", ", ProspectStages.OnMatrix.Select(s => s.Key()))}.");
            stages = [one];
        }

        var partners = db.Partners.AsNoTracking().Where(p => p.ArchivedAt == null && stages.Contains(p.Stage));
        if (!string.IsNullOrWhiteSpace(category)) partners = partners.Where(p => p.Category == category.Trim());
        var rows = await partners.OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.Category, p.Subcategory, p.Stage, p.Owner }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();

        // The latest assessment and attempt of each partner, by the highest id (ids grow with time).
        var assessments = db.Set<OpportunityAssessment>().AsNoTracking();
        var latestAssessmentIds = assessments.Where(a => ids.Contains(a.PartnerId)).GroupBy(a => a.PartnerId).Select(g => g.Max(a => a.Id));
        var latest = await assessments.Where(a => latestAssessmentIds.Contains(a.Id))
            .Select(a => new { a.PartnerId, a.FitScore, a.Threshold, a.Passes, a.RevenuePotential, a.AssessedAt }).ToDictionaryAsync(a => a.PartnerId, ct);
        var attempts = db.Set<OutreachAttempt>().AsNoTracking();
        var latestAttemptIds = attempts.Where(a => ids.Contains(a.PartnerId)).GroupBy(a => a.PartnerId).Select(g => g.Max(a => a.Id));
        var contact = await attempts.Where(a => latestAttemptIds.Contains(a.Id))
            .Select(a => new { a.PartnerId, a.At, a.NextStep, a.NextStepDueOn }).ToDictionaryAsync(a => a.PartnerId, ct);
        var sources = await db.Set<ProspectProfile>().AsNoTracking().Where(p => ids.Contains(p.PartnerId) && p.Source != null)
            .Select(p => new { p.PartnerId, p.Source }).ToDictionaryAsync(p => p.PartnerId, p => p.Source!.Value, ct);

        return rows.Select(r =>
        {
            var a = latest.GetValueOrDefault(r.Id);
            var c = contact.GetValueOrDefault(r.Id);
            return new Row(r.Id.Value, r.Name, r.Category, r.Subcategory, r.Stage.Key(), r.Owner,
                sources.TryGetValue(r.Id, out var s) ? ProspectKeys.Key(s) : null,
                a?.FitScore, a?.Threshold, a?.Passes, a?.RevenuePotential, a?.AssessedAt, c?.At, c?.NextStep, c?.NextStepDueOn);
        }).ToList();
    }
}
