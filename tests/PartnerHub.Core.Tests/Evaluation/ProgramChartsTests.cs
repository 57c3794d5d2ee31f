using PartnerHub.Core.Facts;
using PartnerHub.Core.Insight;
using PartnerHub.Core.Tests.Programs;
using static PartnerHub.Core.Tests.Evaluation.PartnerBuilder;

namespace PartnerHub.Core.Tests.Evaluation;

/// <summary>The dashboard's charts over known facts: the twelve months end on the date asked.</summary>
public sealed class ProgramChartsTests
{
    private static readonly PartnerBuilder Reseller = new PartnerBuilder().Started("2025-01-01").In("channel", "resellers")
        .Paid("2025-07-10", 1_000m).Paid("2026-05-10", 2_000m).Revenue(RevenueKind.Refund, "2026-05-20", 500m)
        .Won("2026-01-05", "2026-03-01", 4_000m).Lost("2026-02-01", "2026-03-15").Open("2026-04-01");

    private static readonly PartnerBuilder Integrator = new PartnerBuilder().Started("2026-03-01").In("technology", "integration").Paid("2026-06-01", 700m);

    private static ProgramCharts Charts(string asOf) =>
        new(new ProgramFacts([Reseller.Build(), Integrator.Build()], []), D(asOf), _ => (DefaultProgram.Program, "v1"));

    private static decimal Value(Chart chart, string point, string series) =>
        chart.Series.Single(s => s.Key == series).Values[chart.Points.ToList().FindIndex(p => p.Key == point)];

    [Fact]
    public void Revenue_is_net_per_month_by_category_with_a_trailing_twelve_month_line()
    {
        var chart = Charts("2026-06-15").Build("revenue");

        Assert.Equal(("2025-07", "2026-06"), (chart.Points[0].Key, chart.Points[^1].Key));
        Assert.Equal(1_500m, Value(chart, "2026-05", "channel"));
        Assert.Equal(700m, Value(chart, "2026-06", "technology"));
        Assert.Equal(1_000m, Value(chart, "2025-07", "trailing-12"));
        Assert.Equal(3_200m, Value(chart, "2026-06", "trailing-12"));
        Assert.Equal("USD", chart.Currency);
    }

    [Fact]
    public void Counts_follow_the_month_ends_and_name_the_partners_behind_them()
    {
        var charts = Charts("2026-06-15");
        var tiers = charts.Build("tiers");
        Assert.Equal(1m, Value(tiers, "2026-02", "standard"));
        Assert.Equal(2m, Value(tiers, "2026-03", "standard"));
        Assert.Equal([Integrator.Id], charts.Partners("revenue", "2026-06", "technology"));
        Assert.Equal([Reseller.Id, Integrator.Id], charts.Partners("tiers", "2026-03", "standard"));
        Assert.Empty(charts.Partners("tiers", "2025-01", "standard")); // not one of the twelve months
    }

    [Fact]
    public void Deals_count_by_status_on_the_date_and_win_rate_by_month_of_closing()
    {
        var deals = Charts("2026-03-10").Build("deals");
        Assert.Equal([1m, 1m, 0m], deals.Series[0].Values); // the loss on 2026-03-15 has not happened yet
        Assert.Equal([1m, 1m, 1m], Charts("2026-06-15").Build("deals").Series[0].Values);

        var winRate = Charts("2026-06-15").Build("win-rate");
        Assert.Equal(50m, Value(winRate, "2026-03", "win-rate"));
        Assert.Equal(0m, Value(winRate, "2026-04", "win-rate"));
    }
}
