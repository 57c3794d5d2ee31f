using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Relationships;

public enum AlertKind
{
    /// <summary>The engine's health score is below the program's alert threshold.</summary>
    LowHealth,

    /// <summary>A success target of the held tier was missed at the last reviews in a row.</summary>
    TargetMissed,
}

/// <summary>One reason to look at a partner now, with the engine's explanation. <c>Metric</c> is set for missed targets.</summary>
public sealed record HealthAlert(PartnerId PartnerId, AlertKind Kind, TargetMetric? Metric, decimal? HealthScore, IReadOnlyList<DateOnly> Reviews, string Explanation);

/// <summary>
/// The health-alert rule (docs/program-format.md, "relationship"): an active partner is flagged when its health score is
/// below <see cref="RelationshipSettings.HealthAlertBelow"/>, or when a success target of the tier it held was missed at
/// each of its last <see cref="RelationshipSettings.MissedReviewsInARow"/> tier reviews. Pure: program, facts, date.
/// </summary>
public static class HealthAlerts
{
    public static bool IsLow(decimal? healthScore, decimal below) => healthScore is { } score && score < below;

    /// <summary>The targets missed at every review given (a target without data at one of them is not "missed").</summary>
    public static IReadOnlyList<TargetMetric> MissedAtEvery(IReadOnlyList<TargetAttainments> atReviews) =>
        atReviews.Count == 0 ? [] : Enum.GetValues<TargetMetric>().Where(m => atReviews.All(a => a[m] == Attainment.Missed)).ToList();

    public static IReadOnlyList<HealthAlert> Check(PartnerProgram program, string programVersion, PartnerFacts facts, DateOnly asOf)
    {
        var settings = program.Relationship;
        var now = Evaluator.Summarize(program, facts, asOf);
        if (!now.Active) return [];

        var alerts = new List<HealthAlert>();
        if (IsLow(now.HealthScore, settings.HealthAlertBelow))
        {
            var health = Evaluator.Evaluate(program, programVersion, facts, asOf).Health;
            alerts.Add(new HealthAlert(facts.PartnerId, AlertKind.LowHealth, null, now.HealthScore, [],
                $"Health {Display.Number(now.HealthScore!.Value)} is below the alert threshold {Display.Number(settings.HealthAlertBelow)}. {health.Explanation}"));
        }

        var reviews = ReviewDates.LastOnOrBefore(facts.PartnershipStart, program.TierReview.CadenceMonths, asOf, settings.MissedReviewsInARow);
        if (reviews.Count < settings.MissedReviewsInARow) return alerts; // not reviewed often enough yet to miss "in a row"
        var summaries = reviews.Select(r => Evaluator.Summarize(program, facts, r)).ToList();
        if (summaries.Any(s => !s.Active)) return alerts;
        var missed = MissedAtEvery(summaries.Select(s => s.Targets).ToList());
        if (missed.Count == 0) return alerts;

        // Explanations only for what is flagged: the full evaluation costs more than the summary.
        var explained = reviews.Select(r => Evaluator.Evaluate(program, programVersion, facts, r)).ToList();
        foreach (var metric in missed)
        {
            var why = string.Join(" ", reviews.Select((r, i) => $"{Display.Date(r)}: {explained[i].Targets.First(t => t.Metric == metric).Explanation}"));
            alerts.Add(new HealthAlert(facts.PartnerId, AlertKind.TargetMissed, metric, now.HealthScore, reviews,
                $"The {Metric(metric)} target was missed at the last {reviews.Count} reviews in a row. {why}"));
        }

        return alerts;
    }

    private static string Metric(TargetMetric metric) => metric.ToString().ToLowerInvariant();
}
