using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Prospects;

namespace PartnerHub.App.Prospects;

/// <summary>
/// The seed's "Outreach Plan" for a week: overdue follow-ups (the latest attempt's next step is past due), follow-ups
/// due this week (Monday to Sunday, from today on), and prospects nobody has contacted yet. Today is the clock's date.
/// </summary>
public sealed class GetOutreachPlan(PartnerHubDb db)
{
    public sealed record Item(Guid PartnerId, string Name, string Category, string Subcategory, string Stage, string? Owner,
        string? NextStep, DateOnly? DueOn, int DaysOverdue, string? LastChannel, string? LastOutcome, DateTimeOffset? LastContactAt);

    public sealed record Plan(DateOnly Today, DateOnly WeekStart, DateOnly WeekEnd, IReadOnlyList<Item> Overdue, IReadOnlyList<Item> DueThisWeek,
        IReadOnlyList<Item> NotContacted);

    public static (DateOnly Start, DateOnly End) WeekOf(DateOnly day)
    {
        var start = day.AddDays(-(((int)day.DayOfWeek + 6) % 7)); // ISO weeks start on Monday
        return (start, start.AddDays(6));
    }

    public async Task<Plan> HandleAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var (weekStart, weekEnd) = WeekOf(today);
        var partners = await db.Partners.AsNoTracking().Where(p => p.ArchivedAt == null && ProspectStages.Workable.Contains(p.Stage))
            .Select(p => new { p.Id, p.Name, p.Category, p.Subcategory, p.Stage, p.Owner }).ToListAsync(ct);
        var ids = partners.Select(p => p.Id).ToList();
        var attempts = db.Set<OutreachAttempt>().AsNoTracking();
        var latestIds = attempts.Where(a => ids.Contains(a.PartnerId)).GroupBy(a => a.PartnerId).Select(g => g.Max(a => a.Id));
        var latest = await attempts.Where(a => latestIds.Contains(a.Id)).ToDictionaryAsync(a => a.PartnerId, ct);

        var items = partners.Select(p =>
        {
            var a = latest.GetValueOrDefault(p.Id);
            var due = a?.NextStepDueOn;
            return new Item(p.Id.Value, p.Name, p.Category, p.Subcategory, p.Stage.Key(), p.Owner, a?.NextStep, due,
                due is { } d && d < today ? today.DayNumber - d.DayNumber : 0,
                a is null ? null : ProspectKeys.Key(a.Channel), a is null ? null : ProspectKeys.Key(a.Outcome), a?.At);
        }).ToList();

        return new Plan(today, weekStart, weekEnd,
            items.Where(i => i.DueOn < today).OrderBy(i => i.DueOn).ThenBy(i => i.Name, StringComparer.Ordinal).ToList(),
            items.Where(i => i.DueOn >= today && i.DueOn <= weekEnd).OrderBy(i => i.DueOn).ThenBy(i => i.Name, StringComparer.Ordinal).ToList(),
            items.Where(i => i.LastContactAt is null && i.Stage == LifecycleStage.Prospect.Key()).OrderBy(i => i.Name, StringComparer.Ordinal).ToList());
    }
}
