using PartnerHub.Core.Common;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Onboarding;

/// <summary>What a caller hands in to complete a step: an uploaded file, or a vendor's integration check with a note.</summary>
public abstract record StepEvidence
{
    public sealed record Upload(string? ContentType, long Size) : StepEvidence;

    public sealed record Check(string? Note) : StepEvidence;
}

/// <summary>A step's state as the rules see it: its definition and when it was done, if it was.</summary>
public readonly record struct StepState(JourneyStep Step, DateTimeOffset? DoneAt);

/// <summary>
/// The onboarding journey's rules as pure functions: due dates, overdue flags, which side completes which step with
/// what evidence, when a fact completes a step, and when the journey may launch. No clock, no database.
/// </summary>
public static class JourneyRules
{
    /// <summary>Due <see cref="JourneyStep.DueDays"/> after the day onboarding started (UTC).</summary>
    public static DateOnly DueOn(DateTimeOffset startedAt, JourneyStep step) => DateOnly.FromDateTime(startedAt.UtcDateTime).AddDays(step.DueDays);

    /// <summary>Overdue: not done and its due date has passed (a step due today is not overdue yet).</summary>
    public static bool IsOverdue(DateOnly dueOn, bool done, DateOnly today) => !done && dueOn < today;

    /// <summary>Checks that <paramref name="side"/> may complete <paramref name="step"/> with <paramref name="evidence"/> under the upload limits.</summary>
    public static Result CheckCompletion(JourneyStep step, StepOwner side, StepEvidence evidence, UploadLimits limits)
    {
        if (step.CompletesFromFacts) return OnboardingErrors.CompletesFromFacts(step);
        if (step.Owner != side) return OnboardingErrors.OtherSide(step);
        switch (step.Evidence, evidence)
        {
            case (EvidenceKind.Document, StepEvidence.Upload upload):
                if (upload.Size <= 0) return OnboardingErrors.EmptyFile();
                if (upload.Size > limits.MaxBytes) return OnboardingErrors.FileTooBig(upload.Size, limits.MaxBytes);
                if (MediaType(upload.ContentType) is not { } type || !limits.ContentTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
                    return OnboardingErrors.FileType(MediaType(upload.ContentType), limits.ContentTypes);
                return Result.Success;
            case (EvidenceKind.IntegrationCheck, StepEvidence.Check check):
                return string.IsNullOrWhiteSpace(check.Note) ? OnboardingErrors.NoteRequired(step) : Result.Success;
            case (_, StepEvidence.Upload):
                return OnboardingErrors.WrongEvidence(step, "a file upload");
            default:
                return OnboardingErrors.WrongEvidence(step, "an integration check");
        }
    }

    /// <summary>"application/pdf; name=x" → "application/pdf": parameters do not change what the file is.</summary>
    public static string? MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }

    /// <summary>
    /// The last step launches the partner, so it is completed only when every other step is done; fact steps count as
    /// done when their fact has arrived.
    /// </summary>
    public static Result CheckLaunchOrder(JourneyStep step, IReadOnlyList<StepState> steps)
    {
        if (steps.Count == 0 || steps[^1].Step.Key != step.Key) return Result.Success;
        var open = steps.Take(steps.Count - 1).Where(s => s.DoneAt is null).Select(s => s.Step.Key).ToList();
        return open.Count == 0 ? Result.Success : OnboardingErrors.StepsOpen(step.Key, open);
    }

    /// <summary>
    /// The day the fact that completes a training or certification step happened, or null. Training: the track
    /// completed. Certification: the level awarded, or the level's exam passed at its pass mark (the level itself also
    /// needs tenure, which a partner in onboarding cannot have yet). Facts from before onboarding count.
    /// </summary>
    public static DateOnly? FactDoneOn(JourneyStep step, PartnerProgram program, IEnumerable<TrainingCompletion> training,
        IEnumerable<ExamAttempt> exams, IEnumerable<CertificationAward> awards, DateOnly asOf)
    {
        switch (step.Evidence)
        {
            case EvidenceKind.Training:
                return Earliest(training.Where(t => t.Track == step.Reference).Select(t => t.CompletedOn), asOf);
            case EvidenceKind.Certification:
                var awarded = Earliest(awards.Where(a => a.Level == step.Reference).Select(a => a.AwardedOn), asOf);
                var level = program.FindLevel(step.Reference ?? "");
                var passMark = level is null ? null : program.FindExam(level.Exam)?.PassMark;
                var passed = level is null || passMark is null ? null
                    : Earliest(exams.Where(e => e.Exam == level.Exam && e.Score >= passMark).Select(e => e.TakenOn), asOf);
                return awarded is null ? passed : passed is null ? awarded : awarded < passed ? awarded : passed;
            default:
                return null;
        }
    }

    /// <summary>The median of whole-day durations (the mean of the middle two for an even count); null for none.</summary>
    public static decimal? Median(IEnumerable<int> days)
    {
        var sorted = days.Order().ToArray();
        if (sorted.Length == 0) return null;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
    }

    private static DateOnly? Earliest(IEnumerable<DateOnly> dates, DateOnly asOf)
    {
        DateOnly? first = null;
        foreach (var d in dates)
            if (d <= asOf && (first is null || d < first)) first = d;
        return first;
    }
}
