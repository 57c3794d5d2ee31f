using PartnerHub.App.Audit;
using PartnerHub.App.Persistence;

namespace PartnerHub.App.Identity;

/// <summary>
/// Records security events that are not a change of an audited entity: sign-ins, failed sign-ins, role changes,
/// lockouts. Written at once, in its own save, so a failed sign-in leaves its trace even though nothing else is saved.
/// </summary>
public sealed class SecurityAudit(PartnerHubDb db)
{
    public async Task RecordAsync(string entity, string entityId, string action, IReadOnlyList<FieldChange>? changes = null, CancellationToken ct = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = db.Clock.GetUtcNow(),
            Actor = db.Actor.Name,
            Operation = db.Actor.Operation,
            CorrelationId = db.Actor.CorrelationId,
            Entity = entity,
            EntityId = entityId,
            Action = action,
            Changes = changes ?? [],
        });
        await db.SaveChangesAsync(ct);
    }
}
