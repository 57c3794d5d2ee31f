using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Evaluation;

/// <summary>A partner whose held tier or eligible certification level differs between two programs, with both explanations.</summary>
public sealed record PartnerMove(
    PartnerId PartnerId,
    string TierBefore,
    string TierAfter,
    string? CertificationBefore,
    string? CertificationAfter,
    string TierExplanationBefore,
    string TierExplanationAfter,
    string CertificationExplanationBefore,
    string CertificationExplanationAfter);

/// <summary>A count under the current and the candidate program, each against that program's target (null where the key is absent).</summary>
public sealed record CountComparison(string Key, CountAgainstTarget? Before, CountAgainstTarget? After);

public sealed record SimulationReport(
    string CurrentVersion,
    string CandidateVersion,
    DateOnly AsOf,
    IReadOnlyList<PartnerMove> Moves,
    IReadOnlyList<CountComparison> Tiers,
    IReadOnlyList<CountComparison> Categories,
    IReadOnlyList<CountComparison> Subcategories,
    ProgramEvaluation Current,
    ProgramEvaluation Candidate);

/// <summary>What-if: a candidate program evaluated on the same facts and date as the current one, before it is published.</summary>
public static class Simulation
{
    public static SimulationReport Compare(PartnerProgram current, string currentVersion, PartnerProgram candidate, string candidateVersion,
        ProgramFacts facts, DateOnly asOf)
    {
        var before = Evaluator.EvaluateAll(current, currentVersion, facts, asOf);
        var after = Evaluator.EvaluateAll(candidate, candidateVersion, facts, asOf);
        var cpBefore = CompiledProgram.For(current);
        var cpAfter = CompiledProgram.For(candidate);
        var moves = new List<PartnerMove>();
        for (var i = 0; i < before.Partners.Length; i++)
        {
            var (b, a) = (before.Partners[i], after.Partners[i]);
            var tierBefore = current.Tiers[b.HeldTier].Key;
            var tierAfter = candidate.Tiers[a.HeldTier].Key;
            var certBefore = b.CertificationEligible >= 0 ? cpBefore.Levels[b.CertificationEligible].Key : null;
            var certAfter = a.CertificationEligible >= 0 ? cpAfter.Levels[a.CertificationEligible].Key : null;
            if (tierBefore == tierAfter && certBefore == certAfter) continue;

            // Explanations only for the partners that move: the batch itself builds no text.
            var f = facts.Partners[i];
            var tb = TierExplainer.Explain(cpBefore, f, asOf);
            var ta = TierExplainer.Explain(cpAfter, f, asOf);
            moves.Add(new PartnerMove(f.PartnerId, tierBefore, tierAfter, certBefore, certAfter,
                $"{tb.HeldExplanation} {tb.Explanation}", $"{ta.HeldExplanation} {ta.Explanation}",
                CertificationExplainer.Explain(cpBefore, f, asOf, b, b.Measured()).Explanation,
                CertificationExplainer.Explain(cpAfter, f, asOf, a, a.Measured()).Explanation));
        }

        return new SimulationReport(currentVersion, candidateVersion, asOf, moves,
            Pair(before.Program.Tiers, after.Program.Tiers), Pair(before.Program.Categories, after.Program.Categories),
            Pair(before.Program.Subcategories, after.Program.Subcategories), before, after);
    }

    private static List<CountComparison> Pair(IReadOnlyList<CountAgainstTarget> before, IReadOnlyList<CountAgainstTarget> after)
    {
        var keys = before.Select(c => c.Key).Concat(after.Select(c => c.Key)).Distinct(StringComparer.Ordinal);
        return keys.Select(k => new CountComparison(k, before.FirstOrDefault(c => c.Key == k), after.FirstOrDefault(c => c.Key == k))).ToList();
    }
}
