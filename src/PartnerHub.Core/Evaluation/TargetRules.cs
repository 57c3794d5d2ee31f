using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Evaluation;

/// <summary>The measured values the success targets and the health score look at.</summary>
internal readonly record struct Measured(long RevenueMinor, decimal? GrowthPercent, bool NewRevenue, decimal? Satisfaction,
    decimal? CustomerRetention, decimal? Advocacy, decimal Engagement, decimal? WinRate);

/// <summary>Success-target attainment and the health score (docs/kpis.md).</summary>
internal static class TargetRules
{
    public static Attainment Attain(in Measured m, TargetMetric metric, SuccessTargets target) => metric switch
    {
        TargetMetric.Revenue => m.RevenueMinor >= target.RevenueMinor ? Attainment.Met : Attainment.Missed,
        TargetMetric.Growth => m.NewRevenue ? Attainment.Met : Compare(m.GrowthPercent, target.GrowthPercent),
        TargetMetric.Satisfaction => Compare(m.Satisfaction, target.SatisfactionPercent),
        TargetMetric.Retention => Compare(m.CustomerRetention, target.RetentionPercent),
        _ => Compare(m.Advocacy, target.AdvocacyPercent),
    };

    public static TargetAttainments AttainAll(in Measured m, SuccessTargets target) => new(
        Attain(m, TargetMetric.Revenue, target), Attain(m, TargetMetric.Growth, target), Attain(m, TargetMetric.Satisfaction, target),
        Attain(m, TargetMetric.Retention, target), Attain(m, TargetMetric.Advocacy, target));

    /// <summary>A factor's 0–100 score, or null without data. Attainment factors are capped at 100 (beyond target earns no more).</summary>
    public static decimal? FactorScore(in Measured m, int factor, SuccessTargets target) => HealthFactors.All[factor] switch
    {
        HealthFactors.RevenueAttainment => target.RevenueMinor <= 0 ? 100 : Clamp(m.RevenueMinor * 100m / target.RevenueMinor),
        HealthFactors.GrowthAttainment => m.NewRevenue ? 100
            : m.GrowthPercent is not { } g ? null
            : target.GrowthPercent <= 0 ? (g >= 0 ? 100 : 0) : Clamp(g * 100m / target.GrowthPercent),
        HealthFactors.Satisfaction => m.Satisfaction,
        HealthFactors.Engagement => m.Engagement,
        HealthFactors.Advocacy => m.Advocacy,
        HealthFactors.CustomerRetention => m.CustomerRetention,
        HealthFactors.WinRate => m.WinRate,
        _ => null,
    };

    /// <summary>Weighted mean of the factors that have data; weights of factors without data are left out, and reported as coverage.</summary>
    public static (decimal? Score, decimal Coverage) Health(CompiledProgram cp, in Measured m, SuccessTargets target)
    {
        decimal sum = 0, coverage = 0;
        for (var f = 0; f < cp.HealthWeights.Length; f++)
        {
            var weight = cp.HealthWeights[f];
            if (weight == 0 || FactorScore(m, f, target) is not { } score) continue;
            sum += weight * score;
            coverage += weight;
        }

        return coverage == 0 ? (null, 0) : (sum / coverage, coverage);
    }

    private static Attainment Compare(decimal? actual, decimal target) =>
        actual is not { } a ? Attainment.NoData : a >= target ? Attainment.Met : Attainment.Missed;

    private static decimal Clamp(decimal value) => Math.Clamp(value, 0, 100);
}

internal static class MeasuredExtensions
{
    public static Measured Measured(this in PartnerSummary s) =>
        new(s.RevenueMinor, s.GrowthPercent, s.NewRevenue, s.Satisfaction, s.CustomerRetentionPercent, s.Advocacy, s.EngagementPercent, s.WinRatePercent);
}
