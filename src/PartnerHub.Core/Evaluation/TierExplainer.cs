using PartnerHub.Core.Facts;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Evaluation;

/// <summary>Builds the tier part of a <see cref="Standing"/>: every criterion checked, and why the tier is what it is.</summary>
internal static class TierExplainer
{
    public static TierStanding Explain(CompiledProgram cp, PartnerFacts facts, DateOnly asOf)
    {
        var program = cp.Program;
        var s = new Scratch();
        var n = TierRules.PrepareWindow(cp, facts.PartnershipStart, asOf, s, out var firstReview);
        FactQueries.RevenueSums(cp, facts.Revenue, s, n + 1);
        FactQueries.LatestRatings(cp, facts.Ratings, s, n + 1);
        var outcome = TierRules.Decide(cp, facts, asOf, s, n, firstReview);
        var criteria = cp.Criteria.Length;
        var revenue = s.Sums[n];
        var ratings = s.RatingScores.AsSpan(n * criteria, criteria).ToArray();

        var checks = new List<CriterionCheck>();
        for (var t = 0; t < cp.TierCount; t++) checks.AddRange(Checks(cp, t, revenue, ratings));
        var reviews = new List<ReviewPoint>();
        if (asOf >= facts.PartnershipStart)
            for (var i = 0; i < n; i++) reviews.Add(new ReviewPoint(s.ReviewDates[i], s.ReviewQualifying[i], s.Sums[i]));

        var tiers = program.Tiers;
        return new TierStanding(
            tiers[outcome.Held].Key,
            tiers[outcome.Qualifying].Key,
            outcome.Change,
            tiers[outcome.Proposed].Key,
            outcome.EffectiveOn,
            outcome.LastReview,
            outcome.NextReview,
            checks,
            reviews,
            QualifyingText(cp, outcome.Qualifying, revenue, ratings),
            HeldText(cp, facts, asOf, outcome, reviews),
            ChangeText(cp, outcome, reviews));
    }

    // Lists, not iterators: compiler-generated iterators read Environment.CurrentManagedThreadId, which Core avoids.
    private static List<CriterionCheck> Checks(CompiledProgram cp, int t, long revenue, int[] ratings)
    {
        var tier = cp.Program.Tiers[t];
        var floor = t == cp.TierCount - 1;
        var min = tier.Revenue.MinMinor;
        var checks = new List<CriterionCheck>();
        checks.Add(new CriterionCheck(tier.Key, "trailing-12-month revenue", Money(cp, revenue),
            min is { } m ? $"≥ {Money(cp, m)}" : "no minimum", floor || min is not { } mm || revenue >= mm));
        foreach (var r in tier.Ratings)
        {
            var c = cp.CriterionIndex(r.Criterion);
            var score = c >= 0 ? ratings[c] : 0;
            checks.Add(new CriterionCheck(tier.Key, Name(cp, r.Criterion), score > 0 ? $"{score}" : "not rated",
                r.Min is { } rm ? $"≥ {rm}" : "no minimum", floor || r.Min is not { } need || score >= need));
        }

        return checks;
    }

    /// <summary>"Preferred, because trailing-12-month revenue $61,200.00 ≥ $25,000.00 and ≤ $100,000.00, and …".</summary>
    private static string QualifyingText(CompiledProgram cp, int q, long revenue, int[] ratings)
    {
        var tier = cp.Program.Tiers[q];
        var text = $"{ShortName(tier)}, because trailing-12-month revenue {Money(cp, revenue)}";
        var bounds = new List<string>();
        if (tier.Revenue.MinMinor is { } min && q < cp.TierCount - 1) bounds.Add($"≥ {Money(cp, min)}");
        if (tier.Revenue.MaxMinor is { } max && revenue <= max) bounds.Add($"≤ {Money(cp, max)}");
        text += bounds.Count > 0 ? " " + string.Join(" and ", bounds) : "";
        var met = tier.Ratings.Where(r => r.Min is not null).Select(r => $"{Words.Lower(Name(cp, r.Criterion))} {Rating(cp, r.Criterion, ratings)} ≥ {r.Min}").ToList();
        if (met.Count > 0 && q < cp.TierCount - 1) text += $", and every rating meets its minimum ({string.Join(", ", met)})";
        if (q > 0)
        {
            var above = cp.Program.Tiers[q - 1];
            var failed = Checks(cp, q - 1, revenue, ratings).Where(c => !c.Passed)
                .Select(c => c.Input == "not rated" ? $"{Words.Lower(c.Criterion)} not rated (needs {c.Threshold})" : $"{Words.Lower(c.Criterion)} {c.Input} < {c.Threshold[2..]}")
                .ToList();
            text += $"; not {ShortName(above)}: {Words.And(failed)}";
        }

        return text + ".";
    }

    private static string HeldText(CompiledProgram cp, PartnerFacts facts, DateOnly asOf, TierOutcome outcome, List<ReviewPoint> reviews)
    {
        var tiers = cp.Program.Tiers;
        if (asOf < facts.PartnershipStart)
            return $"Not started: the partnership starts on {Display.Date(facts.PartnershipStart)}; until then it is {ShortName(tiers[outcome.Held])}.";
        var history = string.Join(", ", reviews.Select(r => $"{Display.Date(r.Date)}: {ShortName(tiers[r.QualifyingTier])}"));
        var grace = cp.GraceMonths == 0 ? "no grace period" : $"grace period {Words.Plural(cp.GraceMonths, "month", "months")}";
        return reviews.Count == 1
            ? $"Holds {ShortName(tiers[outcome.Held])}, qualified for at the last review ({history}); {grace}."
            : $"Holds {ShortName(tiers[outcome.Held])}, the best tier qualified for at the reviews within the grace period ({history}); {grace}.";
    }

    private static string ChangeText(CompiledProgram cp, TierOutcome outcome, List<ReviewPoint> reviews)
    {
        var tiers = cp.Program.Tiers;
        var held = ShortName(tiers[outcome.Held]);
        var proposed = ShortName(tiers[outcome.Proposed]);
        var qualifying = ShortName(tiers[outcome.Qualifying]);
        var on = outcome.EffectiveOn is { } d ? Display.Date(d) : "";
        var lowerSince = reviews.Count > 0 && reviews[^1].QualifyingTier > outcome.Held
            ? reviews.AsEnumerable().Reverse().TakeWhile(r => r.QualifyingTier > outcome.Held).Last().Date
            : (DateOnly?)null;
        var since = lowerSince is { } ls ? $" since the review on {Display.Date(ls)}" : " today";
        return outcome.Change switch
        {
            TierChange.Promotion => $"Qualifies for {qualifying} today; the promotion to {proposed} takes effect at the review on {on}.",
            TierChange.Demotion => $"Qualifies only for {qualifying}{since}; the grace period has run, so the demotion to {proposed} takes effect at the review on {on} unless it qualifies for {held} again by then.",
            TierChange.DemotionHeld => $"Qualifies only for {qualifying}{since}; {held} is held during the grace period, and the demotion to {proposed} takes effect at the review on {on} if it still qualifies lower then.",
            _ => $"No change expected at the next review on {Display.Date(outcome.NextReview)}.",
        };
    }

    internal static string ShortName(Tier tier) => Display.TierName(tier);

    private static string Name(CompiledProgram cp, string criterion) => cp.Program.TierCriteria.FirstOrDefault(c => c.Key == criterion)?.Name ?? criterion;

    private static string Rating(CompiledProgram cp, string criterion, int[] ratings)
    {
        var c = cp.CriterionIndex(criterion);
        return c >= 0 && ratings[c] > 0 ? $"{ratings[c]}" : "not rated";
    }

    private static string Money(CompiledProgram cp, long minor) => Display.Money(minor, cp.Program.Currency);
}
