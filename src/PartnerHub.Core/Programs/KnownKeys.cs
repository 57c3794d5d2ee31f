namespace PartnerHub.Core.Programs;

/// <summary>The KPIs the engine computes (docs/kpis.md defines each). A program names and describes them; it cannot invent new ones.</summary>
public static class KpiKeys
{
    public const string PartnerRevenue = "partner-revenue";
    public const string RevenueGrowth = "revenue-growth";
    public const string RevenueShare = "revenue-share";
    public const string AverageDealSize = "average-deal-size";
    public const string DealVelocity = "deal-velocity";
    public const string WinRate = "win-rate";
    public const string PartnerSatisfaction = "partner-satisfaction";
    public const string PartnerRetention = "partner-retention";
    public const string PartnerGrowth = "partner-growth";
    public const string PartnerEngagement = "partner-engagement";
    public const string PartnerAdvocacy = "partner-advocacy";
    public const string CustomerRetention = "customer-retention";
    public const string PartnershipHealth = "partnership-health";
    public const string PartnershipRoi = "partnership-roi";
    public const string PartnershipEfficiency = "partnership-efficiency";
    public const string PartnershipInnovation = "partnership-innovation";
    public const string PartnershipImpact = "partnership-impact";

    public static IReadOnlyList<string> All { get; } =
    [
        PartnerRevenue, RevenueGrowth, RevenueShare, AverageDealSize, DealVelocity, WinRate, PartnerSatisfaction, PartnerRetention,
        PartnerGrowth, PartnerEngagement, PartnerAdvocacy, CustomerRetention, PartnershipHealth, PartnershipRoi, PartnershipEfficiency,
        PartnershipInnovation, PartnershipImpact,
    ];
}

/// <summary>The factors a health score can weigh, each a 0–100 score (docs/kpis.md).</summary>
public static class HealthFactors
{
    public const string RevenueAttainment = "revenue-attainment";
    public const string GrowthAttainment = "growth-attainment";
    public const string Satisfaction = "satisfaction";
    public const string Engagement = "engagement";
    public const string Advocacy = "advocacy";
    public const string CustomerRetention = "customer-retention";
    public const string WinRate = "win-rate";

    public static IReadOnlyList<string> All { get; } =
        [RevenueAttainment, GrowthAttainment, Satisfaction, Engagement, Advocacy, CustomerRetention, WinRate];
}
