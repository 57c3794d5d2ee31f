using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Programs;
using PartnerHub.Core.Tests.Programs;
using static PartnerHub.Core.Tests.Evaluation.PartnerBuilder;

namespace PartnerHub.Core.Tests.Evaluation;

/// <summary>Each KPI as docs/kpis.md defines it, as of 2026-03-01 (trailing 12 months: 2025-03-02 to 2026-03-01).</summary>
public sealed class KpiTests
{
    private static Standing Evaluate(PartnerBuilder partner, IReadOnlyList<CompanyMonth>? company = null) =>
        Evaluator.Evaluate(DefaultProgram.Program, "test-1", partner.Build(), D("2026-03-01"), company);

    private static PartnerBuilder Partner() => new PartnerBuilder().Started("2023-01-15");

    [Fact]
    public void Deal_velocity_is_the_median_days_from_registration_to_close_of_won_deals()
    {
        var standing = Evaluate(Partner()
            .Won("2025-04-01", "2025-04-11", 1_000).Won("2025-04-01", "2025-04-21", 2_000)
            .Won("2025-04-01", "2025-05-01", 3_000).Won("2025-04-01", "2025-05-12", 4_000)
            .Won("2024-01-01", "2025-03-01", 9_000) // closed before the trailing year: left out
            .Lost("2025-04-01", "2025-06-01").Open("2025-12-01"));
        Assert.Equal(25m, standing.Summary.VelocityDays);
        Assert.Equal("25 days", standing.Kpi(KpiKeys.DealVelocity).Text);
        Assert.Equal(80m, standing.Summary.WinRatePercent);
        Assert.Equal("80%: 4 won of 5 decided (won or lost) deals closed 2025-03-02 to 2026-03-01.", standing.Kpi(KpiKeys.WinRate).Explanation);
        Assert.Equal(2_500_00, standing.Summary.AverageDealSizeMinor);
        Assert.Equal(6, standing.Summary.RegisteredDeals);
    }

    [Fact]
    public void Growth_compares_the_last_12_months_with_the_12_before()
    {
        var standing = Evaluate(Partner().Paid("2024-06-01", 40_000m).Paid("2025-06-01", 50_000m));
        Assert.Equal(25m, standing.Summary.GrowthPercent);
        Assert.Equal("25%: $50,000.00 in the last 12 months against $40,000.00 in the 12 before.", standing.Kpi(KpiKeys.RevenueGrowth).Explanation);
    }

    [Fact]
    public void Revenue_after_a_year_without_any_is_new_and_meets_the_growth_target()
    {
        var standing = Evaluate(Partner().Paid("2025-06-01", 50_000m));
        Assert.True(standing.Summary.NewRevenue);
        Assert.Equal("new", standing.Kpi(KpiKeys.RevenueGrowth).Text);
        Assert.Equal(Attainment.Met, standing.Targets.Single(t => t.Metric == TargetMetric.Growth).Attainment);
    }

    [Fact]
    public void Customer_retention_is_the_share_of_last_years_customers_who_paid_again()
    {
        var standing = Evaluate(Partner()
            .Paid("2024-05-01", 100m, customer: 1).Paid("2024-05-02", 100m, customer: 2).Paid("2024-05-03", 100m, customer: 3).Paid("2024-06-01", 100m, customer: 3)
            .Paid("2025-05-01", 100m, customer: 1).Paid("2025-05-02", 100m, customer: 3).Paid("2025-05-03", 100m, customer: 4));
        Assert.Equal((3, 2), (standing.Summary.PriorCustomers, standing.Summary.RetainedCustomers));
        Assert.Equal(200m / 3, standing.Summary.CustomerRetentionPercent);
        Assert.Equal("66.67%", standing.Kpi(KpiKeys.CustomerRetention).Text);
    }

    [Fact]
    public void Engagement_is_points_in_the_window_capped_at_a_full_score()
    {
        Assert.Equal(27m, Evaluate(Partner().Engaged("login", "2026-02-01", 7).Engaged("webinar-attended", "2026-01-15", 4).Engaged("unknown-kind", "2026-02-01", 50)
            .Engaged("login", "2025-11-01", 100)).Summary.EngagementPercent);
        Assert.Equal(100m, Evaluate(Partner().Engaged("integration-live", "2026-02-01", 9)).Summary.EngagementPercent);
    }

    [Fact]
    public void Roi_needs_known_costs()
    {
        Assert.Equal(300m, Evaluate(Partner().Paid("2025-06-01", 40_000m).Cost("2025-05-01", 10_000m)).Summary.RoiPercent);
        Assert.Equal("no data", Evaluate(Partner().Paid("2025-06-01", 40_000m)).Kpi(KpiKeys.PartnershipRoi).Text);
    }

    [Fact]
    public void Health_leaves_out_factors_without_data_and_reports_coverage()
    {
        // Standard targets: revenue $25,000 → 12,500 is 50; growth new → 100; engagement 10 points → 10. No surveys, no customers.
        var standing = Evaluate(Partner().Paid("2025-06-01", 12_500m, customer: 0).Engaged("login", "2026-02-20", 10));
        Assert.Equal(60m, standing.Health.CoveragePercent);
        Assert.Equal(((30m * 50) + (15m * 100) + (15m * 10)) / 60, standing.Health.Score);
        Assert.Equal(standing.Health.Score!.Value, standing.Health.Factors.Sum(f => f.Contribution), 20);
        Assert.Contains(standing.Health.Factors, f => f.Explanation == "satisfaction: no data, its 20% weight is left out");
    }

    [Fact]
    public void Surveys_average_the_trailing_year()
    {
        var standing = Evaluate(Partner().Surveyed(SurveyKind.Satisfaction, "2025-04-01", 80).Surveyed(SurveyKind.Satisfaction, "2025-10-01", 95)
            .Surveyed(SurveyKind.Satisfaction, "2024-10-01", 10).Surveyed(SurveyKind.Advocacy, "2025-10-01", 90));
        Assert.Equal((87.5m, 90m), (standing.Summary.Satisfaction, standing.Summary.Advocacy));
    }

    [Fact]
    public void Impact_is_the_partners_share_of_company_revenue_over_the_last_complete_months()
    {
        var standing = Evaluate(Partner().Paid("2025-06-01", 50_000m).Paid("2026-02-20", 1_000m).Paid("2026-03-01", 99_000m),
            [new CompanyMonth(2025, 6, 400_000_00), new CompanyMonth(2026, 2, 100_000_00), new CompanyMonth(2026, 3, 1_000_000_00)]);
        Assert.Equal("10.2%", standing.Kpi(KpiKeys.PartnershipImpact).Text);
    }

    [Fact]
    public void Onboarding_steps_are_done_on_the_day_their_fact_happened()
    {
        var standing = Evaluate(new PartnerBuilder().Started("2025-12-01").Trained("product-fundamentals", "2025-12-05").Trained("sales-fundamentals", "2026-01-20")
            .Engaged("integration-live", "2025-12-10"));
        Assert.Equal([true, true, true, false, false], standing.Onboarding.Select(s => s.Done));
        Assert.Equal("Training: done on 2026-01-20, 5 days after it was due (2026-01-15).", standing.Onboarding[2].Explanation);
        Assert.Equal("Certification: not done, overdue since 2026-01-30.", standing.Onboarding[3].Explanation);
        Assert.Equal("Launch: not done yet, due 2026-03-01.", standing.Onboarding[4].Explanation);
    }
}
