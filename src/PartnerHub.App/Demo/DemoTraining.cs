using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.App.Training;
using PartnerHub.Core.Training;

namespace PartnerHub.App.Demo;

/// <summary>
/// Enablement in the demo: two upcoming sessions (a live Advanced Sales session with Make enrolled, a Technical
/// Implementation workshop), Zapier part-way through Product Fundamentals, and a certificate for every certification the
/// demo history holds today, so the console's certificates and renewals and the public verification page have content.
/// </summary>
internal static class DemoTraining
{
    public static async Task LoadAsync(PartnerHubDb db, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var published = await new ProgramStore(db).CurrentAsync(ct);
        var program = published.Program;
        var start = new DateTimeOffset(today.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
        var live = new TrainingSession
        {
            Id = Guid.CreateVersion7(now), Track = "advanced-sales", Delivery = "live", Title = "Advanced Sales — live session", StartsAt = start.AddDays(14),
            Capacity = 12, Taken = 1, ScheduledBy = DemoEcosystem.Managers[0], ScheduledAt = now, Version = 1,
        };
        var workshop = new TrainingSession
        {
            Id = Guid.CreateVersion7(now.AddTicks(1)), Track = "technical-implementation", Delivery = "workshop", Title = "Technical Implementation workshop",
            StartsAt = start.AddDays(30), Capacity = 8, ScheduledBy = DemoEcosystem.Managers[0], ScheduledAt = now, Version = 1,
        };
        db.AddRange(live, workshop);

        var make = await db.Partners.SingleAsync(p => p.Domain == "make.com", ct);
        var zapier = await db.Partners.SingleAsync(p => p.Domain == "zapier.com", ct);
        db.Add(new TrainingEnrolment { PartnerId = make.Id, Track = "advanced-sales", SessionId = live.Id, EnrolledAt = now.AddDays(-2), EnrolledBy = "rui.user@make.com" });
        if (!await db.Set<TrainingCompletionRecord>().AnyAsync(t => t.PartnerId == zapier.Id && t.Track == "product-fundamentals", ct))
        {
            var enrolment = new TrainingEnrolment { PartnerId = zapier.Id, Track = "product-fundamentals", EnrolledAt = now.AddDays(-5), EnrolledBy = "uma.user@zapier.com" };
            enrolment.Modules.Add(new ModuleCompletion { PartnerId = zapier.Id, Module = "platform-tour", CompletedAt = now.AddDays(-4), CompletedBy = "uma.user@zapier.com" });
            db.Add(enrolment);
        }

        // The latest award of each partner and level still valid today gets its certificate.
        var awards = await db.Set<CertificationAwardRecord>().AsNoTracking().Where(a => a.AwardedOn <= today).ToListAsync(ct);
        foreach (var award in awards.GroupBy(a => (a.PartnerId, a.Level)).Select(g => g.MaxBy(a => a.AwardedOn)!))
        {
            if (program.FindLevel(award.Level) is not { } level) continue;
            var expires = CertificateRules.ExpiresOn(level, award.AwardedOn);
            if (expires <= today) continue;
            db.Add(new Certificate
            {
                Id = Guid.NewGuid(), PartnerId = award.PartnerId, Level = level.Key, Status = CertificateStatus.Awarded, EligibleOn = award.AwardedOn,
                AwardedOn = award.AwardedOn, ExpiresOn = expires, AwardId = award.Id, ProgramVersion = published.Label,
                Explanation = "Awarded before PartnerHub issued certificates (demo history); the award is an imported certification fact.",
                CreatedAt = now, ConfirmedBy = "import",
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
