namespace PartnerHub.Core.Programs;

public sealed record TrainingCatalog(IReadOnlyList<NamedText> ContentTypes, IReadOnlyList<NamedText> DeliveryMethods,
    IReadOnlyList<TrainingTrack> Tracks);

/// <summary>
/// A training track is a course of the catalog: its modules (completed in order of the partner's choosing) and an
/// optional exam offered at its end. Live and workshop delivery run as sessions the vendor schedules in the app.
/// </summary>
public sealed record TrainingTrack(string Key, string Name, string ContentType, IReadOnlyList<string> Delivery)
{
    public IReadOnlyList<NamedText> Modules { get; init; } = [];

    /// <summary>The exam offered at the end of the course, if any.</summary>
    public string? Exam { get; init; }

    /// <summary>Taken at a scheduled session (live, workshop) rather than at the partner's own pace.</summary>
    public bool NeedsSession => Delivery.Count > 0 && Delivery.All(d => d is "live" or "workshop");
}

/// <summary>An exam scored 0–100; an attempt passes when its score is at least <see cref="PassMark"/>.</summary>
public sealed record Exam(string Key, string Name, int PassMark)
{
    /// <summary>How many attempts a partner has at this exam in the app; imported attempts do not count.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The questions the portal asks, with the answer key; empty: the exam is taken elsewhere and imported.</summary>
    public IReadOnlyList<ExamQuestion> Questions { get; init; } = [];
}

/// <summary>A question of an exam: one correct option (single) or a set that must be chosen exactly (multiple).</summary>
public sealed record ExamQuestion(string Key, string Text, bool Multiple, IReadOnlyList<NamedText> Options, IReadOnlyList<string> Correct);

/// <summary>How an eligible partner's certification is awarded: at once, or once a partner manager confirms it.</summary>
public enum CertificationAwarding
{
    Automatic,
    Confirmed,
}

public sealed record CertificationProgram(IReadOnlyList<PerformanceCondition> PerformanceConditions, IReadOnlyList<CertificationLevel> Levels)
{
    public CertificationAwarding Awarding { get; init; } = CertificationAwarding.Automatic;
}

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
