using PartnerHub.Core.Relationships;

namespace PartnerHub.App.Relationships;

/// <summary>
/// Where a KPI-linked goal stands: the engine's current value of the KPI, the held tier's success target for it (when
/// the tier has one), and whether the goal's own target is reached yet.
/// </summary>
public sealed record GoalProgress(decimal? Current, string CurrentText, string? TierTarget, bool? Reached, string Explanation);

/// <summary>A goal as the API, CLI and pages show it. <see cref="Version"/> goes back in If-Match with a change.</summary>
public sealed record GoalView(
    Guid Id,
    Guid PartnerId,
    int Year,
    string Title,
    string? Kpi,
    decimal? Target,
    DateOnly TargetDate,
    string Status,
    string Owner,
    string? Notes,
    GoalProgress? Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static GoalView From(RelationshipGoal g, GoalProgress? progress = null) => new(
        g.Id.Value, g.PartnerId.Value, g.Year, g.Title, g.Kpi, g.Target, g.TargetDate, g.Status.Key(), g.Owner, g.Notes, progress,
        g.CreatedAt, g.UpdatedAt, g.Version);

    /// <summary>The goal as an editable input, e.g. to pre-fill a form.</summary>
    public GoalDetails ToDetails() => new()
    {
        Year = Year, Title = Title, Kpi = Kpi, Target = Target?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        TargetDate = TargetDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Status = Status, Owner = Owner, Notes = Notes,
    };
}

/// <summary>A partner's relationship plan for a year: its goals, measured on <see cref="AsOf"/>, and the KPIs a goal may link.</summary>
public sealed record RelationshipPlan(Guid PartnerId, string PartnerName, int Year, DateOnly AsOf, string? ProgramVersion, string? HeldTier,
    IReadOnlyList<GoalView> Goals, IReadOnlyList<KpiChoice> Kpis, string? Note);

public sealed record KpiChoice(string Key, string Name);
