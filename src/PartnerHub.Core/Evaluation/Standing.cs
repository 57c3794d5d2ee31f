using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Evaluation;

/// <summary>
/// Where one partner stands under one program version on one date, with every number's explanation. The numbers are
/// the same as the batch's <see cref="PartnerSummary"/>, which is included.
/// </summary>
public sealed record Standing
{
    public required PartnerId PartnerId { get; init; }
    public required string ProgramVersion { get; init; }
    public required DateOnly AsOf { get; init; }
    public required bool Active { get; init; }
    public required TierStanding Tier { get; init; }
    public required CertificationStanding Certification { get; init; }
    public required IReadOnlyList<KpiValue> Kpis { get; init; }
    public required IReadOnlyList<TargetCheck> Targets { get; init; }
    public required HealthBreakdown Health { get; init; }
    public required IReadOnlyList<OnboardingProgress> Onboarding { get; init; }
    public required PartnerSummary Summary { get; init; }

    public KpiValue Kpi(string key) => Kpis.First(k => k.Key == key);
}

/// <summary>One check of one tier's criteria: revenue against its minimum, or a rating against its minimum.</summary>
public sealed record CriterionCheck(string Tier, string Criterion, string Input, string Threshold, bool Passed);

/// <summary>
/// The tier held (in effect since the last review), the tier qualified for today with the check of every criterion of
/// every tier, and the proposed change at the next review.
/// </summary>
public sealed record TierStanding(
    string Held,
    string Qualifying,
    TierChange Change,
    string ProposedTier,
    DateOnly? EffectiveOn,
    DateOnly LastReview,
    DateOnly NextReview,
    IReadOnlyList<CriterionCheck> Checks,
    IReadOnlyList<ReviewPoint> Reviews,
    string Explanation,
    string HeldExplanation,
    string ChangeExplanation);

/// <summary>One requirement of a certification level, checked.</summary>
public sealed record RequirementCheck(string Level, string Requirement, string Input, string Threshold, bool Passed);

/// <summary>Held and eligible levels (keys), whether renewal of the held level is due, and what the next level still needs.</summary>
public sealed record CertificationStanding(
    string? Held,
    DateOnly? ExpiresOn,
    bool RenewalDue,
    string? Eligible,
    string? NextLevel,
    IReadOnlyList<RequirementCheck> NextLevelChecks,
    string Explanation);

public enum KpiUnit
{
    Money,
    Percent,
    Days,
    Score,
    Rating,
}

/// <summary>A KPI's value (money in major units; null = no data), its display text and how it was computed.</summary>
public sealed record KpiValue(string Key, string Name, KpiUnit Unit, decimal? Value, string Text, string Explanation);

/// <summary>One success target of the held tier: actual against target.</summary>
public sealed record TargetCheck(TargetMetric Metric, string Actual, string Target, Attainment Attainment, string Explanation);

/// <summary>A health factor's weight, score (0–100, null = no data) and contribution to the health score.</summary>
public sealed record HealthContribution(string Factor, decimal WeightPercent, decimal? Score, decimal Contribution, string Explanation);

public sealed record HealthBreakdown(decimal? Score, decimal CoveragePercent, IReadOnlyList<HealthContribution> Factors, string Explanation);

/// <summary>An onboarding step: done (and when) or not, against its due date.</summary>
public sealed record OnboardingProgress(string Step, string Name, bool Done, DateOnly? DoneOn, DateOnly Due, string Explanation);
