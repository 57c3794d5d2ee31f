using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Programs;
using PartnerHub.Core.Tests.Programs;
using static PartnerHub.Core.Tests.Evaluation.PartnerBuilder;

namespace PartnerHub.Core.Tests.Evaluation;

public sealed class SimulationTests
{
    private static readonly DateOnly AsOf = D("2026-03-01");

    /// <summary>The default program with Strategic starting above $150K instead of above $100K.</summary>
    private static PartnerProgram RaisedStrategic() => ProgramFile.Parse(
        DefaultProgram.With("revenue: { min: 100000.01 }", "revenue: { min: 150000.01 }")
            .Replace("revenue: { min: 25000.00, max: 100000.00 }", "revenue: { min: 25000.00, max: 150000.00 }", StringComparison.Ordinal),
        "candidate.yaml").Program!;

    private static PartnerFacts Earning(decimal dollars) =>
        new PartnerBuilder().Started("2023-01-15").RatedAll(5).Paid("2025-06-01", dollars).Build();

    [Fact]
    public void Raising_the_Strategic_threshold_reports_exactly_the_partners_who_move()
    {
        var partners = new[] { 20_000m, 60_000m, 100_000.01m, 120_000m, 150_000m, 150_000.01m, 400_000m }.Select(Earning).ToArray();
        var report = Simulation.Compare(DefaultProgram.Program, "v1", RaisedStrategic(), "v2-draft", new ProgramFacts(partners, []), AsOf);

        Assert.Equal([partners[2].PartnerId, partners[3].PartnerId, partners[4].PartnerId], report.Moves.Select(m => m.PartnerId));
        var move = report.Moves[1];
        Assert.Equal(("strategic", "preferred"), (move.TierBefore, move.TierAfter));
        Assert.Contains("Strategic, because trailing-12-month revenue $120,000.00 ≥ $100,000.01", move.TierExplanationBefore, StringComparison.Ordinal);
        Assert.Contains("Preferred, because trailing-12-month revenue $120,000.00 ≥ $25,000.00 and ≤ $150,000.00", move.TierExplanationAfter, StringComparison.Ordinal);

        var strategic = report.Tiers.Single(t => t.Key == "strategic");
        Assert.Equal((5, 2), (strategic.Before!.Count, strategic.After!.Count));
        Assert.Equal((TargetStatus.Within, TargetStatus.Below), (strategic.Before.Status, strategic.After.Status));
        Assert.Equal("2 Strategic partners: 3 below the target of 5–10.", strategic.After.Explanation);
        Assert.Equal(("v1", "v2-draft"), (report.Current.ProgramVersion, report.Candidate.ProgramVersion));
    }

    [Fact]
    public void The_same_program_moves_nobody()
    {
        var partners = new[] { 20_000m, 150_000m }.Select(Earning).ToArray();
        Assert.Empty(Simulation.Compare(DefaultProgram.Program, "v1", DefaultProgram.Program, "v1", new ProgramFacts(partners, []), AsOf).Moves);
    }

    [Fact]
    public void A_certification_change_is_a_move_too()
    {
        // Certified needs 6 months; a candidate asking for 12 takes eligibility away from a partner in its ninth month.
        var partner = new PartnerBuilder().Started("2025-06-01").Paid("2025-07-01", 30_000m)
            .Surveyed(SurveyKind.Satisfaction, "2025-08-01", 90).Surveyed(SurveyKind.Advocacy, "2025-08-01", 90)
            .Trained("product-fundamentals", "2025-06-10").Trained("sales-fundamentals", "2025-06-20").Took("certified-exam", "2025-07-01", 90)
            .Committed("2025-06-01", "2026-05-31").Build();
        var candidate = ProgramFile.Parse(DefaultProgram.With("      minMonths: 6\n", "      minMonths: 12\n"), "c.yaml").Program!;
        var move = Assert.Single(Simulation.Compare(DefaultProgram.Program, "v1", candidate, "v2", new ProgramFacts([partner], []), AsOf).Moves);
        Assert.Equal(("certified", null), (move.CertificationBefore, move.CertificationAfter));
        Assert.EndsWith("Certified Partner needs 3 more months in the program (from 2026-06-01).", move.CertificationExplanationAfter, StringComparison.Ordinal);
    }
}
