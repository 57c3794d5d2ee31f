namespace PartnerHub.Core.Support;

/// <summary>What the KPIs need of one ticket: business time to first response and to resolution, whether each SLA was met, the rating.</summary>
public readonly record struct TicketOutcome(TimeSpan? FirstResponse, TimeSpan? Resolution, bool? FirstResponseMet, bool? ResolutionMet, int? Rating);

/// <summary>
/// A partner's support KPIs. Medians are in business hours; satisfaction is the mean rating after close on 0–100
/// ((rating − 1) × 25, like every survey score); within SLA is the share of closed tickets that met every target they had.
/// Absent (null) when there is nothing to measure, never zero.
/// </summary>
public sealed record SupportKpis(int Tickets, int Open, int Closed, decimal? MedianFirstResponseHours, decimal? MedianResolutionHours,
    decimal? SatisfactionPercent, int Ratings, decimal? WithinSlaPercent, int Breached)
{
    public static SupportKpis Compute(IReadOnlyList<TicketOutcome> tickets, int open)
    {
        var closed = tickets.Where(t => t.Resolution is not null).ToList();
        var ratings = tickets.Where(t => t.Rating is not null).Select(t => t.Rating!.Value).ToList();
        var judged = closed.Where(t => t.FirstResponseMet is not null || t.ResolutionMet is not null).ToList();
        var within = judged.Count(t => t.FirstResponseMet != false && t.ResolutionMet != false);
        var breached = tickets.Count(t => t.FirstResponseMet == false || t.ResolutionMet == false);
        return new SupportKpis(tickets.Count, open, closed.Count,
            Median(tickets.Where(t => t.FirstResponse is not null).Select(t => t.FirstResponse!.Value)),
            Median(closed.Select(t => t.Resolution!.Value)),
            ratings.Count == 0 ? null : Math.Round(ratings.Average(r => (r - 1) * 25m), 2), ratings.Count,
            judged.Count == 0 ? null : Math.Round(100m * within / judged.Count, 2), breached);
    }

    /// <summary>A 1–5 rating as a survey score on 0–100.</summary>
    public static int SurveyScore(int rating) => (rating - 1) * 25;

    private static decimal? Median(IEnumerable<TimeSpan> spans)
    {
        var sorted = spans.Select(s => s.Ticks).Order().ToArray();
        if (sorted.Length == 0) return null;
        var mid = sorted.Length / 2;
        var ticks = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
        return Math.Round(ticks / TimeSpan.TicksPerHour, 2);
    }
}
