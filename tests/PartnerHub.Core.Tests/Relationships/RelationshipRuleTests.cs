using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Programs;
using PartnerHub.Core.Relationships;
using PartnerHub.Core.Tests.Evaluation;
using PartnerHub.Core.Tests.Programs;

namespace PartnerHub.Core.Tests.Relationships;

/// <summary>The relationship rules: health alerts, expansion candidates, tier history, and the program section that sets them.</summary>
public sealed class RelationshipRuleTests
{
    private static readonly PartnerProgram Program = DefaultProgram.Program;

    private static TargetAttainments All(Attainment a) => new(a, a, a, a, a);

    [Fact]
    public void Health_below_the_threshold_alerts_and_at_the_threshold_does_not()
    {
        Assert.True(HealthAlerts.IsLow(49.99m, 50));
        Assert.False(HealthAlerts.IsLow(50m, 50));
        Assert.False(HealthAlerts.IsLow(null, 50)); // no data is not bad health
    }

    [Fact]
    public void A_target_alerts_only_when_missed_at_every_review_looked_at()
    {
        var missedTwice = new[] { All(Attainment.Missed) with { Growth = Attainment.Met }, All(Attainment.Missed) with { Satisfaction = Attainment.NoData } };
        Assert.Equal([TargetMetric.Revenue, TargetMetric.Retention, TargetMetric.Advocacy], HealthAlerts.MissedAtEvery(missedTwice));
        Assert.Empty(HealthAlerts.MissedAtEvery([All(Attainment.Missed), All(Attainment.Met)]));
        Assert.Empty(HealthAlerts.MissedAtEvery([]));
    }

    [Fact]
    public void Review_dates_count_back_from_the_date_without_the_start_itself()
    {
        var start = new DateOnly(2025, 1, 31);
        Assert.Equal([new DateOnly(2026, 4, 30), new DateOnly(2026, 1, 31)], ReviewDates.LastOnOrBefore(start, 3, new DateOnly(2026, 6, 15), 2));
        Assert.Equal([new DateOnly(2025, 4, 30)], ReviewDates.LastOnOrBefore(start, 3, new DateOnly(2025, 5, 1), 2));
        Assert.Empty(ReviewDates.LastOnOrBefore(start, 3, new DateOnly(2025, 3, 1), 2));
    }

    [Fact]
    public void A_partner_who_misses_revenue_at_two_reviews_in_a_row_is_alerted_with_both_explanations()
    {
        // Started 2024-01-15; $1,000 a month: $12,000 a year, below the Standard $25,000 revenue target at every review.
        var b = new PartnerBuilder();
        for (var m = new DateOnly(2024, 1, 20); m <= new DateOnly(2025, 6, 20); m = m.AddMonths(1)) b.Paid(m.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 1000m);
        var alerts = HealthAlerts.Check(Program, "v1", b.Build(), new DateOnly(2025, 6, 30));

        var revenue = Assert.Single(alerts, a => a.Metric == TargetMetric.Revenue);
        Assert.Equal([new DateOnly(2025, 4, 15), new DateOnly(2025, 1, 15)], revenue.Reviews);
        Assert.Contains("2025-04-15: Standard revenue target missed: $12,000.00 < $25,000.00.", revenue.Explanation);
        Assert.Contains("2025-01-15: Standard revenue target missed: $12,000.00 < $25,000.00.", revenue.Explanation);
    }

    [Fact]
    public void A_partner_outside_its_partnership_is_never_alerted()
    {
        var ended = new PartnerBuilder().Ended("2025-01-01").Build();
        Assert.Empty(HealthAlerts.Check(Program, "v1", ended, new DateOnly(2025, 6, 30)));
    }

    [Fact]
    public void Expansion_counts_the_failed_checks_of_the_next_tier()
    {
        CriterionCheck Check(bool passed) => new("strategic", "x", "1", "≥ 2", passed);
        Assert.Single(Expansion.Missing([Check(true), Check(false), Check(true)], 1)!);
        Assert.Null(Expansion.Missing([Check(false), Check(false), Check(true)], 1));
        Assert.Equal(2, Expansion.Missing([Check(false), Check(false), Check(true)], 2)!.Count);
        Assert.Null(Expansion.Missing([Check(true), Check(true)], 1)); // already qualifies: a promotion, not a candidate
    }

    [Fact]
    public void A_partner_short_of_one_rating_is_a_candidate_and_the_gap_is_in_points()
    {
        // $30,000 in the last 12 months (Preferred revenue), three ratings of 3 and innovation 2: Standard, one rating short of Preferred.
        var facts = new PartnerBuilder().Paid("2025-03-01", 30000m).RatedAll(3).Rated("innovation", 2, "2024-02-01").Build();
        var candidate = Expansion.Check(Program, facts, new DateOnly(2025, 6, 30))!;

        Assert.Equal(("standard", "preferred", 4, 5), (candidate.Tier, candidate.NextTier, candidate.CriteriaMet, candidate.CriteriaTotal));
        var missing = Assert.Single(candidate.Missing);
        Assert.Equal(("Innovation", "2", "≥ 3", "1 point short"), (missing.Criterion, missing.Input, missing.Threshold, missing.Gap));
    }

    [Fact]
    public void Tier_history_lists_the_moves_at_reviews_with_the_engines_explanation()
    {
        // Rated 3 everywhere; $30,000 on 2024-03-01 makes it Preferred at the 2024-04-15 review; it falls out of the trailing 12 months by the 2025-04-15 review, and the six-month grace period keeps Preferred until the 2025-10-15 review.
        var facts = new PartnerBuilder().Paid("2024-03-01", 30000m).RatedAll(3).Build();
        var moves = TierHistory.Moves(Program, "v1", facts, new DateOnly(2026, 1, 1));

        Assert.Equal([(new DateOnly(2024, 4, 15), "standard", "preferred"), (new DateOnly(2025, 10, 15), "preferred", "standard")],
            moves.Select(m => (m.On, m.From, m.To)));
        Assert.StartsWith("Holds Preferred", moves[0].Explanation);

        // Looking at the last two reviews only (2025-10-15 and 2026-01-15), the history starts from the tier held before them.
        Assert.Equal([(new DateOnly(2025, 10, 15), "preferred", "standard")], TierHistory.Moves(Program, "v1", facts, new DateOnly(2026, 1, 20), maxReviews: 2).Select(m => (m.On, m.From, m.To)));
    }

    [Fact]
    public void The_relationship_section_is_read_defaulted_and_validated()
    {
        Assert.Equal(new RelationshipSettings(50, 2, 1), Program.Relationship);
        var custom = ProgramFile.Parse(DefaultProgram.With("healthAlert: { below: 50 }\n  missedReviewsInARow: 2", "healthAlert: { below: 62.5 }\n  missedReviewsInARow: 3"), "p.yaml");
        Assert.Equal(new RelationshipSettings(62.5m, 3, 1), custom.Program!.Relationship);

        var broken = ProgramFile.Parse(DefaultProgram.With("healthAlert: { below: 50 }", "healthAlert: { below: 150, above: 10 }"), "p.yaml");
        Assert.Null(broken.Program);
        Assert.Equal(2, broken.Problems.Count);
        Assert.Contains(broken.Problems, p => p.ToString().Contains("relationship.healthAlert.below", StringComparison.Ordinal) && p.ToString().Contains("150", StringComparison.Ordinal));
        Assert.Contains(broken.Problems, p => p.ToString().Contains("Unknown key 'above'", StringComparison.Ordinal));
    }
}
