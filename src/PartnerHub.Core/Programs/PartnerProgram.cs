using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Programs;

/// <summary>
/// A whole partner program as data (the seed's categories, tiers, certification, revenue models, targets, KPIs,
/// lifecycle and roadmap). Built only by <see cref="ProgramFile.Parse"/>, so every instance passed validation.
/// Keyed collections keep the file's order; tiers run from highest to lowest.
/// </summary>
public sealed record PartnerProgram
{
    public required int Format { get; init; }
    public required string Name { get; init; }
    public required Currency Currency { get; init; }
    public required IReadOnlyList<string> Regions { get; init; }
    public required Vision Vision { get; init; }
    public required IReadOnlyList<Assumption> Assumptions { get; init; }
    public required Measurement Measurement { get; init; }
    public required Ecosystem Ecosystem { get; init; }
    public required IReadOnlyList<Category> Categories { get; init; }
    public required IReadOnlyList<RevenueModel> RevenueModels { get; init; }
    public required IReadOnlyList<TierCriterion> TierCriteria { get; init; }
    public required IReadOnlyList<Tier> Tiers { get; init; }
    public required TierReviewPolicy TierReview { get; init; }
    public required SupportCatalog Support { get; init; }
    public required TrainingCatalog Training { get; init; }
    public required IReadOnlyList<Exam> Exams { get; init; }
    public required CertificationProgram Certification { get; init; }
    public required MarketingSupport Marketing { get; init; }
    public required IReadOnlyList<KpiDefinition> Kpis { get; init; }
    public required IReadOnlyList<HealthWeight> HealthWeights { get; init; }
    public required IReadOnlyList<LifecyclePhase> Phases { get; init; }
    public required IReadOnlyList<OnboardingStep> OnboardingSteps { get; init; }
    public required Roadmap Roadmap { get; init; }
    public required DealRegistrationSettings DealRegistration { get; init; }

    /// <summary>Relationship management (phase 3): health alerts and expansion candidates. Optional in the file.</summary>
    public RelationshipSettings Relationship { get; init; } = RelationshipSettings.Default;
    /// <summary>Onboarding journeys per category (phase 2) and the upload limits for their document evidence.</summary>
    public OnboardingJourneys Journeys { get; init; } = OnboardingJourneys.None;
    /// <summary>How prospects are scored and qualified (phase 1); null when the program file has no <c>qualification</c> section.</summary>
    public QualificationPolicy? Qualification { get; init; }

    /// <summary>What a partner record may say under this program: categories → subcategories, revenue models, regions.</summary>
    public PartnerCatalog Catalog => new(
        Categories.ToDictionary(c => c.Key, IReadOnlyList<string> (c) => c.Subcategories.Select(s => s.Key).ToArray(), StringComparer.Ordinal),
        RevenueModels.Select(m => m.Key).ToArray(),
        Regions);

    public Tier? FindTier(string key) => Tiers.FirstOrDefault(t => t.Key == key);

    public int TierRank(string key)
    {
        for (var i = 0; i < Tiers.Count; i++)
            if (Tiers[i].Key == key) return i;
        return -1;
    }

    public Category? FindCategory(string key) => Categories.FirstOrDefault(c => c.Key == key);

    public Subcategory? FindSubcategory(string key) => Categories.SelectMany(c => c.Subcategories).FirstOrDefault(s => s.Key == key);

    public RevenueModel? FindRevenueModel(string key) => RevenueModels.FirstOrDefault(m => m.Key == key);

    public TrainingTrack? FindTrack(string key) => Training.Tracks.FirstOrDefault(t => t.Key == key);

    public Exam? FindExam(string key) => Exams.FirstOrDefault(e => e.Key == key);

    public CertificationLevel? FindLevel(string key) => Certification.Levels.FirstOrDefault(l => l.Key == key);
}

/// <summary>A name with a line of text, for the seed's many "Name: description" lists (benefits, activities, …).</summary>
public sealed record NamedText(string Name, string Text);

/// <summary>A minimum and maximum count, both inclusive (a target number of partners).</summary>
public readonly record struct CountRange(int Min, int Max)
{
    public bool Contains(int count) => count >= Min && count <= Max;

    public override string ToString() => $"{Min}–{Max}";
}

/// <summary>A value the seed leaves open, chosen by us: where it is in the file and why it has that value.</summary>
public sealed record Assumption(string Path, string Note);

public sealed record Vision(string Mission, IReadOnlyList<NamedText> Philosophy);

public sealed record MarketingSupport(IReadOnlyList<NamedText> Materials, IReadOnlyList<NamedText> CoMarketingActivities)
{
    /// <summary>What a collateral file may be (size and content types); the file stores the bytes in the database.</summary>
    public UploadLimits Collateral { get; init; } = UploadLimits.Default;

    /// <summary>Market development funds: the budget per tier and period, and the limits for proof-of-performance uploads.</summary>
    public MdfPolicy Mdf { get; init; } = MdfPolicy.None;
}
