namespace PartnerHub.Core.Programs;

/// <summary>A qualitative tier criterion the partner manager rates from 1 to 5.</summary>
public sealed record TierCriterion(string Key, string Name, string Description);

/// <summary>
/// A partnership tier. A partner qualifies when its trailing-12-month revenue is at least <see cref="RevenueBand"/>'s
/// minimum and every rating meets its minimum; the band's maximum is where the tier above begins.
/// </summary>
public sealed record Tier
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required RevenueBand Revenue { get; init; }
    public required IReadOnlyList<RatingRequirement> Ratings { get; init; }
    public required TierBenefits Benefits { get; init; }
    public required TierSupport Support { get; init; }
    public required CountRange TargetCount { get; init; }
    public required SuccessTargets SuccessTargets { get; init; }
}

/// <summary>Inclusive revenue bounds in minor units; null means open (no floor for the lowest tier, no ceiling for the highest).</summary>
public readonly record struct RevenueBand(long? MinMinor, long? MaxMinor);

/// <summary>The minimum rating (1–5) of one criterion, or none, with the seed's words for what the tier expects.</summary>
public sealed record RatingRequirement(string Criterion, int? Min, string Means);

public enum FeatureAccess
{
    Standard,
    Beta,
    Early,
}

public sealed record TierBenefits(bool DedicatedManager, FeatureAccess FeatureAccess, string CoMarketing, bool CustomDevelopment,
    string Training, string RevenueShare);

/// <summary>The support a tier gets: the highest support level it may escalate to and a response-time target per channel.</summary>
public sealed record TierSupport(string Plan, int MaxLevel, IReadOnlyList<ChannelTarget> Channels);

public sealed record ChannelTarget(string Channel, decimal ResponseHours);

/// <summary>What a partner of a tier is expected to achieve in a year. Percentages are 0–100.</summary>
public sealed record SuccessTargets(long RevenueMinor, decimal GrowthPercent, decimal SatisfactionPercent, decimal RetentionPercent,
    decimal AdvocacyPercent);

/// <summary>When tiers are reviewed and how long a partner keeps a tier it no longer qualifies for.</summary>
public sealed record TierReviewPolicy(int CadenceMonths, int GracePeriodMonths);

/// <summary>
/// The support levels and channels, and the business hours SLA clocks run in (<see cref="Support.BusinessCalendar.AlwaysOpen"/>
/// when the file sets none).
/// </summary>
public sealed record SupportCatalog(IReadOnlyList<SupportLevel> Levels, IReadOnlyList<NamedText> Channels)
{
    public Support.BusinessCalendar BusinessHours { get; init; } = Support.BusinessCalendar.AlwaysOpen;
}

/// <summary>A support level with its first-response and resolution targets in business hours (null: no target).</summary>
public sealed record SupportLevel(int Level, string Name, decimal? FirstResponseHours = null, decimal? ResolutionHours = null);
