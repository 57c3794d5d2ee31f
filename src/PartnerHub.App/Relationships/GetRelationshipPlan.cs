using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.App.Standing;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;
using PartnerHub.Core.Relationships;

namespace PartnerHub.App.Relationships;

/// <summary>
/// A partner's relationship plan for a year, each KPI-linked goal measured by the engine: on today's date during the
/// year, on the year's last day once it is over. A partner user reads only its own partner's plan.
/// </summary>
public sealed class GetRelationshipPlan(PartnerHubDb db, ProgramStore programs, GetStanding standing)
{
    /// <summary>Which success target of the held tier a KPI is measured against, where the tier sets one.</summary>
    private static readonly Dictionary<string, TargetMetric> TargetOf = new(StringComparer.Ordinal)
    {
        [KpiKeys.PartnerRevenue] = TargetMetric.Revenue,
        [KpiKeys.RevenueGrowth] = TargetMetric.Growth,
        [KpiKeys.PartnerSatisfaction] = TargetMetric.Satisfaction,
        [KpiKeys.CustomerRetention] = TargetMetric.Retention,
        [KpiKeys.PartnerAdvocacy] = TargetMetric.Advocacy,
    };

    public async Task<Result<RelationshipPlan>> HandleAsync(PartnerId id, int? year, CancellationToken ct)
    {
        var name = await db.Partners.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (name is null) return PartnerErrors.NotFound(id);
        var today = programs.Today;
        var planYear = year ?? today.Year;
        if (planYear is < 2000 or > 2100) return Error.Validation("year", $"{planYear} is not a plan year between 2000 and 2100.");
        var asOf = planYear < today.Year ? new DateOnly(planYear, 12, 31) : today;

        var goals = (await db.Set<RelationshipGoal>().AsNoTracking().Where(g => g.PartnerId == id && g.Year == planYear).ToListAsync(ct))
            .OrderBy(g => g.TargetDate).ThenBy(g => g.Title, StringComparer.OrdinalIgnoreCase).ToList();
        var program = (await programs.AtAsync(asOf, ct)).Program;
        var kpis = program.Kpis.Select(k => new KpiChoice(k.Key, k.Name)).ToList();

        var s = await standing.HandleAsync(id, asOf, ct);
        if (!s.IsSuccess)
            return new RelationshipPlan(id.Value, name, planYear, asOf, null, null, goals.Select(g => GoalView.From(g)).ToList(), kpis,
                $"Goals are not measured: {s.Error.Message}");
        var view = s.Value;
        var measured = goals.Select(g => GoalView.From(g, Progress(g, view))).ToList();
        return new RelationshipPlan(id.Value, name, planYear, asOf, view.ProgramVersion, view.Tier.Held, measured, kpis, null);
    }

    private static GoalProgress? Progress(RelationshipGoal goal, StandingView s)
    {
        if (goal.Kpi is not { } key) return null;
        var kpi = s.Kpis.FirstOrDefault(k => k.Key == key);
        if (kpi is null) return new GoalProgress(null, "not available", null, null, $"The engine does not show {key} here.");
        var tierTarget = TargetOf.TryGetValue(key, out var metric) ? s.Targets.FirstOrDefault(t => t.Metric == metric) : null;
        var tierText = tierTarget is null ? null : $"{s.TierName(s.Tier.Held)} target {tierTarget.Target}";
        // Deal velocity counts days to close: fewer is better, so the goal is reached at or below its target.
        bool? reached = kpi.Value is not { } v || goal.Target is not { } t ? null : key == KpiKeys.DealVelocity ? v <= t : v >= t;
        var goalText = goal.Target is { } target ? target.ToString("#,0.####", System.Globalization.CultureInfo.InvariantCulture) : "no target";
        var verdict = reached switch { true => "reached", false => "not reached yet", _ => "not measurable yet" };
        var explanation = $"{kpi.Name} on {Display.Date(s.AsOf)}: {kpi.Text} against the goal's {goalText} ({verdict}). {kpi.Explanation}"
            + (tierTarget is null ? "" : $" {tierTarget.Explanation}");
        return new GoalProgress(kpi.Value, kpi.Text, tierText, reached, explanation);
    }
}
