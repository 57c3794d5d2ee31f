using PartnerHub.Core.Common;
using PartnerHub.Core.Insight;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Tests.Evaluation;

/// <summary>Commission accrued vs paid from ledger lines: releases net to zero, returned payouts count as negative paid, owed is the balance.</summary>
public sealed class CommissionChartTests
{
    private static readonly PartnerId A = PartnerId.New();
    private static readonly PartnerId B = PartnerId.New();

    private static CommissionLine Held(string on, PartnerId p, long minor, bool settles = false) => new(DateOnly.Parse(on), p, LedgerAccount.CommissionHeld, settles, minor);

    private static CommissionLine Payable(string on, PartnerId p, long minor, bool settles = false) => new(DateOnly.Parse(on), p, LedgerAccount.CommissionPayable, settles, minor);

    private static readonly CommissionLine[] Lines =
    [
        Held("2026-03-10", A, -10_000), // accrual: $100 held
        Held("2026-04-01", A, 10_000), Payable("2026-04-01", A, -10_000), // release: held → payable
        Payable("2026-04-20", A, 6_000, settles: true), // payout $60
        Payable("2026-05-02", A, -6_000, settles: true), // the payout came back (reversal of a payout)
        Payable("2026-05-10", A, 2_000), // clawback $20
        Payable("2026-04-05", B, -5_000), Payable("2026-04-25", B, 5_000, settles: true), // B earned $50 and was paid in full
        Held("2026-07-01", A, -99_999), // after the date: not counted
    ];

    private static decimal Value(Chart chart, string point, string series) =>
        chart.Series.Single(s => s.Key == series).Values[chart.Points.ToList().FindIndex(p => p.Key == point)];

    [Fact]
    public void Accrued_paid_and_owed_per_month()
    {
        var chart = CommissionChart.Build(Lines, new DateOnly(2026, 6, 15), Currency.Usd);
        Assert.Equal(("2025-07", "2026-06", "USD"), (chart.Points[0].Key, chart.Points[^1].Key, chart.Currency));
        Assert.Equal((100m, 50m, -20m), (Value(chart, "2026-03", "accrued"), Value(chart, "2026-04", "accrued"), Value(chart, "2026-05", "accrued")));
        Assert.Equal((110m, -60m), (Value(chart, "2026-04", "paid"), Value(chart, "2026-05", "paid")));
        Assert.Equal((100m, 40m, 80m, 80m), (Value(chart, "2026-03", "owed"), Value(chart, "2026-04", "owed"), Value(chart, "2026-05", "owed"), Value(chart, "2026-06", "owed")));
        Assert.True(chart.Series.Single(s => s.Key == "owed").Line);
    }

    [Fact]
    public void The_partners_behind_a_value_are_those_with_a_non_zero_share_of_it()
    {
        var asOf = new DateOnly(2026, 6, 15);
        Assert.Equal([A], CommissionChart.Partners(Lines, asOf, "2026-03", "accrued"));
        Assert.Equal([A, B], CommissionChart.Partners(Lines, asOf, "2026-04", "paid").OrderBy(p => p == B));
        Assert.Equal([A], CommissionChart.Partners(Lines, asOf, "2026-06", "owed")); // B is paid in full
        Assert.Empty(CommissionChart.Partners(Lines, asOf, "2024-01", "owed"));
        Assert.Empty(CommissionChart.Partners(Lines, asOf, "2026-04", "nonsense"));
    }
}
