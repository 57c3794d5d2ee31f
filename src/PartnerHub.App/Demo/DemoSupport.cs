using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.App.Support;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Support;

namespace PartnerHub.App.Demo;

/// <summary>
/// Technical support in the demo. A dozen active partners have tickets from the last three months on the levels and
/// channels their tier includes: most answered and resolved inside the SLA and rated, some answered late (breached), and a
/// few still open so the queue has running and breached clocks. Ratings are written as satisfaction survey facts, as the
/// rating use case does.
/// </summary>
internal static class DemoSupport
{
    private const int Partners = 12;

    private static readonly string[] Subjects =
    [
        "API returns 429 under normal load", "Webhook signature check fails", "SSO login loops back to the start page",
        "Export to CSV misses the last column", "Model latency doubled since the update", "Sandbox credentials expired",
    ];

    public static async Task LoadAsync(PartnerHubDb db, DateOnly today, CancellationToken ct)
    {
        var published = await new ProgramStore(db).CurrentAsync(ct);
        var program = published.Program;
        var calendar = program.Support.BusinessHours;
        var facts = await BulkFactLoader.LoadAsync(db, program.Currency.Code, ct);
        var held = Evaluator.EvaluateAll(program, published.Label, facts, today).Partners
            .Where(s => s.HeldTier >= 0).ToDictionary(s => s.PartnerId, s => program.Tiers[s.HeldTier]);
        var partners = await db.Partners.Where(p => p.Stage == LifecycleStage.Active).OrderBy(p => p.Name).Take(Partners).ToListAsync(ct);
        var now = db.Clock.GetUtcNow();

        var n = 0;
        foreach (var partner in partners)
        {
            var tier = held.GetValueOrDefault(partner.Id) ?? program.Tiers[^1];
            var count = 1 + n % 3;
            for (var k = 0; k < count; k++, n++)
            {
                var level = 1 + n % Math.Min(2, tier.Support.MaxLevel);
                var channel = tier.Support.Channels[n % tier.Support.Channels.Count].Channel;
                var still = k == count - 1 && n % 4 == 0; // every fourth partner has one ticket still open
                var opened = still ? now.AddHours(-(2 + n % 30)) : new DateTimeOffset(today.AddDays(-(5 + n * 7 % 85)).ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero);
                var ticket = SupportTicket.Open(partner.Id, Subjects[n % Subjects.Length], "Demo: seen by several of our customers since yesterday.", level, channel,
                    tier.Key, tier.Support.MaxLevel, published.Label, SupportRules.Targets(program.Support, tier, level, channel), calendar, "demo partner user", opened);
                db.Add(ticket);
                if (still) continue;

                // Most answers come inside the target; every fifth one is late.
                var target = SlaClock.Hours(ticket.FirstResponseHours ?? 8);
                var answeredAt = SlaClock.Due(calendar, ticket.OpenedAt, n % 5 == 0 ? target * 2 : target / 2);
                db.Add(SupportTicketMessage.Write(ticket, true, partner.Owner ?? "support@partnerhub.demo", "Demo: we found the cause and are on it.", answeredAt));
                ticket.Replied(true, answeredAt);
                if (n % 6 == 1) db.Add(SupportTicketNote.Write(ticket.Id, "support@partnerhub.demo", "Demo: known issue in the last release; fix scheduled.", answeredAt));
                var closedAt = SlaClock.Due(calendar, ticket.OpenedAt, SlaClock.Hours((ticket.ResolutionHours ?? 24) * (n % 7 == 0 ? 1.5m : 0.6m)));
                if (closedAt <= answeredAt) closedAt = answeredAt.AddHours(1);
                ticket.Close(partner.Owner ?? "support@partnerhub.demo", closedAt);
                if (n % 3 == 2) continue; // not every partner rates
                var rating = 3 + n % 3;
                ticket.Rate(rating, null, closedAt.AddHours(3));
                db.Add(new SurveyResponseRecord
                {
                    ExternalId = RateSupportTicket.SurveySource + ticket.Id, PartnerId = partner.Id, Kind = SurveyKind.Satisfaction,
                    AnsweredOn = DateOnly.FromDateTime(closedAt.AddHours(3).UtcDateTime), Score = SupportKpis.SurveyScore(rating),
                });
            }
        }

        await db.SaveChangesAsync(ct);
        await FactWrites.BumpAsync(db, ct);
    }
}
