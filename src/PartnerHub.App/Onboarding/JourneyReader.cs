using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Onboarding;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Onboarding;

/// <summary>
/// Reads journeys and decides their fact steps. Training and certification steps are evaluated on read from the facts
/// already recorded (training completions, exam attempts, certification awards), rather than by a hook in every path that
/// records facts (API, import, bulk load, demo): a fact arriving by any path completes the step at the next read. The
/// launch stamps the fact steps' dates into the journey, so a launched journey no longer depends on later fact edits.
/// </summary>
internal static class JourneyReader
{
    public sealed record EnablementFacts(TrainingCompletion[] Training, ExamAttempt[] Exams, CertificationAward[] Awards)
    {
        public static EnablementFacts None { get; } = new([], [], []);
    }

    /// <summary>The latest journey of each partner, with its steps, through the partner scope filter.</summary>
    public static IQueryable<OnboardingJourney> Latest(PartnerHubDb db) =>
        db.Set<OnboardingJourney>().Include(j => j.Steps)
            .Where(j => j.Id == db.Set<OnboardingJourney>().Where(o => o.PartnerId == j.PartnerId).Max(o => o.Id));

    public static async Task<Dictionary<PartnerId, EnablementFacts>> FactsAsync(PartnerHubDb db, IReadOnlyCollection<PartnerId> partners, CancellationToken ct)
    {
        var ids = partners.ToArray();
        var training = await db.Set<TrainingCompletionRecord>().AsNoTracking().Where(t => ids.Contains(t.PartnerId))
            .Select(t => new { t.PartnerId, t.Track, t.CompletedOn }).ToListAsync(ct);
        var exams = await db.Set<ExamAttemptRecord>().AsNoTracking().Where(e => ids.Contains(e.PartnerId))
            .Select(e => new { e.PartnerId, e.Exam, e.TakenOn, e.Score }).ToListAsync(ct);
        var awards = await db.Set<CertificationAwardRecord>().AsNoTracking().Where(a => ids.Contains(a.PartnerId))
            .Select(a => new { a.PartnerId, a.Level, a.AwardedOn }).ToListAsync(ct);
        return ids.Distinct().ToDictionary(id => id, id => new EnablementFacts(
            training.Where(t => t.PartnerId == id).Select(t => new TrainingCompletion(t.Track, t.CompletedOn)).ToArray(),
            exams.Where(e => e.PartnerId == id).Select(e => new ExamAttempt(e.Exam, e.TakenOn, e.Score)).ToArray(),
            awards.Where(a => a.PartnerId == id).Select(a => new CertificationAward(a.Level, a.AwardedOn)).ToArray()));
    }

    /// <summary>Each step with when it was done: stamped by an action or the launch, or, for an open fact step, when its fact happened.</summary>
    public static List<StepState> States(OnboardingJourney journey, PartnerProgram program, EnablementFacts facts, DateOnly today) =>
        journey.Ordered.Select(s => new StepState(s.Definition, s.DoneAt ?? FactDone(s, program, facts, today))).ToList();

    public static DateTimeOffset? FactDone(OnboardingStepRecord step, PartnerProgram program, EnablementFacts facts, DateOnly today) =>
        step.Definition.CompletesFromFacts && JourneyRules.FactDoneOn(step.Definition, program, facts.Training, facts.Exams, facts.Awards, today) is { } on
            ? new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;

    public static JourneyView View(OnboardingJourney journey, string partnerName, PartnerProgram program, EnablementFacts facts,
        IReadOnlyDictionary<Guid, OnboardingDocument> documents, DateOnly today, bool vendor)
    {
        var steps = journey.Ordered.Select(s =>
        {
            var factDone = s.DoneAt is null ? FactDone(s, program, facts, today) : null;
            var doneAt = s.DoneAt ?? factDone;
            var doc = s.DocumentId is { } id && documents.TryGetValue(id, out var d)
                ? new DocumentView(d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedAt, d.UploadedBy)
                : null;
            return new StepView(s.Key, s.Title, Evidence.Key(s.Owner), Evidence.Key(s.Evidence), s.Reference, s.DueOn, doneAt is not null, doneAt,
                factDone is not null ? "facts" : s.DoneBy, JourneyRules.IsOverdue(s.DueOn, doneAt is not null, today), s.Definition.CompletesFromFacts,
                vendor ? s.Note : null, doc);
        }).ToList();
        return new JourneyView(journey.PartnerId.Value, partnerName, journey.Category, journey.ProgramVersion, journey.StartedAt, journey.StartedBy,
            journey.LaunchedAt, journey.Version, steps.Count(s => s.Done), steps.Count, steps.Count(s => s.Overdue), steps);
    }

    /// <summary>The documents' metadata (not their bytes) for the steps that have one.</summary>
    public static async Task<Dictionary<Guid, OnboardingDocument>> DocumentsAsync(PartnerHubDb db, IEnumerable<OnboardingJourney> journeys, CancellationToken ct)
    {
        var ids = journeys.SelectMany(j => j.Steps).Select(s => s.DocumentId).OfType<Guid>().ToArray();
        if (ids.Length == 0) return [];
        var docs = await db.Set<OnboardingDocument>().AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.PartnerId, d.StepKey, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedAt, d.UploadedBy }).ToListAsync(ct);
        return docs.ToDictionary(d => d.Id, d => OnboardingDocument.Metadata(d.Id, d.PartnerId, d.StepKey, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedAt, d.UploadedBy));
    }
}
