using System.Collections.Concurrent;
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
/// Records the API's revenue events with group commit. Deliveries that arrive while a group is being written wait in a
/// queue, and the next writer takes all of them (up to <see cref="MaxGroup"/>) into one transaction: one commit — on
/// SQLite one fsync of the write-ahead log, which alone costs more than recording an event — carries many events, and the
/// database sees one writer per process. No delivery is answered before its group has committed. Inside the group
/// each event is recorded after a savepoint, so a refused event leaves the others alone. A unique-key violation at
/// any point (another process stored the same event or key meanwhile) rolls the group back and writes it again, where
/// the late delivery finds what the other stored and answers as its replay.
/// </summary>
public sealed class RevenueEventWriter(IServiceScopeFactory scopes) : IDisposable
{
    public const int MaxGroup = 1000;
    private const int Attempts = 3;

    private readonly ConcurrentQueue<Waiting> _queue = new();
    private readonly SemaphoreSlim _writing = new(1, 1);

    private sealed record Waiting(EventDelivery Delivery, Actor Actor)
    {
        public TaskCompletionSource<Result<StoredResponse>> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Records <paramref name="deliveries"/> as <paramref name="actor"/>; one answer per delivery, in order, each after its commit.</summary>
    public async Task<IReadOnlyList<Result<StoredResponse>>> WriteAsync(IReadOnlyList<EventDelivery> deliveries, Actor actor, CancellationToken ct)
    {
        var mine = deliveries.Select(d => new Waiting(d, actor)).ToList();
        foreach (var waiting in mine) _queue.Enqueue(waiting);
        // Whoever holds the lock writes whatever is queued, often other requests' events with its own. A group, once
        // taken, is finished whatever happens to the request that took it, so its waiting is not cancellable.
        while (!mine.All(w => w.Answer.Task.IsCompleted))
        {
            await _writing.WaitAsync(CancellationToken.None);
            try
            {
                if (!mine.All(w => w.Answer.Task.IsCompleted)) await WriteGroupAsync(Take());
            }
            finally
            {
                _writing.Release();
            }
        }

        return await Task.WhenAll(mine.Select(w => w.Answer.Task)).WaitAsync(ct);
    }

    public void Dispose() => _writing.Dispose();

    private List<Waiting> Take()
    {
        var group = new List<Waiting>();
        while (group.Count < MaxGroup && _queue.TryDequeue(out var next)) group.Add(next);
        return group;
    }

    private async Task WriteGroupAsync(List<Waiting> group)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var answers = await RecordAsync(scope.ServiceProvider, group);
                for (var i = 0; i < group.Count; i++) group[i].Answer.SetResult(answers[i]);
                return;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < Attempts)
            {
                // Another process won a key; the next attempt reads what it stored.
            }
            catch (Exception e)
            {
                foreach (var waiting in group) waiting.Answer.TrySetException(e);
                return;
            }
        }
    }

    private static async Task<Result<StoredResponse>[]> RecordAsync(IServiceProvider services, List<Waiting> group)
    {
        var db = services.GetRequiredService<PartnerHubDb>();
        var record = services.GetRequiredService<RecordRevenueEvent>();
        var inputs = services.GetRequiredService<CommissionInputs>();
        var ct = CancellationToken.None;
        record.DeferFactsBump = true; // once for the group
        db.Database.AutoSavepointsEnabled = false; // the group sets its own savepoint per event
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var keys = group.Select(w => w.Delivery.Key).Distinct().ToList();
        var stored = await db.Set<IdempotentRequestRecord>().AsNoTracking()
            .Where(r => r.Scope == IngestRevenueEvent.Scope && keys.Contains(r.Key)).ToDictionaryAsync(r => r.Key, StringComparer.Ordinal, ct);
        var ids = group.Select(w => w.Delivery.Event.ExternalId).Distinct().ToList();
        var recorded = (await db.Set<RevenueEventRecord>().IgnoreQueryFilters().AsNoTracking().Where(r => ids.Contains(r.ExternalId))
            .Select(r => r.ExternalId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        // What the events' commissions read about the partners they name, for the whole group at once.
        var named = await record.ResolvePartnersAsync(group.Select(w => w.Delivery.Event.Partner).OfType<string>().ToList(), ct);
        await inputs.PrefetchAsync(named, ids, ct);

        var answers = new Result<StoredResponse>[group.Count];
        var kept = new List<IdempotentRequestRecord>();
        for (var i = 0; i < group.Count; i++)
        {
            var (e, key, hash) = group[i].Delivery;
            if (stored.TryGetValue(key, out var earlier))
            {
                answers[i] = IngestRevenueEvent.Replay(earlier, hash);
                continue;
            }

            db.Actor.ActLike(group[i].Actor);
            // Not released after the event: the commit ends them all, and a release is a round trip per event. Rolling
            // back to "event" goes to the latest savepoint of that name, this event's, on SQLite and PostgreSQL alike.
            await transaction.CreateSavepointAsync("event", ct);
            var outcome = await record.HandleAsync(e, ct, knownNew: !recorded.Contains(e.ExternalId));
            if (!outcome.IsSuccess)
            {
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
