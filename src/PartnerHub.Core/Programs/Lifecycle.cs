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

public sealed record Roadmap(DateOnly StartsOn, IReadOnlyList<RoadmapYear> Years);

public sealed record RoadmapYear(int Year, string Theme, IReadOnlyList<NamedText> Quarters);

/// <summary>Settings for deal registration and commission accrual (used by the deals and ledger features).</summary>
public sealed record DealRegistrationSettings(int ProtectionDays, int ExtensionDays, int MaxExtensions, int ManagerResponseHours,
    int CommissionHoldingDays);
