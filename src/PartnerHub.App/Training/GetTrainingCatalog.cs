using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Training;

/// <summary>
/// The training catalog with upcoming sessions; for a partner (a partner user's own, or one vendor staff name) also its
/// progress: enrolments, modules done, exam attempts, course completions (imported or earned here), certificates and
/// renewal reminders.
/// </summary>
public sealed class GetTrainingCatalog(PartnerHubDb db, ProgramStore programs, ListRenewals renewals)
{
    public async Task<CatalogView> HandleAsync(PartnerId? partner, CancellationToken ct)
    {
        var who = db.Actor.PartnerScope ?? partner;
        var program = (await programs.CurrentAsync(ct)).Program;
        var courses = await TrainingReader.CoursesAsync(db, program, who, ct);
        var sessions = await TrainingReader.UpcomingSessionsAsync(db, program, db.Clock.GetUtcNow(), ct);
        var certificates = who is { } p
            ? await TrainingReader.CertificatesAsync(db, programs, db.Set<Certificate>().Where(c => c.PartnerId == p), ct)
            : [];
        var reminders = (await renewals.HandleAsync(null, ct)).Where(r => who is null || r.PartnerId == who.Value.Value).ToList();
        return new CatalogView(courses, sessions, certificates, reminders);
    }
}
