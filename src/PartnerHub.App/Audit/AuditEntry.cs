namespace PartnerHub.App.Audit;

/// <summary>One recorded change: who did what to which entity, when, and each field before and after. Never updated or deleted.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset At { get; init; }
    public string Actor { get; init; } = "";
    public string Operation { get; init; } = "";
    public string CorrelationId { get; init; } = "";
    public string Entity { get; init; } = "";
    public string EntityId { get; init; } = "";
    public string Action { get; init; } = "";
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];
}

public sealed record FieldChange(string Field, string? Before, string? After);
