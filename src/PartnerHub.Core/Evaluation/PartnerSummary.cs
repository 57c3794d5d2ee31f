using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Evaluation;

/// <summary>What the batch proposes for a partner's tier at the next review.</summary>
public enum TierChange : byte
{
    None,
    Promotion,
    Demotion,

    /// <summary>The partner qualifies lower today but keeps its tier until the grace period has run.</summary>
    DemotionHeld,
}

/// <summary>Whether a success target is met, missed, or cannot be measured for lack of data.</summary>
public enum Attainment : byte
{
    NoData,
    Met,
    Missed,
}

/// <summary>
/// A partner's standing as numbers only: what the batch returns for every partner without building any text.
/// <see cref="Evaluator.Evaluate"/> returns the same numbers inside a <see cref="Standing"/> with explanations.
/// Tier and level fields are indexes into the program (tiers highest first, levels lowest first; −1 = none).
/// </summary>
public readonly record struct PartnerSummary
{
    public PartnerId PartnerId { get; init; }
    public bool Active { get; init; }
    public sbyte HeldTier { get; init; }
    public sbyte QualifyingTier { get; init; }
    public TierChange ProposedChange { get; init; }
    public sbyte ProposedTier { get; init; }
    public DateOnly? ChangeEffectiveOn { get; init; }
    public sbyte CertificationHeld { get; init; }
    public DateOnly? CertificationExpiresOn { get; init; }
    public sbyte CertificationEligible { get; init; }
    public long RevenueMinor { get; init; }
    public long PriorRevenueMinor { get; init; }
    public long RevenueCompleteMonthsMinor { get; init; }
    public decimal? GrowthPercent { get; init; }

    /// <summary>Revenue in the last 12 months with none in the 12 before: growth is unbounded, and meets any growth target.</summary>
    public bool NewRevenue { get; init; }
    public int WonDeals { get; init; }
    public int LostDeals { get; init; }
    public int RegisteredDeals { get; init; }
    public long WonAmountMinor { get; init; }
    public long? AverageDealSizeMinor { get; init; }
    public decimal? VelocityDays { get; init; }
    public decimal? WinRatePercent { get; init; }
    public decimal? Satisfaction { get; init; }
    public int SatisfactionResponses { get; init; }
    public decimal? Advocacy { get; init; }
    public int AdvocacyResponses { get; init; }
    public decimal EngagementPercent { get; init; }
    public int EngagementPoints { get; init; }
    public decimal? CustomerRetentionPercent { get; init; }
    public int PriorCustomers { get; init; }
    public int RetainedCustomers { get; init; }
    public long CostMinor { get; init; }
    public decimal? RoiPercent { get; init; }
    public int? InnovationRating { get; init; }
    public decimal? HealthScore { get; init; }

    /// <summary>The share of health weight that had data (100 = every factor measured).</summary>
    public decimal HealthCoverage { get; init; }

    /// <summary>Attainment of the held tier's success targets, indexed by <see cref="Programs.TargetMetric"/>.</summary>
    public TargetAttainments Targets { get; init; }
}

/// <summary>Five attainments packed in one value, indexed by <see cref="Programs.TargetMetric"/>.</summary>
public readonly record struct TargetAttainments(Attainment Revenue, Attainment Growth, Attainment Satisfaction, Attainment Retention,
    Attainment Advocacy)
{
    public Attainment this[Programs.TargetMetric metric] => metric switch
    {
        Programs.TargetMetric.Revenue => Revenue,
        Programs.TargetMetric.Growth => Growth,
        Programs.TargetMetric.Satisfaction => Satisfaction,
        Programs.TargetMetric.Retention => Retention,
        _ => Advocacy,
    };
}
