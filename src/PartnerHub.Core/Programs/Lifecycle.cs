using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Programs;

/// <summary>A phase of the seed's development process and the partner lifecycle stages that belong to it.</summary>
public sealed record LifecyclePhase(string Key, string Name, IReadOnlyList<LifecycleStage> Stages, IReadOnlyList<NamedText> Activities,
    IReadOnlyList<NamedText> Deliverables);

/// <summary>A step of the onboarding journey, due <see cref="TargetDays"/> after the partnership starts.</summary>
public sealed record OnboardingStep(string Key, string Name, string Description, int TargetDays, StepCompletion DoneWhen);

/// <summary>The fact that completes an onboarding step; exactly one is set.</summary>
public sealed record StepCompletion(bool AgreementSigned = false, string? Engagement = null, IReadOnlyList<string>? Tracks = null,
    string? ExamPassed = null, bool DealWon = false);

public sealed record Roadmap(DateOnly StartsOn, IReadOnlyList<RoadmapYear> Years)
{
    /// <summary>The last day of a quarter ("q1"…"q4") of a roadmap year: year 1 Q1 ends three months after the start, less a day.</summary>
    public DateOnly EndOf(int year, string quarter) => StartsOn.AddYears(year - 1).AddMonths(3 * (quarter[1] - '0')).AddDays(-1);
}

public sealed record RoadmapYear(int Year, string Theme, IReadOnlyList<NamedText> Quarters)
{
    /// <summary>The year's measurable goals, each due at the end of a quarter.</summary>
    public IReadOnlyList<RoadmapGoal> Goals { get; init; } = [];
}

/// <summary>
/// The program's <c>dealRegistration</c> section, the one type the deals and ledger features take their terms from:
/// how long an approval protects the customer, how many days each extension adds and how many may be granted, how
/// soon a partner manager should decide (submissions and extension requests), and how long an accrued commission is
/// held before it becomes payable. The program file's binder checks the ranges.
/// </summary>
public sealed record DealRegistrationSettings(int ProtectionDays, int ExtensionDays, int MaxExtensions, int ManagerResponseHours,
    int CommissionHoldingDays);
