namespace PartnerHub.Core.Programs;

public sealed record TrainingCatalog(IReadOnlyList<NamedText> ContentTypes, IReadOnlyList<NamedText> DeliveryMethods,
    IReadOnlyList<TrainingTrack> Tracks);

public sealed record TrainingTrack(string Key, string Name, string ContentType, IReadOnlyList<string> Delivery);

/// <summary>An exam scored 0–100; an attempt passes when its score is at least <see cref="PassMark"/>.</summary>
public sealed record Exam(string Key, string Name, int PassMark);

public sealed record CertificationProgram(IReadOnlyList<PerformanceCondition> PerformanceConditions, IReadOnlyList<CertificationLevel> Levels);

/// <summary>The success-target metrics a partner is measured on.</summary>
public enum TargetMetric
{
    Revenue,
    Growth,
    Satisfaction,
    Retention,
    Advocacy,
}

/// <summary>Whose targets a performance condition measures against: the partner's own tier, the top tier, or a named tier.</summary>
public enum TargetReference
{
    OwnTier,
    TopTier,
    NamedTier,
}

/// <summary>"meet", "exceed" or "top": attaining at least <see cref="AtLeast"/> of the listed success targets of the reference tier.</summary>
public sealed record PerformanceCondition(string Key, string Description, TargetReference Reference, string? Tier,
    IReadOnlyList<TargetMetric> Metrics, int AtLeast);

/// <summary>A certification level and everything a partner needs to hold it.</summary>
public sealed record CertificationLevel
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public string? Prerequisite { get; init; }
    public required IReadOnlyList<string> Tracks { get; init; }
    public required string Exam { get; init; }
    public required int MinMonths { get; init; }
    public required string Performance { get; init; }
    public required bool AnnualCommitment { get; init; }
    public required int ValidityMonths { get; init; }

    /// <summary>Renewal is due this many days before the held level expires.</summary>
    public required int RenewalWindowDays { get; init; }
    public required IReadOnlyList<NamedText> Benefits { get; init; }
}
