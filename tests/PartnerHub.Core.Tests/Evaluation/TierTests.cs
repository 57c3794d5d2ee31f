using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Programs;
using PartnerHub.Core.Tests.Programs;
using static PartnerHub.Core.Tests.Evaluation.PartnerBuilder;

namespace PartnerHub.Core.Tests.Evaluation;

/// <summary>Tiers at their boundaries, the qualitative ratings, and reviews with the grace period, on the default program.</summary>
public sealed class TierTests
{
    private static readonly DateOnly AsOf = D("2026-03-01");

    private static Standing Evaluate(PartnerBuilder partner, string asOf = "2026-03-01") =>
        Evaluator.Evaluate(DefaultProgram.Program, "test-1", partner.Build(), D(asOf));

    /// <summary>A long-standing partner rated 4 on every criterion whose only revenue is one payment inside every review's trailing year.</summary>
    private static PartnerBuilder Earning(decimal dollars) => new PartnerBuilder().Started("2023-01-15").RatedAll(4).Paid("2025-06-01", dollars);

    [Fact]
    public void Revenue_of_24_999_99_is_Standard()
    {
        // "<$25K annual revenue" is Standard: one cent short of $25,000.00.
        var standing = Evaluate(Earning(24_999.99m));
        Assert.Equal(("standard", "standard"), (standing.Tier.Held, standing.Tier.Qualifying));
        Assert.Equal("Standard, because trailing-12-month revenue $24,999.99 ≤ $24,999.99; not Preferred: trailing-12-month revenue $24,999.99 < $25,000.00.",
            standing.Tier.Explanation);
    }

    [Fact]
    public void Revenue_of_exactly_25_000_is_Preferred()
    {
        // "$25K-$100K" includes its lower end: $25,000.00 is no longer "<$25K".
        var standing = Evaluate(Earning(25_000m));
        Assert.Equal(("preferred", "preferred"), (standing.Tier.Held, standing.Tier.Qualifying));
        Assert.StartsWith("Preferred, because trailing-12-month revenue $25,000.00 ≥ $25,000.00 and ≤ $100,000.00, and every rating meets its minimum",
            standing.Tier.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Revenue_of_exactly_100_000_is_still_Preferred()
    {
        // Strategic is ">$100K": $100,000.00 is not more than $100K, so it is the top of Preferred's band.
        var standing = Evaluate(Earning(100_000m));
        Assert.Equal("preferred", standing.Tier.Qualifying);
        Assert.EndsWith("; not Strategic: trailing-12-month revenue $100,000.00 < $100,000.01.", standing.Tier.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Revenue_of_100_000_01_is_Strategic()
    {
        // One cent more than $100K.
        var standing = Evaluate(Earning(100_000.01m));
        Assert.Equal(("strategic", "strategic"), (standing.Tier.Held, standing.Tier.Qualifying));
        Assert.Equal("Strategic, because trailing-12-month revenue $100,000.01 ≥ $100,000.01, and every rating meets its minimum "
            + "(strategic value 4 ≥ 4, market position 4 ≥ 4, innovation 4 ≥ 4, commitment 4 ≥ 4).", standing.Tier.Explanation);
    }

    [Fact]
    public void Explanation_reads_like_the_design_example()
    {
        var standing = Evaluate(new PartnerBuilder().Started("2023-01-15").RatedAll(3).Paid("2025-06-01", 61_200m));
        Assert.StartsWith("Preferred, because trailing-12-month revenue $61,200.00 ≥ $25,000.00 and ≤ $100,000.00", standing.Tier.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Strategic_revenue_with_a_low_rating_stays_Preferred_and_says_which_rating()
    {
        var standing = Evaluate(Earning(250_000m).Rated("market-position", 3, "2025-01-01"));
        Assert.Equal("preferred", standing.Tier.Qualifying);
        Assert.Equal("Preferred, because trailing-12-month revenue $250,000.00 ≥ $25,000.00, and every rating meets its minimum "
            + "(strategic value 4 ≥ 3, market position 3 ≥ 3, innovation 4 ≥ 3, commitment 4 ≥ 3); not Strategic: market position 3 < 4.", standing.Tier.Explanation);
        Assert.Contains(new CriterionCheck("strategic", "Market position", "3", "≥ 4", Passed: false), standing.Tier.Checks);
        Assert.Contains(new CriterionCheck("strategic", "trailing-12-month revenue", "$250,000.00", "≥ $100,000.01", Passed: true), standing.Tier.Checks);
    }

    [Fact]
    public void An_unrated_partner_cannot_pass_rating_minimums()
    {
        var standing = Evaluate(new PartnerBuilder().Started("2023-01-15").Paid("2025-06-01", 50_000m));
        Assert.Equal("standard", standing.Tier.Qualifying);
        Assert.EndsWith("not Preferred: strategic value not rated (needs ≥ 3), market position not rated (needs ≥ 3), innovation not rated (needs ≥ 3) and commitment not rated (needs ≥ 3).",
            standing.Tier.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_latest_rating_counts_and_a_same_day_tie_goes_to_the_higher_score()
    {
        var partner = Earning(250_000m).Rated("innovation", 2, "2025-05-01").Rated("innovation", 5, "2025-05-01").Rated("innovation", 4, "2025-02-01");
        Assert.Equal("strategic", Evaluate(partner).Tier.Qualifying);
    }

    [Fact]
    public void Refunds_and_chargebacks_reduce_revenue_and_other_kinds_do_not_count_on_a_collected_basis()
    {
        var partner = Earning(30_000m)
            .Revenue(Facts.RevenueKind.Refund, "2025-07-01", 3_000m)
            .Revenue(Facts.RevenueKind.Chargeback, "2025-07-02", 2_000.01m)
            .Revenue(Facts.RevenueKind.Invoice, "2025-07-03", 99_000m)
            .Revenue(Facts.RevenueKind.Booking, "2025-07-04", 99_000m);
        var standing = Evaluate(partner);
        Assert.Equal("standard", standing.Tier.Qualifying);
        Assert.Equal(24_999_99, standing.Summary.RevenueMinor);
        Assert.Equal("$30,000.00 payments collected less $5,000.01 refunds and chargebacks, 2025-03-02 to 2026-03-01.",
            standing.Kpi(KpiKeys.PartnerRevenue).Explanation);
    }

    // Reviews fall on the 15th of January, April, July and October (start 2024-01-15, quarterly). A $150,000 payment on
    // 2024-03-01 makes the partner Strategic at every review until it leaves the trailing year on 2025-03-01; a
    // $30,000 payment on 2025-02-01 keeps it Preferred afterwards.
    private static PartnerBuilder Falling() =>
        new PartnerBuilder().Started("2024-01-15").RatedAll(4).Paid("2024-03-01", 150_000m).Paid("2025-02-01", 30_000m);

    [Fact]
    public void Promotion_waits_for_the_next_review()
    {
        var standing = Evaluate(new PartnerBuilder().Started("2024-01-15").RatedAll(4).Paid("2024-02-20", 150_000m), "2024-03-01");
        Assert.Equal(("standard", "strategic"), (standing.Tier.Held, standing.Tier.Qualifying));
        Assert.Equal((TierChange.Promotion, "strategic", D("2024-04-15")), (standing.Tier.Change, standing.Tier.ProposedTier, standing.Tier.EffectiveOn));
        Assert.Equal("Qualifies for Strategic today; the promotion to Strategic takes effect at the review on 2024-04-15.", standing.Tier.ChangeExplanation);
        Assert.Equal("strategic", Evaluate(new PartnerBuilder().Started("2024-01-15").RatedAll(4).Paid("2024-02-20", 150_000m), "2024-04-15").Tier.Held);
    }

    [Fact]
    public void Demotion_inside_the_grace_period_is_held()
    {
        // Qualified Preferred at the 2025-04-15 review, one review into the six-month grace period.
        var standing = Evaluate(Falling(), "2025-05-01");
        Assert.Equal(("strategic", "preferred"), (standing.Tier.Held, standing.Tier.Qualifying));
        Assert.Equal((TierChange.DemotionHeld, "preferred", D("2025-10-15")), (standing.Tier.Change, standing.Tier.ProposedTier, standing.Tier.EffectiveOn));
        Assert.Equal("Holds Strategic, the best tier qualified for at the reviews within the grace period "
            + "(2024-10-15: Strategic, 2025-01-15: Strategic, 2025-04-15: Preferred); grace period 6 months.", standing.Tier.HeldExplanation);
        Assert.Equal("Qualifies only for Preferred since the review on 2025-04-15; Strategic is held during the grace period, and the demotion to "
            + "Preferred takes effect at the review on 2025-10-15 if it still qualifies lower then.", standing.Tier.ChangeExplanation);
    }

    [Fact]
    public void Demotion_is_still_held_at_the_second_lower_review_and_due_at_the_next()
    {
        var standing = Evaluate(Falling(), "2025-08-01");
        Assert.Equal("strategic", standing.Tier.Held);
        Assert.Equal((TierChange.Demotion, D("2025-10-15")), (standing.Tier.Change, standing.Tier.EffectiveOn));
    }

    [Fact]
    public void Demotion_after_the_grace_period_is_applied()
    {
        // Preferred at 2025-04-15, 2025-07-15 and 2025-10-15: lower at every review spanning six months.
        var standing = Evaluate(Falling(), "2025-10-15");
        Assert.Equal(("preferred", "preferred"), (standing.Tier.Held, standing.Tier.Qualifying));
        Assert.Equal(TierChange.None, standing.Tier.Change);
    }

    [Fact]
    public void Recovering_at_one_review_restarts_the_grace_period()
    {
        // Back to Strategic revenue for the 2025-07-15 review only, then lower again from 2025-10-15: the six months of
        // grace count from 2025-10-15, not from the first lower review (2025-04-15).
        var standing = Evaluate(Falling().Paid("2025-07-01", 80_000m).Revenue(Facts.RevenueKind.Refund, "2025-07-20", 80_000m), "2025-11-01");
        Assert.Equal("strategic", standing.Tier.Held);
        Assert.Equal((TierChange.DemotionHeld, D("2026-04-15")), (standing.Tier.Change, standing.Tier.EffectiveOn));
    }

    [Fact]
    public void A_partnership_that_has_not_started_holds_the_lowest_tier()
    {
        var standing = Evaluate(Earning(500_000m).Started("2026-06-01"));
        Assert.Equal("standard", standing.Tier.Held);
        Assert.False(standing.Active);
        Assert.Equal("Not started: the partnership starts on 2026-06-01; until then it is Standard.", standing.Tier.HeldExplanation);
    }

    [Fact]
    public void Every_standing_names_its_program_version_and_date()
    {
        var standing = Evaluate(Earning(1m));
        Assert.Equal(("test-1", AsOf), (standing.ProgramVersion, standing.AsOf));
    }
}
