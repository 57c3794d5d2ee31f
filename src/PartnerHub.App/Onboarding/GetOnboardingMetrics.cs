using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Onboarding;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Onboarding;

/// <summary>
/// The time-to-launch KPI: median days from prospect (the partner's creation in the registry, where identification
/// starts) to active (the journey's launch), and the median onboarding duration (start → launch), program-wide and per
/// category, over every launched journey; plus how many partners are onboarding now.
/// </summary>
public sealed class GetOnboardingMetrics(PartnerHubDb db)
{
    public sealed record Figures(string Category, int Launched, decimal? MedianDaysProspectToActive, decimal? MedianOnboardingDays, int Onboarding);

    public sealed record Metrics(Figures Program, IReadOnlyList<Figures> Categories);

    public async Task<Metrics> HandleAsync(CancellationToken ct)
    {
        var launched = await db.Set<OnboardingJourney>().AsNoTracking().Where(j => j.LaunchedAt != null)
            .Join(db.Partners.AsNoTracking(), j => j.PartnerId, p => p.Id, (j, p) => new { j.Category, j.StartedAt, j.LaunchedAt, p.CreatedAt })
            .ToListAsync(ct);
        var onboarding = await db.Partners.AsNoTracking().Where(p => p.Stage == LifecycleStage.Onboarding && p.ArchivedAt == null)
            .GroupBy(p => p.Category).Select(g => new { Category = g.Key, Count = g.Count() }).ToListAsync(ct);
        var durations = launched.Select(l => (l.Category, ToLaunch: Days(l.CreatedAt, l.LaunchedAt!.Value), Onboarding: Days(l.StartedAt, l.LaunchedAt!.Value))).ToList();

        Figures Figure(string category, IEnumerable<(string Category, int ToLaunch, int Onboarding)> rows, int inOnboarding)
        {
            var list = rows.ToList();
            return new Figures(category, list.Count, JourneyRules.Median(list.Select(r => r.ToLaunch)), JourneyRules.Median(list.Select(r => r.Onboarding)), inOnboarding);
        }

        var categories = durations.Select(d => d.Category).Concat(onboarding.Select(o => o.Category)).Distinct().Order(StringComparer.Ordinal)
            .Select(c => Figure(c, durations.Where(d => d.Category == c), onboarding.Where(o => o.Category == c).Sum(o => o.Count))).ToList();
        return new Metrics(Figure("all", durations, onboarding.Sum(o => o.Count)), categories);
    }

    /// <summary>Whole UTC days between two instants (a partner launched the day after it started took one day).</summary>
    private static int Days(DateTimeOffset from, DateTimeOffset to) =>
        DateOnly.FromDateTime(to.UtcDateTime).DayNumber - DateOnly.FromDateTime(from.UtcDateTime).DayNumber;
}
