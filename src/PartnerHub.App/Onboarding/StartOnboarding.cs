using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Onboarding;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Onboarding;

/// <summary>
/// Qualified → onboarding: instantiates the category's journey from the program in force (due dates from today) and moves
/// the stage, in one save so that neither happens without the other.
/// </summary>
public sealed class StartOnboarding(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<JourneyView>> HandleAsync(PartnerId id, int version, CancellationToken ct)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return PartnerErrors.NotFound(id);
        if (partner.Version != version) return PartnerErrors.StaleVersion(id, version, partner.Version);
        if (partner.Stage != LifecycleStage.Qualified) return PartnerErrors.StageNotAllowed(partner.Stage, LifecycleStage.Onboarding);
        var published = await programs.CurrentAsync(ct);
        if (published.Program.Journeys.For(partner.Category) is not { } definition) return OnboardingErrors.NoJourney(partner.Category, published.Label);

        var now = db.Clock.GetUtcNow();
        var moved = partner.MoveTo(LifecycleStage.Onboarding, $"Onboarding started: {definition.Category} journey of {published.Label}", now);
        if (!moved.IsSuccess) return moved.Error;
        var journey = OnboardingJourney.Start(id, definition, published.Label, db.Actor.Name, now);
        db.Add(journey);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PartnerErrors.StaleVersion(id, version, version + 1);
        }

        return JourneyReader.View(journey, partner.Name, published.Program, JourneyReader.EnablementFacts.None, new Dictionary<Guid, OnboardingDocument>(),
            programs.Today, vendor: db.Actor.PartnerScope is null);
    }
}
