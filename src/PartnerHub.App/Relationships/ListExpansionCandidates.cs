using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.App.Prospects;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;
using PartnerHub.Core.Relationships;

namespace PartnerHub.App.Relationships;

public sealed record ExpansionItem(Guid PartnerId, string PartnerName, string Tier, string NextTier, int CriteriaMet, int CriteriaTotal,
    IReadOnlyList<MissingCriterion> Missing, string Explanation);

/// <summary>An active partner whose latest assessment for another category than its own passes that category's threshold.</summary>
public sealed record CategoryExpansionItem(Guid PartnerId, string PartnerName, string Category, string TargetCategory, int FitScore, int Threshold,
    DateTimeOffset AssessedAt, string Explanation);

public sealed record ExpansionList(string ProgramVersion, DateOnly AsOf, int MaxMissing, IReadOnlyList<ExpansionItem> Items,
    IReadOnlyList<CategoryExpansionItem> OtherCategories);

/// <summary>
/// Where a partner manager's effort grows a partnership, on any date: active partners that meet all but a few of the
/// next tier's criteria (<see cref="Expansion"/>), each with what it misses and by how much; and active partners
/// qualified for another category (their latest assessment for it, made by that date, passes).
/// </summary>
public sealed class ListExpansionCandidates(PartnerHubDb db, ProgramStore programs, FactStore facts)
{
    public async Task<ExpansionList> HandleAsync(DateOnly? asOf, CancellationToken ct)
    {
        var date = asOf ?? programs.Today;
        var published = await programs.AtAsync(date, ct);
        var program = published.Program;
        var active = await ListHealthAlerts.ActivePartnersAsync(db, ct);
        var all = await facts.ForProgramAsync(program.Currency, ct);
        var items = all.Partners.Where(p => active.ContainsKey(p.PartnerId))
            .Select(p => Expansion.Check(program, p, date)).OfType<ExpansionCandidate>()
            .Select(c => new ExpansionItem(c.PartnerId.Value, active[c.PartnerId], c.Tier, c.NextTier, c.CriteriaMet, c.CriteriaTotal, c.Missing, c.Explanation))
            .OrderBy(c => program.TierRank(c.NextTier)).ThenBy(c => c.PartnerName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new ExpansionList(published.Label, date, program.Relationship.ExpansionMaxMissing, items, await OtherCategoriesAsync(program, date, ct));
    }

    private async Task<List<CategoryExpansionItem>> OtherCategoriesAsync(PartnerProgram program, DateOnly date, CancellationToken ct)
    {
        var end = new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var assessed = await (
            from a in db.Set<OpportunityAssessment>().AsNoTracking()
            join p in db.Partners.AsNoTracking() on a.PartnerId equals p.Id
            where p.Stage == LifecycleStage.Active && p.ArchivedAt == null && a.Category != p.Category
            select new { Assessment = a, p.Name, p.Category }).ToListAsync(ct);
        return assessed.Where(x => x.Assessment.AssessedAt < end)
            .GroupBy(x => (x.Assessment.PartnerId, x.Assessment.Category))
            .Select(g => g.MaxBy(x => x.Assessment.Id)!)
            .Where(x => x.Assessment.Passes)
            .Select(x => new CategoryExpansionItem(x.Assessment.PartnerId.Value, x.Name, x.Category, x.Assessment.Category, x.Assessment.FitScore,
                x.Assessment.Threshold, x.Assessment.AssessedAt,
                $"Active as {Name(program, x.Category)}; assessed for {Name(program, x.Assessment.Category)} on {x.Assessment.AssessedAt:yyyy-MM-dd} "
                + $"by {x.Assessment.AssessedBy} (program {x.Assessment.ProgramVersion}): {x.Assessment.Explanation}"))
            .OrderBy(x => x.TargetCategory, StringComparer.Ordinal).ThenBy(x => x.PartnerName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static string Name(PartnerProgram program, string category) => program.FindCategory(category)?.Name ?? category;
}
