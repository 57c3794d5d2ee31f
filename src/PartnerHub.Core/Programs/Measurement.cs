namespace PartnerHub.Core.Programs;

/// <summary>Which revenue events count as "partner revenue". Refunds and chargebacks are always subtracted.</summary>
public enum RevenueBasis
{
    Collected,
    Invoiced,
    Bookings,
}

public sealed record Measurement(RevenueBasis RevenueBasis, EngagementSettings Engagement);

/// <summary>Engagement = points of the events in the last <see cref="WindowDays"/> days, as a percentage of <see cref="FullScorePoints"/> (capped at 100).</summary>
public sealed record EngagementSettings(int WindowDays, int FullScorePoints, IReadOnlyDictionary<string, int> Points);

public enum KpiGroup
{
    Revenue,
    Performance,
    Quality,
}

public sealed record KpiDefinition(string Key, string Name, KpiGroup Group, string Description);

/// <summary>One factor of the health score and its weight in percent; the weights add up to 100.</summary>
public sealed record HealthWeight(string Factor, decimal Percent);
