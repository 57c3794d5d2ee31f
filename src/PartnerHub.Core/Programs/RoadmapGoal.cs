namespace PartnerHub.Core.Programs;

/// <summary>What a roadmap goal measures; each is computed from live data on any date (docs/program-format.md, "Roadmap").</summary>
public enum RoadmapMetric
{
    /// <summary>Active partners, optionally of one category, subcategory or held tier.</summary>
    ActivePartners,

    /// <summary>Distinct regions with at least one active partner (optionally of one category).</summary>
    Regions,

    /// <summary>Partner revenue of the trailing 12 months, in the program's currency.</summary>
    PartnerRevenue,

    /// <summary>Active partners holding a certification level (or a higher one).</summary>
    CertifiedPartners,

    /// <summary>A program KPI the engine computes: partner retention, partner growth or revenue share, in percent.</summary>
    ProgramKpi,
}

/// <summary>
/// A measurable goal of a roadmap year, due at the end of quarter <see cref="By"/>: "10 active integration partners
/// by year 1 Q4". <see cref="Target"/> is a count, a percent or a major-unit amount, as the metric says.
/// </summary>
public sealed record RoadmapGoal(string Key, string Title, string By, RoadmapMetric Metric, decimal Target)
{
    public string? Category { get; init; }
    public string? Subcategory { get; init; }
    public string? Tier { get; init; }
    public string? Level { get; init; }
    public string? Kpi { get; init; }

    /// <summary>The program KPIs a goal can aim at: the program-level ones the engine computes (ProgramStanding.Kpis).</summary>
    public static IReadOnlyList<string> ProgramKpis { get; } = [KpiKeys.PartnerRetention, KpiKeys.PartnerGrowth, KpiKeys.RevenueShare];

    public static IReadOnlyDictionary<string, RoadmapMetric> Metrics { get; } = new Dictionary<string, RoadmapMetric>(StringComparer.Ordinal)
    {
        ["active-partners"] = RoadmapMetric.ActivePartners,
        ["regions"] = RoadmapMetric.Regions,
        ["partner-revenue"] = RoadmapMetric.PartnerRevenue,
        ["certified-partners"] = RoadmapMetric.CertifiedPartners,
        ["program-kpi"] = RoadmapMetric.ProgramKpi,
    };

    public string MetricKey => Metrics.First(m => m.Value == Metric).Key;
}
