using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Commissions;
using PartnerHub.App.Facts;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Revenue;

/// <summary>One validated event to record exactly once under its idempotency key, with the hash of its request.</summary>
public sealed record EventDelivery(ValidRevenueEvent Event, string Key, string Hash);

/// <summary>
/// Records the API's revenue events with group commit (<see cref="GroupCommit{TItem,TAnswer}"/>): the events of
/// concurrent requests share one transaction and one commit. A refused event must leave the others alone, which a
/// savepoint per event gives; but most groups refuse nothing, and a savepoint costs a statement per event (on
/// PostgreSQL a round trip, and past 64 in a transaction its subtransaction cache overflows, which slows every
/// other session's snapshots). So a group is first written without them, and only a group that refuses an event is
/// rolled back and written again, in a new scope, with a savepoint per event: the same events, refused the same way.
/// A group that names a partner no one has takes the savepoints at once, as it is sure to refuse.
/// </summary>
public sealed class RevenueEventWriter(IServiceScopeFactory scopes) : GroupCommit<RevenueEventWriter.Delivered, Result<StoredResponse>>(scopes, MaxGroup)
{
    public const int MaxGroup = 1000;

    public sealed record Delivered(EventDelivery Delivery, Actor Actor);

    /// <summary>Records <paramref name="deliveries"/> as <paramref name="actor"/>; one answer per delivery, in order, each after its commit.</summary>
    public async Task<IReadOnlyList<Result<StoredResponse>>> WriteAsync(IReadOnlyList<EventDelivery> deliveries, Actor actor, CancellationToken ct) =>
        await SubmitAsync(deliveries.Select(d => new Delivered(d, actor)), ct);

    protected override async Task<Result<StoredResponse>[]> WriteGroupAsync(IServiceProvider services, IReadOnlyList<Delivered> group)
    {
        if (await WriteAsync(services, group, isolated: false) is { } answers) return answers;
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return (await WriteAsync(scope.ServiceProvider, group, isolated: true))!;
    }

    /// <summary>The group's answers; null when, not <paramref name="isolated"/>, an event was refused and nothing was kept.</summary>
    private static async Task<Result<StoredResponse>[]?> WriteAsync(IServiceProvider services, IReadOnlyList<Delivered> group, bool isolated)
    {
        var db = services.GetRequiredService<PartnerHubDb>();
        var record = services.GetRequiredService<RecordRevenueEvent>();
        var inputs = services.GetRequiredService<CommissionInputs>();
        var ct = CancellationToken.None;
        record.DeferFactsBump = true; // once for the group
        db.Database.AutoSavepointsEnabled = false; // the group sets its own savepoint per event, if any
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var keys = group.Select(w => w.Delivery.Key).Distinct().ToList();
        var stored = await db.Set<IdempotentRequestRecord>().AsNoTracking()
            .Where(r => r.Scope == IngestRevenueEvent.Scope && keys.Contains(r.Key)).ToDictionaryAsync(r => r.Key, StringComparer.Ordinal, ct);
        var ids = group.Select(w => w.Delivery.Event.ExternalId).Distinct().ToList();
        var recorded = (await db.Set<RevenueEventRecord>().IgnoreQueryFilters().AsNoTracking().Where(r => ids.Contains(r.ExternalId))
            .Select(r => r.ExternalId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        // What the events' commissions read about the partners they name, for the whole group at once.
        var references = group.Select(w => w.Delivery.Event.Partner).OfType<string>().ToList();
        var named = await record.ResolvePartnersAsync(references, ct);
        isolated |= !references.All(record.Resolves); // nothing is written yet: it can still choose
        await inputs.PrefetchAsync(named, ids, ct);

        var answers = new Result<StoredResponse>[group.Count];
        var kept = new List<IdempotentRequestRecord>();
        var saved = false; // whether a savepoint "event" is open
        for (var i = 0; i < group.Count; i++)
        {
            var (e, key, hash) = group[i].Delivery;
            if (stored.TryGetValue(key, out var earlier))
            {
                answers[i] = IngestRevenueEvent.Replay(earlier, hash);
                continue;
            }

            db.Actor.ActLike(group[i].Actor);
            // Each event's savepoint replaces the one before it, released in the same command (no round trip of its own),
            // so the savepoints never nest. Left open, a group of a thousand events held a thousand nested savepoints, and
            // SQLite checks every open one on each page it writes: inserts 3–4× slower at that size (docs/performance.md,
            // eleventh pass). A savepoint rolled back to is still open, so it is released the same way.
            if (isolated)
            {
                await db.Database.ExecuteSqlRawAsync(saved ? "RELEASE SAVEPOINT event; SAVEPOINT event" : "SAVEPOINT event", ct);
                saved = true;
            }

            var outcome = await record.HandleAsync(e, ct, knownNew: !recorded.Contains(e.ExternalId));
            if (!outcome.IsSuccess)
            {
                if (!isolated) return null; // rolled back as the transaction is disposed uncommitted
                await transaction.RollbackToSavepointAsync("event", ct);
                db.ChangeTracker.Clear();
                inputs.ForgetHistories(); // what was read or noted since the savepoint may include rolled-back events
                answers[i] = outcome.Error;
                continue;
            }

            recorded.Add(e.ExternalId);
            var response = new StoredResponse(outcome.Value.Created ? 201 : 200, JsonSerializer.Serialize(outcome.Value.Receipt, IngestRevenueEvent.Json));
            var entry = new IdempotentRequestRecord
            {
                Scope = IngestRevenueEvent.Scope, Key = key, RequestHash = hash, StatusCode = response.StatusCode, ResponseJson = response.Json, CreatedAt = db.Clock.GetUtcNow(),
            };
            kept.Add(entry);
            stored[key] = entry; // the same key again in this group is its replay
            answers[i] = response;
        }

        db.AddRange(kept);
        await db.SaveChangesAsync(ct);
        if (kept.Count > 0) await FactWrites.BumpAsync(db, ct);
        await transaction.CommitAsync(ct);
        inputs.Committed();
        return answers;
    }
}
