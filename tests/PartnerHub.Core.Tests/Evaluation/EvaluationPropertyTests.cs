using CsCheck;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Tests.Programs;

namespace PartnerHub.Core.Tests.Evaluation;

/// <summary>Properties the engine keeps for any facts (CsCheck generates and shrinks counterexamples).</summary>
public sealed class EvaluationPropertyTests
{
    private static PartnerSummary Summary(PartnerFacts f, DateOnly asOf) => Evaluator.Summarize(DefaultProgram.Program, f, asOf);

    [Fact]
    public void More_revenue_never_lowers_a_tier() =>
        Gen.Select(FactsGen.Partner, FactsGen.AsOf, FactsGen.Day, Gen.Long[1, 50_000_000]).Sample((facts, asOf, day, amount) =>
        {
            var more = facts with { Revenue = [.. facts.Revenue, new RevenueEvent(RevenueKind.Payment, day, amount, 1)] };
            var (before, after) = (Summary(facts, asOf), Summary(more, asOf));
            // Index 0 is the highest tier: a lower index is a better tier.
            Assert.True(after.HeldTier <= before.HeldTier, $"held {before.HeldTier} → {after.HeldTier}");
            Assert.True(after.QualifyingTier <= before.QualifyingTier, $"qualifying {before.QualifyingTier} → {after.QualifyingTier}");
        }, iter: 500);

    [Fact]
    public void Better_ratings_never_lower_a_tier() =>
        Gen.Select(FactsGen.Partner, FactsGen.AsOf).Sample((facts, asOf) =>
        {
            var better = facts with { Ratings = [.. facts.Ratings.Select(r => r with { Score = Math.Min(5, r.Score + 1) })] };
            Assert.True(Summary(better, asOf).HeldTier <= Summary(facts, asOf).HeldTier);
        }, iter: 300);

    [Fact]
    public void Completing_a_requirement_never_lowers_a_certification_level() =>
        Gen.Select(FactsGen.Partner, FactsGen.AsOf, Gen.Int[0, 2], FactsGen.Track, FactsGen.Exam, FactsGen.Day, Gen.Int[0, 100]).Sample((facts, asOf, what, track, exam, day, score) =>
        {
            var completed = what switch
            {
                0 => facts with { Training = [.. facts.Training, new TrainingCompletion(track, day)] },
                1 => facts with { Exams = [.. facts.Exams, new ExamAttempt(exam, day, score)] },
                _ => facts with { Commitments = [.. facts.Commitments, new Commitment(day, day.AddDays(365))] },
            };
            var (before, after) = (Summary(facts, asOf), Summary(completed, asOf));
            Assert.True(after.CertificationEligible >= before.CertificationEligible, $"eligible {before.CertificationEligible} → {after.CertificationEligible}");
            Assert.Equal(before.CertificationHeld, after.CertificationHeld);
        }, iter: 500);

    [Fact]
    public void Evaluation_is_deterministic_and_independent_of_fact_order() =>
        Gen.Select(FactsGen.Partner, FactsGen.AsOf, Gen.Int).Sample((facts, asOf, seed) =>
        {
            var shuffled = FactsGen.Shuffled(facts, seed);
            Assert.Equal(Summary(facts, asOf), Summary(facts, asOf));
            Assert.Equal(Summary(facts, asOf), Summary(shuffled, asOf));
            Assert.Equal(Texts(facts, asOf), Texts(shuffled, asOf));
        }, iter: 300);

    [Fact]
    public void Health_is_a_score_out_of_100_made_of_its_contributions() =>
        Gen.Select(FactsGen.Partner, FactsGen.AsOf).Sample((facts, asOf) =>
        {
            var health = Evaluator.Evaluate(DefaultProgram.Program, "p", facts, asOf).Health;
            if (health.Score is not { } score) return;
            Assert.InRange(score, 0m, 100m);
            Assert.Equal(score, health.Factors.Sum(f => f.Contribution), 10);
        }, iter: 200);

    [Fact]
    public void The_batch_gives_the_same_numbers_as_one_partner_at_a_time() =>
        Gen.Select(FactsGen.Partner.Array[1, 40], FactsGen.AsOf).Sample((partners, asOf) =>
        {
            var batch = Evaluator.EvaluateAll(DefaultProgram.Program, "p", new ProgramFacts(partners, []), asOf);
            Assert.Equal(partners.Select(p => Summary(p, asOf)), batch.Partners);
        }, iter: 50);

    private static string Texts(PartnerFacts facts, DateOnly asOf)
    {
        var s = Evaluator.Evaluate(DefaultProgram.Program, "p", facts, asOf);
        return string.Join("\n", new[] { s.Tier.Explanation, s.Tier.HeldExplanation, s.Tier.ChangeExplanation, s.Certification.Explanation, s.Health.Explanation }
            .Concat(s.Kpis.Select(k => k.Explanation)).Concat(s.Targets.Select(t => t.Explanation)).Concat(s.Onboarding.Select(o => o.Explanation)));
    }
}
