using System.Collections.Concurrent;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Evaluation;

/// <summary>
/// The evaluation engine: program + facts + as-of date → standings. Pure and deterministic: no clock, no I/O, and the
/// same inputs give the same output whatever the order of the facts inside each partner.
/// </summary>
public static class Evaluator
{
    /// <summary>One partner's standing with every explanation. <paramref name="companyRevenue"/> is optional (for partnership impact).</summary>
    public static Standing Evaluate(PartnerProgram program, string programVersion, PartnerFacts facts, DateOnly asOf,
        IReadOnlyList<CompanyMonth>? companyRevenue = null)
    {
        var cp = CompiledProgram.For(program);
        var summary = PartnerKernel.Compute(cp, facts, asOf, new Scratch());
        var measured = summary.Measured();
        return new Standing
        {
            PartnerId = facts.PartnerId,
            ProgramVersion = programVersion,
            AsOf = asOf,
            Active = summary.Active,
            Tier = TierExplainer.Explain(cp, facts, asOf),
            Certification = CertificationExplainer.Explain(cp, facts, asOf, summary, measured),
            Kpis = KpiExplainer.Kpis(cp, facts, asOf, summary, companyRevenue),
            Targets = KpiExplainer.Targets(cp, summary, measured),
            Health = KpiExplainer.Health(cp, summary, measured),
            Onboarding = OnboardingExplainer.Explain(program, facts, asOf),
            Summary = summary,
        };
    }

    /// <summary>One partner's numbers only, without explanations: what <see cref="EvaluateAll"/> computes per partner.</summary>
    public static PartnerSummary Summarize(PartnerProgram program, PartnerFacts facts, DateOnly asOf) =>
        PartnerKernel.Compute(CompiledProgram.For(program), facts, asOf, new Scratch());

    /// <summary>
    /// Every partner's summary (in the order given) and the program standing, computed in parallel across partners.
    /// Explanations for one partner come from <see cref="Evaluate"/>, on demand.
    /// </summary>
    public static ProgramEvaluation EvaluateAll(PartnerProgram program, string programVersion, ProgramFacts facts, DateOnly asOf,
        int maxDegreeOfParallelism = -1)
    {
        var cp = CompiledProgram.For(program);
        var partners = facts.Partners;
        var results = new PartnerSummary[partners.Count];
        // Small fixed-size chunks balance load across cores without asking the environment how many there are.
        var chunk = Math.Clamp(partners.Count / 256, 64, 4096);
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var total = new ProgramTally(cp, asOf);
        // Each thread also tallies the program counts of the partners it evaluates (counts commute), merged at the end.
        // The partitioner refuses an empty range, and a program with no partners yet still has a standing.
        if (partners.Count > 0) Parallel.ForEach(Partitioner.Create(0, partners.Count, chunk), options, () => (new Scratch(), new ProgramTally(cp, asOf)), (range, _, local) =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                results[i] = PartnerKernel.Compute(cp, partners[i], asOf, local.Item1);
                local.Item2.Add(partners[i], results[i]);
            }

            return local;
        }, local =>
        {
            lock (total) total.Merge(local.Item2);
        });
        total.Flush();
        return new ProgramEvaluation(programVersion, asOf, results, ProgramRules.Summarize(cp, facts, total, asOf));
    }
}
