using System.Globalization;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Relationships;

/// <summary>One criterion of the next tier that the partner does not meet yet, and by how much.</summary>
public sealed record MissingCriterion(string Criterion, string Input, string Threshold, string Gap);

/// <summary>A partner close to the next tier: which criteria it meets, which it misses and by how much, and why.</summary>
public sealed record ExpansionCandidate(PartnerId PartnerId, string Tier, string NextTier, int CriteriaMet, int CriteriaTotal,
    IReadOnlyList<MissingCriterion> Missing, string Explanation);

/// <summary>
/// The expansion rule (docs/program-format.md, "relationship"): an active partner is an expansion candidate when it
/// meets every criterion of the tier above the one it qualifies for but at most <see cref="RelationshipSettings.ExpansionMaxMissing"/>.
/// The checks are the engine's own (<see cref="TierStanding.Checks"/>); this only counts and words them.
/// </summary>
public static class Expansion
{
    /// <summary>The failed checks when there are between one and <paramref name="maxMissing"/> of them; null otherwise.</summary>
    public static IReadOnlyList<CriterionCheck>? Missing(IReadOnlyList<CriterionCheck> nextTierChecks, int maxMissing)
    {
        var failed = nextTierChecks.Where(c => !c.Passed).ToList();
        return failed.Count >= 1 && failed.Count <= maxMissing ? failed : null;
    }

    public static ExpansionCandidate? Check(PartnerProgram program, PartnerFacts facts, DateOnly asOf)
    {
        var summary = Evaluator.Summarize(program, facts, asOf);
        if (!summary.Active || summary.QualifyingTier <= 0) return null; // the top tier has nothing above it
        var cp = CompiledProgram.For(program);
        var tier = TierExplainer.Explain(cp, facts, asOf);
        var next = program.Tiers[summary.QualifyingTier - 1];
        var checks = tier.Checks.Where(c => c.Tier == next.Key).ToList();
        if (Missing(checks, program.Relationship.ExpansionMaxMissing) is not { } failed) return null;

        var missing = failed.Select(c => new MissingCriterion(c.Criterion, c.Input, c.Threshold, Gap(program, next, c, summary.RevenueMinor))).ToList();
        var current = Display.TierName(program.Tiers[summary.QualifyingTier]);
        var nextName = Display.TierName(next);
        var met = checks.Count - failed.Count;
        var explanation = $"Qualifies for {current} and meets {met} of {checks.Count} {nextName} criteria; missing: "
            + string.Join("; ", missing.Select(m => $"{m.Criterion} {m.Input} (needs {m.Threshold}, {m.Gap})")) + ".";
        return new ExpansionCandidate(facts.PartnerId, program.Tiers[summary.QualifyingTier].Key, next.Key, met, checks.Count, missing, explanation);
    }

    private static string Gap(PartnerProgram program, Tier next, CriterionCheck check, long revenueMinor)
    {
        if (check.Criterion == "trailing-12-month revenue" && next.Revenue.MinMinor is { } min)
            return $"{Display.Money(min - revenueMinor, program.Currency)} short";
        var requirement = next.Ratings.FirstOrDefault(r => program.TierCriteria.FirstOrDefault(c => c.Key == r.Criterion)?.Name == check.Criterion);
        if (requirement?.Min is not { } need) return "not met";
        return int.TryParse(check.Input, NumberStyles.Integer, CultureInfo.InvariantCulture, out var score)
            ? $"{need - score} point{(need - score == 1 ? "" : "s")} short"
            : "not rated yet";
    }
}
