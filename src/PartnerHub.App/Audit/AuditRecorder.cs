using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Audit;

/// <summary>
/// Turns every save of an <see cref="IAudited"/> entity into audit entries, by comparing the entity's snapshot
/// when it was loaded with its snapshot at save time. Living in the DbContext, it covers every write path.
/// </summary>
internal sealed class AuditRecorder
{
    private readonly ConditionalWeakTable<IAudited, IReadOnlyDictionary<string, string?>> _loaded = [];

    // The "after" snapshots of the save in progress, so that Saved does not take them a second time.
    private readonly List<(IAudited Entity, IReadOnlyDictionary<string, string?> After)> _saving = [];

    public void OnTracked(EntityTrackedEventArgs e)
    {
        if (e.FromQuery && e.Entry.Entity is IAudited audited) _loaded.AddOrUpdate(audited, audited.AuditSnapshot());
    }

    public List<AuditEntry> Collect(IReadOnlyList<PendingWrite> writes, Func<object, Actor> actorOf, DateTimeOffset now)
    {
        var entries = new List<AuditEntry>();
        _saving.Clear();
        foreach (var write in writes)
        {
            if (write.Entity is not IAudited audited || write.State is not (EntityState.Added or EntityState.Modified)) continue;
            var after = audited.AuditSnapshot();
            if (write.Entry is not null) _saving.Add((audited, after)); // an untracked new row has no next change here
            var before = write.State == EntityState.Added ? null : _loaded.TryGetValue(audited, out var b) ? b : null;
            var changes = Changes(before, after);
            if (changes.Length == 0) continue;

            var actor = actorOf(audited);
            entries.Add(new AuditEntry
            {
                At = now,
                Actor = actor.Name,
                Operation = actor.Operation,
                CorrelationId = actor.CorrelationId,
                Entity = audited.AuditEntity,
                EntityId = audited.AuditId,
                Action = ActionOf(write.State, changes),
                Changes = changes,
            });
        }

        return entries;
    }

    /// <summary>
    /// After a successful save the current state becomes the "before" of the next change. The snapshots taken by
    /// <see cref="Collect"/> are that state already; only entities tracked without one (attached, not queried) need a new one.
    /// </summary>
    public void Saved(ChangeTracker tracker)
    {
        foreach (var (entity, after) in _saving) _loaded.AddOrUpdate(entity, after);
        _saving.Clear();
        foreach (var entry in tracker.Entries<IAudited>())
            if (!_loaded.TryGetValue(entry.Entity, out _)) _loaded.Add(entry.Entity, entry.Entity.AuditSnapshot());
    }

    /// <summary>Every field whose text differs, in the snapshot's order, then fields only the "before" had.</summary>
    private static FieldChange[] Changes(IReadOnlyDictionary<string, string?>? before, IReadOnlyDictionary<string, string?> after)
    {
        var changes = new List<FieldChange>(after.Count);
        foreach (var (field, value) in after)
        {
            var old = before?.GetValueOrDefault(field);
            if (old != value) changes.Add(new FieldChange(field, old, value));
        }

        if (before is not null)
            foreach (var (field, old) in before)
                if (!after.ContainsKey(field) && old is not null) changes.Add(new FieldChange(field, old, null));
        return [.. changes];
    }

    private static string ActionOf(EntityState state, FieldChange[] changes) =>
        state == EntityState.Added ? "created"
        : changes.Any(c => c.Field == "archivedAt" && c.Before is null) ? "archived"
        : "updated";
}
