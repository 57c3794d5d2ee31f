using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Onboarding;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Onboarding;

/// <summary>
/// Completes an action step with its evidence: a partner user its partner's steps with an upload, vendor staff the
/// vendor's steps (an integration check with a note, or an upload). Completing the journey's last step launches the
/// partner (onboarding → active) and stamps the fact steps' dates. Everything lands in one save: the document, the step,
/// the journey and the stage, or nothing.
/// </summary>
public sealed class CompleteOnboardingStep(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<JourneyView>> HandleAsync(PartnerId id, string key, string? note, UploadedFile? file, int? version, CancellationToken ct)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return PartnerErrors.NotFound(id);
        var journey = await JourneyReader.Latest(db).FirstOrDefaultAsync(j => j.PartnerId == id, ct);
        if (journey is null) return OnboardingErrors.NotStarted(id);
        if (version is { } v && v != journey.Version)
            return Error.Conflict("stale_version", $"The onboarding journey changed since you read it (you sent version {v}, it is now at version {journey.Version}). Reload it and try again.");
        if (journey.LaunchedAt is not null) return OnboardingErrors.Launched();
        var steps = journey.Ordered;
        if (steps.FirstOrDefault(s => s.Key == key) is not { } step) return OnboardingErrors.UnknownStep(key, steps.Select(s => s.Key));
        if (step.DoneAt is not null) return OnboardingErrors.AlreadyDone(key);

        var published = await programs.CurrentAsync(ct);
        var limits = published.Program.Journeys.Uploads;
        var side = db.Actor.PartnerScope is null ? StepOwner.Vendor : StepOwner.Partner;
        StepEvidence evidence = file is null ? new StepEvidence.Check(note) : new StepEvidence.Upload(file.ContentType, file.Size);
        var allowed = JourneyRules.CheckCompletion(step.Definition, side, evidence, limits);
        if (!allowed.IsSuccess) return allowed.Error;
        if (!string.IsNullOrEmpty(note) && note.Length > OnboardingStepRecord.MaxNote) return Error.Validation("note", $"At most {OnboardingStepRecord.MaxNote} characters.");

        var facts = (await JourneyReader.FactsAsync(db, [id], ct))[id];
        var launches = step.Key == steps[^1].Key;
        if (launches)
        {
            var order = JourneyRules.CheckLaunchOrder(step.Definition, JourneyReader.States(journey, published.Program, facts, programs.Today));
            if (!order.IsSuccess) return order.Error;
        }

        var now = db.Clock.GetUtcNow();
        OnboardingDocument? document = null;
        if (file is not null)
        {
            var bytes = await file.ReadAsync(ct);
            // The declared size was checked; the bytes read are what is stored, so check them too.
            var actual = JourneyRules.CheckCompletion(step.Definition, side, new StepEvidence.Upload(file.ContentType, bytes.LongLength), limits);
            if (!actual.IsSuccess) return actual.Error;
            document = OnboardingDocument.Store(id, step.Key, file.FileName, JourneyRules.MediaType(file.ContentType)!, bytes, db.Actor.Name, now);
            db.Add(document);
        }

        step.Complete(now, db.Actor.Name, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), document);
        journey.Touch();
        if (launches)
        {
            foreach (var open in steps.Where(s => s.DoneAt is null))
                if (JourneyReader.FactDone(open, published.Program, facts, programs.Today) is { } factAt) open.Complete(factAt, "facts", null, null);
            journey.Launch(now);
            var moved = partner.MoveTo(LifecycleStage.Active, $"Launched: {journey.Category} onboarding journey finished", now);
            if (!moved.IsSuccess) return moved.Error;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("stale_version", "The onboarding journey changed while you completed the step. Reload it and try again.");
        }

        var documents = await JourneyReader.DocumentsAsync(db, [journey], ct);
        return JourneyReader.View(journey, partner.Name, published.Program, facts, documents, programs.Today, vendor: side == StepOwner.Vendor);
    }
}
