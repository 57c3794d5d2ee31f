using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;
using PartnerHub.Core.Relationships;

namespace PartnerHub.App.Demo;

/// <summary>
/// Relationship plans and timelines for the partners the seed names (Zapier, Make, IFTTT, …): this year's goals, some
/// linked to KPIs, and a year of QBRs, calls and meetings. A few hundred rows in one save, so start-up stays fast.
/// </summary>
internal static class DemoRelationships
{
    private static readonly string[] Outcomes =
    [
        "Agreed next quarter's joint campaign", "Reviewed the integration roadmap", "Pipeline review: two deals to register",
        "Discussed certification for their team", "Renewal terms look fine", "Asked for co-marketing funds",
    ];

    public static async Task LoadAsync(PartnerHubDb db, DateOnly today, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        var random = new Random(DemoEcosystem.Seed);
        // Filtered in memory: tags are a JSON list on SQLite and an array on PostgreSQL, and the demo has a few hundred partners.
        var named = (await db.Partners.OrderBy(p => p.Name).ToListAsync(ct)).Where(p => p.Tags.Contains("seed")).ToList();
        foreach (var partner in named)
        {
            foreach (var goal in Goals(partner, today, random)) db.Add(RelationshipGoal.Create(partner.Id, goal, now));
            foreach (var activity in Activities(partner, today, random)) db.Add(RelationshipActivity.Log(partner.Id, activity, "system", now));
        }

        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<ValidGoalDetails> Goals(Partner partner, DateOnly today, Random random)
    {
        var owner = partner.Owner ?? DemoEcosystem.Managers[0];
        var yearEnd = new DateOnly(today.Year, 12, 31);
        var revenue = 25_000m * (1 + random.Next(6));
        yield return new ValidGoalDetails(today.Year, $"Grow {partner.Name} revenue to {revenue:#,0}", KpiKeys.PartnerRevenue, revenue, yearEnd,
            GoalStatus.Open, owner, "Linked to the tier's revenue target: the plan shows where it stands.");
        yield return new ValidGoalDetails(today.Year, "Partner satisfaction at 85 or more", KpiKeys.PartnerSatisfaction, 85, yearEnd, GoalStatus.Open, owner, null);
        var webinar = new DateOnly(today.Year, 1 + random.Next(12), 15);
        yield return new ValidGoalDetails(today.Year, "Joint webinar", null, null, webinar, webinar < today ? GoalStatus.Achieved : GoalStatus.Open, owner, null);
    }

    private static IEnumerable<ValidActivityDetails> Activities(Partner partner, DateOnly today, Random random)
    {
        var who = partner.Owner ?? DemoEcosystem.Managers[0];
        var contact = partner.Contacts.Count > 0 ? partner.Contacts[0].Name : "Partner lead";
        // A QBR at the end of each of the last four quarters, a call in between, and a kick-off meeting a year ago.
        var quarterEnd = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1).AddDays(-1);
        for (var q = 0; q < 4; q++)
        {
            var qbr = quarterEnd.AddMonths(-3 * q);
            yield return new ValidActivityDetails(ActivityKind.Qbr, At(qbr.AddDays(-random.Next(10)), 15), who, [contact], Outcomes[random.Next(Outcomes.Length)], null);
            yield return new ValidActivityDetails(ActivityKind.Call, At(qbr.AddDays(-45), 10), who, [contact], Outcomes[random.Next(Outcomes.Length)], null);
        }

        yield return new ValidActivityDetails(ActivityKind.Meeting, At(today.AddYears(-1), 9), who, [contact], "Kick-off of this year's relationship plan",
            $"Met the {partner.Name} team; agreed goals and a quarterly review rhythm.");
        yield return new ValidActivityDetails(ActivityKind.Note, At(today.AddDays(-3), 16), who, [], null, "Follow up on the open co-marketing request.");
    }

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
}
