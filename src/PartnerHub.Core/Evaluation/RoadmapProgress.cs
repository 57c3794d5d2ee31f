using System.Text.Json.Serialization;
using PartnerHub.Core.Common;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Evaluation;

public enum GoalStatus
{
    /// <summary>The actual value reaches the target.</summary>
    Met,

    /// <summary>Not met yet, but at or above an even pace from the roadmap's start to the goal's due date.</summary>
    OnTrack,

    /// <summary>Not met and below an even pace.</summary>
    Behind,

    /// <summary>Past its due date and not met.</summary>
    Missed,
}

/// <summary>One roadmap goal measured on a date, with the partners behind the number (named by the caller, so not serialized here).</summary>
public sealed record GoalProgress(
    int Year,
    string Quarter,
    DateOnly DueOn,
    string Key,
    string Title,
    string Metric,
    decimal Target,
    decimal Actual,
    string TargetText,
    string ActualText,
    int Percent,
    GoalStatus Status,
    string Explanation,
    [property: JsonIgnore] IReadOnlyList<PartnerId> Partners);

/// <summary>
/// The roadmap's goals measured from the engine's results on a date: counts of active partners, regions, revenue,
/// certification and program KPIs — the same numbers the program overview shows, so a goal never disagrees with it.
/// </summary>
public static class RoadmapProgress
{
    public static IReadOnlyList<GoalProgress> Compute(PartnerProgram program, ProgramFacts facts, ProgramEvaluation evaluation,
        IReadOnlyDictionary<PartnerId, string?> regions, DateOnly asOf)
    {
        var result = new List<GoalProgress>();
        foreach (var year in program.Roadmap.Years)
        {
            foreach (var goal in year.Goals)
            {
                var due = program.Roadmap.EndOf(year.Year, goal.By);
                var (actual, partners, what) = Measure(program, facts, evaluation, regions, goal);
                result.Add(Judge(program, year.Year, due, goal, actual, partners, what, asOf));
            }
        }

        return result;
    }

    private static (decimal Actual, IReadOnlyList<PartnerId> Partners, string What) Measure(PartnerProgram program, ProgramFacts facts,
        ProgramEvaluation evaluation, IReadOnlyDictionary<PartnerId, string?> regions, RoadmapGoal goal)
    {
        var scope = Scope(program, goal);
        var matching = new List<int>();
        for (var i = 0; i < facts.Partners.Count; i++)
        {
            var f = facts.Partners[i];
            if ((goal.Category is null || f.Category == goal.Category) && (goal.Subcategory is null || f.Subcategory == goal.Subcategory)) matching.Add(i);
        }

        var summaries = evaluation.Partners;
        var active = matching.Where(i => summaries[i].Active).ToList();
        switch (goal.Metric)
        {
            case RoadmapMetric.ActivePartners:
            {
                var tier = goal.Tier is null ? -1 : program.Tiers.ToList().FindIndex(t => t.Key == goal.Tier);
                var counted = active.Where(i => tier < 0 || summaries[i].HeldTier == tier).Select(i => summaries[i].PartnerId).ToList();
                var held = tier < 0 ? "" : $" holding {Display.TierName(program.Tiers[tier])}";
                return (counted.Count, counted, $"active partners{scope}{held}");
            }
            case RoadmapMetric.Regions:
            {
                var byRegion = active.Select(i => summaries[i].PartnerId).Where(id => !string.IsNullOrEmpty(regions.GetValueOrDefault(id)))
                    .GroupBy(id => regions[id]!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
                var named = byRegion.Count == 0 ? "" : $" ({string.Join(", ", byRegion.Select(g => $"{g.Key} {g.Count()}"))})";
                return (byRegion.Count, byRegion.SelectMany(g => g).ToList(), $"regions with an active partner{scope}{named}");
            }
            case RoadmapMetric.PartnerRevenue:
            {
                var earning = matching.Where(i => summaries[i].RevenueMinor != 0).ToList();
                var minor = earning.Sum(i => summaries[i].RevenueMinor);
                return (new Money(minor, program.Currency).ToMajor(), earning.Select(i => summaries[i].PartnerId).ToList(), $"trailing-12-month partner revenue{scope}");
            }
            case RoadmapMetric.CertifiedPartners:
            {
                var level = program.Certification.Levels.ToList().FindIndex(l => l.Key == goal.Level);
                var counted = active.Where(i => summaries[i].CertificationHeld >= level).Select(i => summaries[i].PartnerId).ToList();
                return (counted.Count, counted, $"active partners{scope} certified {program.Certification.Levels[level].Name} or higher");
            }
            default:
            {
                var kpi = evaluation.Program.Kpis.Single(k => k.Key == goal.Kpi);
                return (kpi.Value ?? 0m, [], $"{kpi.Name} ({kpi.Explanation})");
            }
        }
    }

    private static GoalProgress Judge(PartnerProgram program, int year, DateOnly due, RoadmapGoal goal, decimal actual,
        IReadOnlyList<PartnerId> partners, string what, DateOnly asOf)
    {
        var start = program.Roadmap.StartsOn;
        // An even pace from the roadmap's start: half the time gone, half the target expected.
        var elapsed = Math.Clamp((decimal)(asOf.DayNumber - start.DayNumber) / Math.Max(1, due.DayNumber - start.DayNumber + 1), 0m, 1m);
        var expected = goal.Target * elapsed;
        var status = actual >= goal.Target ? GoalStatus.Met
            : asOf > due ? GoalStatus.Missed
            : actual >= expected ? GoalStatus.OnTrack
            : GoalStatus.Behind;
        var (actualText, targetText) = (Text(program, goal.Metric, actual), Text(program, goal.Metric, goal.Target));
        var percent = goal.Target == 0 ? 100 : (int)Math.Min(999, Math.Floor(actual * 100 / goal.Target));
        var verdict = status switch
        {
            GoalStatus.Met => "met",
            GoalStatus.Missed => $"missed: it was due on {Display.Date(due)}",
            GoalStatus.OnTrack => $"on track: {Text(program, goal.Metric, expected)} expected by now at an even pace from {Display.Date(start)}",
            _ => $"behind: {Text(program, goal.Metric, expected)} expected by now at an even pace from {Display.Date(start)}",
        };
        var explanation = $"{actualText} {what} on {Display.Date(asOf)}, against {targetText} by {Display.Date(due)} (year {year} {goal.By.ToUpperInvariant()}): {verdict}.";
        return new GoalProgress(year, goal.By, due, goal.Key, goal.Title, goal.MetricKey, goal.Target, actual, targetText, actualText, percent, status,
            explanation, partners);
    }

    private static string Scope(PartnerProgram program, RoadmapGoal goal)
    {
        if (goal.Subcategory is { } sub) return $" in {program.Categories.SelectMany(c => c.Subcategories).First(s => s.Key == sub).Name}";
        return goal.Category is { } cat ? $" in {program.Categories.First(c => c.Key == cat).Name}" : "";
    }

    private static string Text(PartnerProgram program, RoadmapMetric metric, decimal value) => metric switch
    {
        RoadmapMetric.PartnerRevenue => Display.Money(Money.FromMajor(value, program.Currency).Minor, program.Currency),
        RoadmapMetric.ProgramKpi => Display.Percent(value),
        _ => Display.Number(Math.Round(value, 1)),
    };
}
