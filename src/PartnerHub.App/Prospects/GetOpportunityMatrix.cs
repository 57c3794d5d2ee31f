using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Prospects;

/// <summary>
/// The seed's "Opportunity Matrix": prospects and qualified partners placed by fit score × revenue potential, grouped by
/// category and subcategory, each subcategory shown against its target count from the program (partners in the
/// program — onboarding and active — versus the target range, and how many qualified ones could fill the gap).
/// </summary>
public sealed class GetOpportunityMatrix(PartnerHubDb db, ProgramStore programs, ListProspects list)
{
    /// <summary>Where a prospect sits: passes its threshold or not × revenue potential high (3–5) or low (1–2); unassessed ones apart.</summary>
    public static string Quadrant(bool? passes, int? revenue) => (passes, revenue) switch
    {
        (null, _) or (_, null) => "unassessed",
        (true, >= 3) => "pursue",
        (true, _) => "nurture",
        (false, >= 3) => "develop",
        _ => "deprioritize",
    };

    public sealed record Placement(Guid Id, string Name, string Stage, int? FitScore, int? RevenuePotential, int? Threshold, bool? Passes, string Quadrant);

    public sealed record SubcategoryRow(string Key, string Name, CountRange Target, int InProgram, int Qualified, int Prospects, int Gap,
        IReadOnlyList<Placement> Placements);

    public sealed record CategoryRow(string Key, string Name, int Threshold, IReadOnlyList<SubcategoryRow> Subcategories);

    public sealed record Matrix(string ProgramVersion, string RevenueCriterion, IReadOnlyList<CategoryRow> Categories);

    public async Task<Result<Matrix>> HandleAsync(CancellationToken ct)
    {
        var published = await programs.CurrentAsync(ct);
        var program = published.Program;
        var prospects = (await list.HandleAsync(null, null, ct)).Value;
        var inProgram = await db.Partners.AsNoTracking()
            .Where(p => p.ArchivedAt == null && (p.Stage == LifecycleStage.Onboarding || p.Stage == LifecycleStage.Active))
            .GroupBy(p => p.Subcategory).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var categories = program.Categories.Select(c => new CategoryRow(c.Key, c.Name, program.Qualification?.ThresholdFor(c.Key) ?? 0,
            c.Subcategories.Select(s =>
            {
                var here = prospects.Where(p => p.Subcategory == s.Key).ToList();
                var placements = here
                    .Select(p => new Placement(p.Id, p.Name, p.Stage, p.FitScore, p.RevenuePotential, p.Threshold, p.Passes, Quadrant(p.Passes, p.RevenuePotential)))
                    .OrderByDescending(p => p.FitScore ?? -1).ThenByDescending(p => p.RevenuePotential ?? -1).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
                var count = inProgram.GetValueOrDefault(s.Key);
                return new SubcategoryRow(s.Key, s.Name, s.TargetCount, count, here.Count(p => p.Stage == LifecycleStage.Qualified.Key()),
                    here.Count(p => p.Stage == LifecycleStage.Prospect.Key()), Math.Max(0, s.TargetCount.Min - count), placements);
            }).ToList())).ToList();
        return new Matrix(published.Label, program.Qualification?.RevenueCriterion ?? "", categories);
    }
}
