using System.Text;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Onboarding;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Demo;

/// <summary>
/// Phase 2 in the demo. Every ecosystem partner in onboarding gets its category's journey, started on its agreement's
/// start date, with the agreement signed and (for some) the integration checked, so that the later steps come due and
/// some are overdue. A handful of active partners have launched journeys behind them, backdated to their agreement, so
/// the time-to-launch KPI has figures: their registry entry is moved back to when they were first a prospect.
/// </summary>
internal static class DemoOnboarding
{
    private const int Launched = 8;

    public static async Task LoadAsync(PartnerHubDb db, CancellationToken ct)
    {
        var published = await new ProgramStore(db).CurrentAsync(ct);
        var journeys = published.Program.Journeys;
        if (journeys.Journeys.Count == 0) return;
        var partners = await db.Partners.Where(p => p.Stage == LifecycleStage.Onboarding || p.Stage == LifecycleStage.Active).OrderBy(p => p.Name).ToListAsync(ct);
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);

        var i = 0;
        foreach (var partner in partners.Where(p => p.Stage == LifecycleStage.Onboarding))
        {
            if (journeys.For(partner.Category) is not { } definition || partner.Agreement.StartsOn is not { } start) continue;
            var journey = OnboardingJourney.Start(partner.Id, definition, published.Label, partner.Owner ?? "system", At(start));
            var steps = journey.Ordered;
            Sign(db, partner.Id, steps[0], At(start.AddDays(1)));
            // One in three has its integration checked; the rest show the vendor's overdue work on the board.
            if (i++ % 3 == 0 && steps.Count > 2 && steps[1].Evidence == EvidenceKind.IntegrationCheck && start.AddDays(steps[1].DueDays) <= today)
                steps[1].Complete(At(start.AddDays(steps[1].DueDays - 2)), partner.Owner ?? "system", "Demo: sandbox credentials issued, first sync seen.", null);
            db.Add(journey);
        }

        var launched = 0;
        foreach (var partner in partners.Where(p => p.Stage == LifecycleStage.Active && p.Agreement.StartsOn is { } s && s >= today.AddDays(-365) && s <= today.AddDays(-120)))
        {
            if (launched == Launched || journeys.For(partner.Category) is not { } definition) continue;
            var start = partner.Agreement.StartsOn!.Value;
            var onboardingDays = 35 + (launched * 13 % 50);
            var prospectDays = 20 + (launched * 17 % 70);
            var journey = OnboardingJourney.Start(partner.Id, definition, published.Label, partner.Owner ?? "system", At(start));
            var steps = journey.Ordered;
            for (var k = 0; k < steps.Count; k++)
            {
                var doneOn = start.AddDays(Math.Min(steps[k].DueDays, onboardingDays) - (k == steps.Count - 1 ? 0 : 1));
                if (steps[k].Evidence == EvidenceKind.Document) Sign(db, partner.Id, steps[k], At(doneOn));
                else steps[k].Complete(At(doneOn), steps[k].Definition.CompletesFromFacts ? "demo history" : partner.Owner ?? "system",
                    steps[k].Evidence == EvidenceKind.IntegrationCheck ? "Demo: integration live." : null, null);
            }

            journey.Launch(At(start.AddDays(onboardingDays)));
            db.Add(journey);
            // The demo's registry is created today; its history says when this partner was first a prospect.
            db.Entry(partner).Property(p => p.CreatedAt).CurrentValue = At(start.AddDays(-prospectDays));
            launched++;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A small text document as the step's evidence, uploaded on the day.</summary>
    private static void Sign(PartnerHubDb db, PartnerId partner, OnboardingStepRecord step, DateTimeOffset at)
    {
        var text = Encoding.UTF8.GetBytes($"Demo {step.Title} for partner {partner}, signed {at:yyyy-MM-dd}.\n");
        var document = OnboardingDocument.Store(partner, step.Key, $"{step.Key}.txt", "text/plain", text, "demo", at);
        db.Add(document);
        step.Complete(at, "demo", null, document);
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
}
