namespace PartnerHub.Core.Programs;

/// <summary>Which side of the partnership completes an onboarding step.</summary>
public enum StepOwner
{
    Vendor,
    Partner,
}

/// <summary>
/// What completes a journey step: an uploaded <see cref="Document"/> (signed agreement, launch plan), a vendor-recorded
/// <see cref="IntegrationCheck"/> with a note, or a fact: a <see cref="Training"/> track completed or a
/// <see cref="Certification"/> level reached. Fact steps complete themselves; nobody completes them by hand.
/// </summary>
public enum EvidenceKind
{
    Document,
    IntegrationCheck,
    Training,
    Certification,
}

/// <summary>
/// One step of a category's onboarding journey, due <see cref="DueDays"/> after onboarding starts. <see cref="Reference"/>
/// is the training track (Training) or certification level (Certification) the step waits for; null otherwise.
/// </summary>
public sealed record JourneyStep(string Key, string Title, StepOwner Owner, int DueDays, EvidenceKind Evidence, string? Reference)
{
    /// <summary>Fact steps complete when the fact arrives, never by an action.</summary>
    public bool CompletesFromFacts => Evidence is EvidenceKind.Training or EvidenceKind.Certification;
}

/// <summary>The ordered steps a partner of <see cref="Category"/> goes through from qualified to active; the last step launches.</summary>
public sealed record JourneyDefinition(string Category, IReadOnlyList<JourneyStep> Steps)
{
    public JourneyStep? Find(string key) => Steps.FirstOrDefault(s => s.Key == key);
}

/// <summary>What an evidence upload may be: at most <see cref="MaxBytes"/>, with one of the listed content types.</summary>
public sealed record UploadLimits(long MaxBytes, IReadOnlyList<string> ContentTypes)
{
    public static UploadLimits Default { get; } = new(5 * 1024 * 1024, ["application/pdf", "image/png", "image/jpeg", "text/plain"]);
}

/// <summary>
/// The program's onboarding journeys (phase 2), one per category, and the upload limits for document evidence.
/// A program whose <c>onboarding</c> section has no <c>journeys</c> gets <see cref="None"/>: onboarding cannot start.
/// </summary>
public sealed record OnboardingJourneys(IReadOnlyList<JourneyDefinition> Journeys, UploadLimits Uploads)
{
    public static OnboardingJourneys None { get; } = new([], UploadLimits.Default);

    public JourneyDefinition? For(string category) => Journeys.FirstOrDefault(j => j.Category == category);
}
