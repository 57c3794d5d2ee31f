using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Facts;

/// <summary>
/// Everything the engine knows about one partner: plain arrays of small structs, in any order (the engine does not
/// depend on it), amounts in the program currency's minor units. Built by the application layer from its rows.
/// </summary>
public sealed record PartnerFacts
{
    public required PartnerId PartnerId { get; init; }
    public required string Category { get; init; }
    public required string Subcategory { get; init; }

    /// <summary>The agreement's start date: tenure, review dates and the onboarding journey count from here.</summary>
    public required DateOnly PartnershipStart { get; init; }

    /// <summary>The day the partner churned or was terminated, if it did; it is not active from that day.</summary>
    public DateOnly? PartnershipEnd { get; init; }

    public RevenueEvent[] Revenue { get; init; } = [];
    public DealFact[] Deals { get; init; } = [];
    public TrainingCompletion[] Training { get; init; } = [];
    public ExamAttempt[] Exams { get; init; } = [];
    public CertificationAward[] Certifications { get; init; } = [];
    public Commitment[] Commitments { get; init; } = [];
    public SurveyResponse[] Surveys { get; init; } = [];
    public ManagerRating[] Ratings { get; init; } = [];
    public EngagementEvent[] Engagement { get; init; } = [];
    public CostEntry[] Costs { get; init; } = [];

    public bool IsActiveOn(DateOnly day) => PartnershipStart <= day && (PartnershipEnd is not { } end || day < end);
}

/// <summary>The facts of a whole program: every partner, and the company's revenue by month.</summary>
public sealed record ProgramFacts(IReadOnlyList<PartnerFacts> Partners, IReadOnlyList<CompanyMonth> CompanyRevenue);
