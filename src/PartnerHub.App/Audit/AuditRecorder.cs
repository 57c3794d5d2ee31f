using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PartnerHub.App.Identity;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Audit;

/// <summary>
/// Turns every save of an <see cref="IAudited"/> entity into audit entries, by comparing the entity's snapshot
/// when it was loaded with its snapshot at save time. Living in the DbContext, it covers every write path.
/// </summary>
internal sealed class AuditRecorder
{
    private readonly ConditionalWeakTable<IAudited, IReadOnlyDictionary<string, string?>> _loaded = [];

    public void OnTracked(EntityTrackedEventArgs e)
    {
        if (e.FromQuery && e.Entry.Entity is IAudited audited) _loaded.AddOrUpdate(audited, audited.AuditSnapshot());
    }

    public List<AuditEntry> Collect(ChangeTracker tracker, Actor actor, DateTimeOffset now)
    {
        var entries = new List<AuditEntry>();
        foreach (var entry in tracker.Entries<IAudited>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            var after = entry.Entity.AuditSnapshot();
            var before = entry.State == EntityState.Added ? null : _loaded.TryGetValue(entry.Entity, out var b) ? b : null;
            var changes = after.Keys.Union(before?.Keys ?? [])
                .Select(k => new FieldChange(k, before?.GetValueOrDefault(k), after.GetValueOrDefault(k)))
                .Where(c => c.Before != c.After)
                .ToArray();
            if (changes.Length == 0) continue;

            entries.Add(new AuditEntry
            {
                At = now,
                Actor = actor.Name,
                Operation = actor.Operation,
                CorrelationId = actor.CorrelationId,
                Entity = entry.Entity.AuditEntity,
                EntityId = entry.Entity.AuditId,
                Action = ActionOf(entry.State, changes),
                Changes = changes,
            });
        }

        return entries;
    }

    /// <summary>After a successful save the current state becomes the "before" of the next change.</summary>
    public void Saved(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<IAudited>()) _loaded.AddOrUpdate(entry.Entity, entry.Entity.AuditSnapshot());
    }

    private static string ActionOf(EntityState state, FieldChange[] changes) =>
        state == EntityState.Added ? "created"
        : changes.Any(c => c.Field == "archivedAt" && c.Before is null) ? "archived"
        : "updated";
}
