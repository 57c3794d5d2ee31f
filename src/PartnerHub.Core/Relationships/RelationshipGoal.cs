using System.Globalization;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Relationships;

/// <summary>One goal of a partner's relationship plan for a year (the seed's "Relationship Plan" deliverable).</summary>
public sealed class RelationshipGoal : IAudited, IOwnedByPartner
{
    private RelationshipGoal()
    {
    }

    public GoalId Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public string? Kpi { get; private set; }

    /// <summary>In the KPI's unit. Never summed or compared in SQL, so a decimal column is safe on SQLite.</summary>
    public decimal? Target { get; private set; }
    public DateOnly TargetDate { get; private set; }
    public GoalStatus Status { get; private set; }
    public string Owner { get; private set; } = "";
    public string? Notes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic-concurrency version, sent back in If-Match.</summary>
    public int Version { get; private set; }

    string IAudited.AuditEntity => "relationship-goal";

    string IAudited.AuditId => Id.ToString();

    public static RelationshipGoal Create(PartnerId partner, ValidGoalDetails details, DateTimeOffset now)
    {
        var goal = new RelationshipGoal { Id = GoalId.New(), PartnerId = partner, CreatedAt = now, Version = 1 };
        goal.Apply(details, now);
        return goal;
    }

    public Result Update(ValidGoalDetails details, int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version) return RelationshipErrors.StaleGoal(Id, expectedVersion, Version);
        if (Snapshot(details).SequenceEqual(AuditSnapshot())) return Result.Success; // nothing changed: no new version
        Apply(details, now);
        Version++;
        return Result.Success;
    }

    public IReadOnlyDictionary<string, string?> AuditSnapshot() =>
        Snapshot(new ValidGoalDetails(Year, Title, Kpi, Target, TargetDate, Status, Owner, Notes));

    private static Dictionary<string, string?> Snapshot(ValidGoalDetails d) => new()
    {
        ["year"] = d.Year.ToString(CultureInfo.InvariantCulture),
        ["title"] = d.Title,
        ["kpi"] = d.Kpi,
        ["target"] = d.Target?.ToString(CultureInfo.InvariantCulture),
        ["targetDate"] = d.TargetDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["status"] = d.Status.Key(),
        ["owner"] = d.Owner,
        ["notes"] = d.Notes,
    };

    private void Apply(ValidGoalDetails d, DateTimeOffset now)
    {
        (Year, Title, Kpi, Target, TargetDate, Status, Owner, Notes) = (d.Year, d.Title, d.Kpi, d.Target, d.TargetDate, d.Status, d.Owner, d.Notes);
        UpdatedAt = now;
    }
}
