using PartnerHub.Core.Facts;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Evaluation;

/// <summary>Builds the KPI, target and health parts of a <see cref="Standing"/> from the summary's numbers (docs/kpis.md).</summary>
internal static class KpiExplainer
{
    public static List<KpiValue> Kpis(CompiledProgram cp, PartnerFacts facts, DateOnly asOf, in PartnerSummary s, IReadOnlyList<CompanyMonth>? company)
    {
        var p = cp.Program;
        var t12 = Periods.Trailing12(asOf);
        var window = $"{Display.Date(t12.First)} to {Display.Date(t12.Last)}";
        var list = new List<KpiValue>
        {
            Money(p, KpiKeys.PartnerRevenue, s.RevenueMinor, RevenueText(cp, facts, t12, window)),
            Growth(p, s),
            s.AverageDealSizeMinor is { } avg
                ? Money(p, KpiKeys.AverageDealSize, avg, $"{M(p, s.WonAmountMinor)} won over {Words.Plural(s.WonDeals, "deal", "deals")} closed {window}.")
                : None(p, KpiKeys.AverageDealSize, KpiUnit.Money, $"No deal won {window}."),
            s.VelocityDays is { } v
                ? Value(p, KpiKeys.DealVelocity, KpiUnit.Days, v, $"{Display.Number(v)} days", $"Median days from registration to close over {Words.Plural(s.WonDeals, "won deal", "won deals")} closed {window}.")
                : None(p, KpiKeys.DealVelocity, KpiUnit.Days, $"No deal won {window}."),
            s.WinRatePercent is { } w
                ? Percent(p, KpiKeys.WinRate, w, $"{s.WonDeals} won of {s.WonDeals + s.LostDeals} decided (won or lost) deals closed {window}.")
                : None(p, KpiKeys.WinRate, KpiUnit.Percent, $"No deal won or lost {window}."),
            Survey(p, KpiKeys.PartnerSatisfaction, s.Satisfaction, s.SatisfactionResponses, "satisfaction", window),
            Percent(p, KpiKeys.PartnerEngagement, s.EngagementPercent,
                $"{s.EngagementPoints} points in the last {cp.EngagementWindowDays} days, of {cp.EngagementFullScore} for a full score."),
            Survey(p, KpiKeys.PartnerAdvocacy, s.Advocacy, s.AdvocacyResponses, "advocacy (likelihood to recommend)", window),
            s.CustomerRetentionPercent is { } r
                ? Percent(p, KpiKeys.CustomerRetention, r, $"{s.RetainedCustomers} of {Words.Plural(s.PriorCustomers, "customer", "customers")} with revenue in the prior 12 months also had revenue {window}.")
                : None(p, KpiKeys.CustomerRetention, KpiUnit.Percent, "No customer with revenue in the prior 12 months."),
            s.HealthScore is { } h
                ? Value(p, KpiKeys.PartnershipHealth, KpiUnit.Score, h, Display.Number(h), $"Weighted health score over {Display.Percent(s.HealthCoverage)} of the weight that has data.")
                : None(p, KpiKeys.PartnershipHealth, KpiUnit.Score, "No health factor has data."),
            s.RoiPercent is { } roi
                ? Percent(p, KpiKeys.PartnershipRoi, roi, $"(revenue {M(p, s.RevenueMinor)} − costs {M(p, s.CostMinor)}) ÷ costs, {window}.")
                : None(p, KpiKeys.PartnershipRoi, KpiUnit.Percent, $"No known costs {window}."),
            s.RegisteredDeals > 0
                ? Money(p, KpiKeys.PartnershipEfficiency, (long)Math.Round((decimal)s.RevenueMinor / s.RegisteredDeals, MidpointRounding.AwayFromZero),
                    $"Revenue {M(p, s.RevenueMinor)} per deal registered, over {Words.Plural(s.RegisteredDeals, "deal", "deals")} registered {window}.")
                : None(p, KpiKeys.PartnershipEfficiency, KpiUnit.Money, $"No deal registered {window}."),
            s.InnovationRating is { } i
                ? Value(p, KpiKeys.PartnershipInnovation, KpiUnit.Rating, i, $"{i} of 5", "The partner manager's latest innovation rating.")
                : None(p, KpiKeys.PartnershipInnovation, KpiUnit.Rating, "Innovation not rated yet."),
            Impact(p, asOf, s, company),
        };
        return list;
    }

    public static List<TargetCheck> Targets(CompiledProgram cp, in PartnerSummary s, in Measured m)
    {
        var targets = cp.Targets[s.HeldTier];
        var tier = TierExplainer.ShortName(cp.Program.Tiers[s.HeldTier]);
        var list = new List<TargetCheck>();
        foreach (var metric in Enum.GetValues<TargetMetric>())
        {
            var attainment = s.Targets[metric];
            var actual = CertificationExplainer.Actual(cp, m, metric);
            var target = CertificationExplainer.Target(cp, targets, metric);
            var name = CertificationExplainer.Metric(metric);
            list.Add(new TargetCheck(metric, actual, target, attainment, attainment switch
            {
                Attainment.Met => $"{tier} {name} target met: {actual} ≥ {target}.",
                Attainment.Missed => $"{tier} {name} target missed: {actual} < {target}.",
                _ => $"{tier} {name} target not measured: no data.",
            }));
        }

        return list;
    }

    public static HealthBreakdown Health(CompiledProgram cp, in PartnerSummary s, in Measured m)
    {
        var targets = cp.Targets[s.HeldTier];
        var factors = new List<HealthContribution>();
        for (var f = 0; f < cp.HealthWeights.Length; f++)
        {
            var weight = cp.HealthWeights[f];
            if (weight == 0) continue;
            var name = HealthFactors.All[f];
            var score = TargetRules.FactorScore(m, f, targets);
            var contribution = score is { } sc && s.HealthCoverage > 0 ? weight * sc / s.HealthCoverage : 0;
            factors.Add(new HealthContribution(name, weight, score, contribution, score is { } x
                ? $"{name}: {Display.Number(x)} × {Display.Percent(weight)} weight = {Display.Number(contribution)} points"
                : $"{name}: no data, its {Display.Percent(weight)} weight is left out"));
        }

        var explanation = s.HealthScore is { } h
            ? $"Health {Display.Number(h)} of 100 from factors with data ({Display.Percent(s.HealthCoverage)} of the weight): {string.Join("; ", factors.Select(f => f.Explanation))}."
            : "No health score: no factor has data.";
        return new HealthBreakdown(s.HealthScore, s.HealthCoverage, factors, explanation);
    }

    private static string RevenueText(CompiledProgram cp, PartnerFacts facts, Period period, string window)
    {
        long gross = 0, deducted = 0;
        foreach (var e in facts.Revenue)
        {
            if (!period.Contains(e.Date.DayNumber)) continue;
            var sign = cp.Sign(e.Kind);
            if (sign > 0) gross += Math.Abs(e.AmountMinor);
            else if (sign < 0) deducted += Math.Abs(e.AmountMinor);
        }

        var basis = cp.Basis switch
        {
            RevenueBasis.Collected => "payments collected",
            RevenueBasis.Invoiced => "invoiced",
            _ => "bookings",
        };
        var p = cp.Program;
        return deducted == 0
            ? $"{M(p, gross)} {basis}, {window}."
            : $"{M(p, gross)} {basis} less {M(p, deducted)} refunds and chargebacks, {window}.";
    }

    private static KpiValue Growth(PartnerProgram p, in PartnerSummary s)
    {
        if (s.NewRevenue)
            return new KpiValue(KpiKeys.RevenueGrowth, Name(p, KpiKeys.RevenueGrowth), KpiUnit.Percent, null, "new",
                $"New revenue: {M(p, s.RevenueMinor)} in the last 12 months and none in the 12 before; counts as meeting any growth target.");
        if (s.GrowthPercent is not { } g)
            return None(p, KpiKeys.RevenueGrowth, KpiUnit.Percent, "No revenue in the prior 12 months to grow from.");
        return Percent(p, KpiKeys.RevenueGrowth, g, $"{M(p, s.RevenueMinor)} in the last 12 months against {M(p, s.PriorRevenueMinor)} in the 12 before.");
    }

    private static KpiValue Survey(PartnerProgram p, string key, decimal? value, int count, string what, string window) =>
        value is { } v
            ? Value(p, key, KpiUnit.Score, v, Display.Number(v), $"Mean of {Words.Plural(count, $"{what} response", $"{what} responses")} (0–100), {window}.")
            : None(p, key, KpiUnit.Score, $"No {what} response {window}.");

    private static KpiValue Impact(PartnerProgram p, DateOnly asOf, in PartnerSummary s, IReadOnlyList<CompanyMonth>? company)
    {
        var period = Periods.CompleteMonths12(asOf);
        var total = CompanyRevenue(company, period);
        var months = $"{period.First:yyyy-MM} to {period.Last:yyyy-MM}";
        if (total <= 0) return None(p, KpiKeys.PartnershipImpact, KpiUnit.Percent, $"No company revenue known for {months}.");
        return Percent(p, KpiKeys.PartnershipImpact, s.RevenueCompleteMonthsMinor * 100m / total,
            $"{M(p, s.RevenueCompleteMonthsMinor)} of company revenue {M(p, total)}, {months}.");
    }

    internal static long CompanyRevenue(IReadOnlyList<CompanyMonth>? company, Period period)
    {
        long total = 0;
        if (company is null) return 0;
        foreach (var m in company)
        {
            if (m.Month is < 1 or > 12 || m.Year is < 1 or > 9999) continue;
            if (period.Contains(new DateOnly(m.Year, m.Month, 1).DayNumber)) total += m.RevenueMinor;
        }

        return total;
    }

    private static KpiValue Money(PartnerProgram p, string key, long minor, string explanation) =>
        new(key, Name(p, key), KpiUnit.Money, new Common.Money(minor, p.Currency).ToMajor(), M(p, minor), explanation);

    private static KpiValue Percent(PartnerProgram p, string key, decimal value, string explanation) =>
        new(key, Name(p, key), KpiUnit.Percent, value, Display.Percent(value), $"{Display.Percent(value)}: {Words.Lower(explanation)}");

    private static KpiValue Value(PartnerProgram p, string key, KpiUnit unit, decimal value, string text, string explanation) =>
        new(key, Name(p, key), unit, value, text, explanation);

    private static KpiValue None(PartnerProgram p, string key, KpiUnit unit, string explanation) =>
        new(key, Name(p, key), unit, null, "no data", explanation);

    private static string Name(PartnerProgram p, string key) => p.Kpis.FirstOrDefault(k => k.Key == key)?.Name ?? key;

    private static string M(PartnerProgram p, long minor) => Display.Money(minor, p.Currency);
}
