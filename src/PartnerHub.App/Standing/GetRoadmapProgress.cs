using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Standing;

/// <summary>The roadmap on a date: every year and quarter, and each goal measured from live data.</summary>
public sealed record RoadmapView(string ProgramVersion, DateOnly AsOf, DateOnly StartsOn, IReadOnlyList<RoadmapYearView> Years);

public sealed record RoadmapYearView(int Year, string Theme, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<NamedText> Quarters,
    IReadOnlyList<RoadmapGoalView> Goals);

/// <summary>A measured goal and the partners behind its number, by name.</summary>
public sealed record RoadmapGoalView(GoalProgress Progress, IReadOnlyList<PartnerLink> Partners);

public sealed record PartnerLink(Guid Id, string Name);

/// <summary>Measures the roadmap's goals with the program version in force on the date, over the same facts as the overview.</summary>
public sealed class GetRoadmapProgress(PartnerHubDb db, EvaluateProgram evaluate)
{
    public async Task<RoadmapView> HandleAsync(DateOnly? asOf, CancellationToken ct)
    {
        var e = await evaluate.AtAsync(asOf, ct);
        var program = e.Version.Program;
        // Regions are the partner record's (not a dated fact): a partner counts in the region it is in today.
        var partners = await db.Partners.AsNoTracking().Select(p => new { p.Id, p.Name, p.Region }).ToDictionaryAsync(p => p.Id, ct);
        var goals = RoadmapProgress.Compute(program, e.Facts, e.Evaluation, partners.ToDictionary(p => p.Key, p => p.Value.Region), e.AsOf);
        var roadmap = program.Roadmap;
        var years = roadmap.Years.Select(y => new RoadmapYearView(y.Year, y.Theme, roadmap.StartsOn.AddYears(y.Year - 1), roadmap.EndOf(y.Year, "q4"),
            y.Quarters, goals.Where(g => g.Year == y.Year)
                .Select(g => new RoadmapGoalView(g, g.Partners.Select(id => new PartnerLink(id.Value, partners.TryGetValue(id, out var p) ? p.Name : id.ToString())).ToList()))
                .ToList())).ToList();
        return new RoadmapView(e.Version.Label, e.AsOf, roadmap.StartsOn, years);
    }
}
