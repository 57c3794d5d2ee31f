using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Programs;
using PartnerHub.Core.Tests.Programs;
using static PartnerHub.Core.Tests.Evaluation.PartnerBuilder;

namespace PartnerHub.Core.Tests.Evaluation;

/// <summary>Program-level results of the batch: counts against targets and the program KPIs.</summary>
public sealed class ProgramStandingTests
{
    private static readonly DateOnly AsOf = D("2026-03-01");

    [Fact]
    public void Counts_active_partners_per_tier_and_subcategory_against_targets_and_computes_program_kpis()
    {
        PartnerFacts[] partners =
        [
            new PartnerBuilder().Started("2024-01-15").RatedAll(4).Paid("2025-06-01", 200_000m).Build(),
            new PartnerBuilder().Started("2024-01-15").Paid("2025-06-01", 10_000m).In("channel", "referral").Build(),
            new PartnerBuilder().Started("2024-01-15").Ended("2025-12-01").Paid("2025-06-01", 90_000m).Build(),
            new PartnerBuilder().Started("2025-09-01").Paid("2025-10-01", 5_000m).Build(),
        ];
        var result = Evaluator.EvaluateAll(DefaultProgram.Program, "v1", new ProgramFacts(partners, [new CompanyMonth(2025, 6, 2_000_000_00), new CompanyMonth(2025, 10, 1_000_000_00)]), AsOf);
        var program = result.Program;

        Assert.Equal(3, program.ActivePartners);
        Assert.Equal([1, 0, 2], program.Tiers.Select(t => t.Count));
        Assert.Equal("2 Standard partners: 48 below the target of 50–100.", program.Tiers[2].Explanation);
        Assert.Equal(2, program.Subcategories.Single(s => s.Key == "resellers").Count);
        Assert.Equal(3, program.Categories.Single(c => c.Key == "channel").Count);
        Assert.Equal(new CountRange(60, 120), program.Categories.Single(c => c.Key == "channel").Target);
        // Revenue counts for every partner, including the one that has left since.
        Assert.Equal(305_000_00, program.PartnerRevenueMinor);

        // 3 partners were active a year ago (2025-03-01); 2 of them still are; 3 are active now.
        var retention = program.Kpis.Single(k => k.Key == KpiKeys.PartnerRetention);
        Assert.Equal("66.67%: 2 of the 3 partners active on 2025-03-01 are still active.", retention.Explanation);
        Assert.Equal(0m, program.Kpis.Single(k => k.Key == KpiKeys.PartnerGrowth).Value);
        // Partner revenue in 2025-03 to 2026-02: 305,000 of company revenue 3,000,000.
        Assert.Equal("10.17%", program.Kpis.Single(k => k.Key == KpiKeys.RevenueShare).Text);
    }

    [Fact]
    public void A_program_without_partners_still_has_a_standing()
    {
        var result = Evaluator.EvaluateAll(DefaultProgram.Program, "v1", new ProgramFacts([], []), AsOf);

        Assert.Empty(result.Partners);
        Assert.Equal(0, result.Program.ActivePartners);
        Assert.All(result.Program.Tiers, t => Assert.Equal(0, t.Count));
    }
}
