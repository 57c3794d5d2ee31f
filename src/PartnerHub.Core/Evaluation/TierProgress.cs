using PartnerHub.Core.Facts;
using PartnerHub.Core.Insight;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Evaluation;

/// <summary>
/// How far a partner is toward the tier above the one it qualifies for, criterion by criterion, as a chart of percentages
/// of each requirement (capped at 100): the portal's "progress to next tier". The inputs are the engine's own (the
/// trailing-12-month revenue and the latest ratings that decide the tier), so the chart agrees with "Why this tier".
/// </summary>
public static class TierProgress
{
    public const string Key = "next-tier";

    /// <summary>The chart; without bars (and saying why) when the partner qualifies for the top tier or has no partnership on the date.</summary>
    public static Chart Toward(PartnerProgram program, PartnerFacts facts, DateOnly asOf)
    {
        if (asOf < facts.PartnershipStart) return Empty(asOf, $"No partnership on {Display.Date(asOf)}: it starts on {Display.Date(facts.PartnershipStart)}.");
        var cp = CompiledProgram.For(program);
        var s = new Scratch();
        var n = TierRules.PrepareWindow(cp, facts.PartnershipStart, asOf, s, out var firstReview);
        FactQueries.RevenueSums(cp, facts.Revenue, s, n + 1);
        FactQueries.LatestRatings(cp, facts.Ratings, s, n + 1);
        var qualifying = TierRules.Decide(cp, facts, asOf, s, n, firstReview).Qualifying;
        if (qualifying == 0) return Empty(asOf, $"Qualifies for {Display.TierName(program.Tiers[0])}, the top tier: there is no tier above it.");

        var next = program.Tiers[qualifying - 1];
        var revenue = s.Sums[n];
        var points = new List<ChartPoint>();
        var values = new List<decimal>();
        var lines = new List<string>();
        if (next.Revenue.MinMinor is { } min)
        {
            points.Add(new ChartPoint("revenue", "Trailing-12-month revenue"));
            values.Add(Percent(revenue, min));
            lines.Add($"trailing-12-month revenue {Display.Money(revenue, program.Currency)} of {Display.Money(min, program.Currency)}");
        }

        foreach (var r in next.Ratings.Where(r => r.Min is not null))
        {
            var c = cp.CriterionIndex(r.Criterion);
            var score = c >= 0 ? s.RatingScores[(n * cp.Criteria.Length) + c] : 0;
            var name = program.TierCriteria.FirstOrDefault(x => x.Key == r.Criterion)?.Name ?? r.Criterion;
            points.Add(new ChartPoint(r.Criterion, name));
            values.Add(Percent(score, r.Min!.Value));
            lines.Add(score > 0 ? $"{name} rated {score} of {r.Min} needed" : $"{name} not rated yet ({r.Min} needed)");
        }

        var nextName = Display.TierName(next);
        return new Chart(Key, $"Progress to {nextName}", asOf, ChartUnit.Percent, Stacked: false, points,
            [new ChartSeries("progress", $"Share of the {nextName} requirement", values)],
            $"Qualifies for {Display.TierName(program.Tiers[qualifying])}; {nextName} needs every criterion met: " + string.Join("; ", lines)
            + ". Each bar is the partner's value as a share of the requirement, capped at 100%.");
    }

    private static Chart Empty(DateOnly asOf, string why) => new(Key, "Progress to the next tier", asOf, ChartUnit.Percent, Stacked: false, [], [], why);

    private static decimal Percent(long have, long need) =>
        need <= 0 ? 100m : Math.Min(100m, Math.Round(100m * Math.Max(0, have) / need, 1, MidpointRounding.AwayFromZero));
}
