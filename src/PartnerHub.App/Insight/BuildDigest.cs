using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Deals;
using PartnerHub.App.Onboarding;
using PartnerHub.App.Persistence;
using PartnerHub.App.Relationships;
using PartnerHub.App.Standing;
using PartnerHub.Core.Insight;

namespace PartnerHub.App.Insight;

/// <summary>One line of a digest: the figure, how it is computed, and the page that shows the partners behind it.</summary>
public sealed record DigestLine(string Figure, string Explanation, string Link);

/// <summary>A program digest for a period, as mailed to managers and previewed over the API.</summary>
public sealed record Digest(DigestKind Kind, string Period, DateOnly Start, DateOnly End, string Subject, IReadOnlyList<DigestLine> Lines)
{
    /// <summary>The mail body: one paragraph per line, each with its absolute link.</summary>
    public string Body(string baseUrl)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{Subject}\n\n");
        foreach (var line in Lines)
            text.Append(CultureInfo.InvariantCulture, $"• {line.Figure}\n  {line.Explanation}\n  {baseUrl.TrimEnd('/')}{line.Link}\n\n");
        return text.Append("Every figure is computed by PartnerHub from the same data as its pages; follow a link for the partners behind it.\n").ToString();
    }
}

/// <summary>
/// The program at the end of a digest period, from the same use cases as the console: active partners per tier and
/// partner revenue (against the period's start), deals registered in the period and those waiting on a decision,
/// health alerts, expansion candidates and onboarding journeys with overdue steps.
/// </summary>
public sealed class BuildDigest(PartnerHubDb db, GetProgramOverview overview, ListHealthAlerts alerts, ListExpansionCandidates expansion,
    OverdueDeals overdueDeals, GetOnboardingBoard onboarding)
{
    public async Task<Digest> HandleAsync(DigestPeriod period, CancellationToken ct)
    {
        var end = await overview.HandleAsync(period.End, ct);
        var before = await overview.HandleAsync(period.Start.AddDays(-1), ct);
        var from = new DateTimeOffset(period.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(period.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var registered = await db.DealRegistrations.AsNoTracking().CountAsync(d => d.SubmittedAt >= from && d.SubmittedAt < to, ct);
        var waiting = (await overdueDeals.HandleAsync(1000, ct)).Count;
        var alerted = (await alerts.HandleAsync(period.End, ct)).Items.Select(a => a.PartnerId).Distinct().Count();
        var candidates = await expansion.HandleAsync(period.End, ct);
        var late = (await onboarding.HandleAsync(overdueOnly: true, category: null, ct)).Count;

        var date = period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tiers = string.Join(", ", end.Standing.Tiers.Select(t => $"{t.Name} {t.Count}"));
        var change = end.Standing.ActivePartners - before.Standing.ActivePartners;
        DigestLine[] lines =
        [
            new($"{end.Standing.ActivePartners} active partners ({Signed(change)} in the period): {tiers}",
                $"Partners in the active stage on {date}, by the tier they hold, under program {end.ProgramVersion}.", $"/dashboard?asOf={date}"),
            new($"Partner revenue over the trailing 12 months: {end.PartnerRevenue} (was {before.PartnerRevenue} before the period)",
                "The program's revenue basis (docs/program-format.md, measurement), net of refunds and chargebacks, on the period's last day and the day before it began.",
                $"/dashboard?asOf={date}#chart-revenue"),
            new($"{registered} deals registered in the period; {waiting} waiting on a manager past the response target",
                "Registrations submitted between the period's first and last day; waiting: submitted or extension requests older than the program's manager response hours.",
                "/deals"),
            new($"{alerted} partners with health alerts",
                "Health score below the program's threshold, or a success target missed at consecutive tier reviews (relationship section).", $"/health-alerts?asOf={date}"),
            new($"{candidates.Items.Count} partners close to their next tier; {candidates.OtherCategories.Count} qualified for another category",
                $"At most {candidates.MaxMissing} criteria of the next tier missing; or a passing assessment for another category.", $"/expansion?asOf={date}"),
            new($"{late} onboarding journeys with overdue steps", "Journeys in progress today with a step past its due day.", "/onboarding?overdue=true"),
        ];
        return new Digest(period.Kind, period.Key, period.Start, period.End,
            $"PartnerHub {(period.Kind == DigestKind.Weekly ? "weekly" : "monthly")} digest {period.Key} ({period.Start:yyyy-MM-dd} – {date})", lines);
    }

    private static string Signed(int n) => n.ToString("+0;-0;0", CultureInfo.InvariantCulture);
}
