using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Onboarding;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Onboarding;

/// <summary>A partner's current journey with fact steps decided and overdue steps flagged. A partner user reads only its own (scope filter).</summary>
public sealed class GetOnboarding(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<JourneyView>> HandleAsync(PartnerId id, CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Name }).FirstOrDefaultAsync(ct);
        if (partner is null) return PartnerErrors.NotFound(id);
        var journey = await JourneyReader.Latest(db).AsNoTracking().FirstOrDefaultAsync(j => j.PartnerId == id, ct);
        if (journey is null) return OnboardingErrors.NotStarted(id);
        var program = (await programs.CurrentAsync(ct)).Program;
        var facts = await JourneyReader.FactsAsync(db, [id], ct);
        var documents = await JourneyReader.DocumentsAsync(db, [journey], ct);
        return JourneyReader.View(journey, partner.Name, program, facts[id], documents, programs.Today, vendor: db.Actor.PartnerScope is null);
    }
}
