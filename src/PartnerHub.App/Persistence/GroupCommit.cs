using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PartnerHub.App.Persistence;

/// <summary>
/// Group commit, one queue per process (a singleton). Requests queue their items; whoever holds the writer lock takes
/// every queued item (up to the group size) into one transaction, and the others wait for their answers. One commit —
/// on SQLite one fsync of the write-ahead log, which alone costs more than most writes — then carries many requests'
/// work, and the database sees one writer per process. No item is answered before its group has committed. A
/// unique-key violation that escapes the group (another process stored the same thing meanwhile) rolls it back and
/// writes it again, where the late item finds what the other stored; so does a PostgreSQL deadlock (two instances'
/// groups inserting the same keys in crossed order), whose victim wrote nothing.
/// </summary>
public abstract class GroupCommit<TItem, TAnswer>(IServiceScopeFactory scopes, int maxGroup) : IDisposable
{
    private const int Attempts = 3;

    private readonly ConcurrentQueue<Waiting> _queue = new();
    private readonly SemaphoreSlim _writing = new(1, 1);

    private sealed record Waiting(TItem Item)
    {
        public TaskCompletionSource<TAnswer> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Writes a group in one transaction that it begins and commits itself, in a scope of its own; one answer per item,
    /// in order. Whatever it throws (but a unique-key violation or a deadlock, retried) fails every item of the group.
    /// </summary>
    protected abstract Task<TAnswer[]> WriteGroupAsync(IServiceProvider services, IReadOnlyList<TItem> group);

    /// <summary>Queues <paramref name="items"/> and answers each, in order, after the commit of the group that took it.</summary>
    protected async Task<TAnswer[]> SubmitAsync(IEnumerable<TItem> items, CancellationToken ct)
    {
        var mine = items.Select(item => new Waiting(item)).ToList();
        foreach (var waiting in mine) _queue.Enqueue(waiting);
        // Whoever holds the lock writes whatever is queued, often other requests' items with its own. A group, once
        // taken, is finished whatever happens to the request that took it, so its waiting is not cancellable.
        while (!mine.All(w => w.Answer.Task.IsCompleted))
        {
            await _writing.WaitAsync(CancellationToken.None);
            try
            {
                if (!mine.All(w => w.Answer.Task.IsCompleted)) await WriteAsync(Take());
            }
            finally
            {
                _writing.Release();
            }
        }

        return await Task.WhenAll(mine.Select(w => w.Answer.Task)).WaitAsync(ct);
    }

    public void Dispose()
    {
        _writing.Dispose();
        GC.SuppressFinalize(this);
    }

    private List<Waiting> Take()
    {
        var group = new List<Waiting>();
        while (group.Count < maxGroup && _queue.TryDequeue(out var next)) group.Add(next);
        return group;
    }

    private async Task WriteAsync(List<Waiting> group)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var answers = await WriteGroupAsync(scope.ServiceProvider, group.Select(w => w.Item).ToList());
                for (var i = 0; i < group.Count; i++) group[i].Answer.SetResult(answers[i]);
                return;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < Attempts)
            {
                // Another process won a key; the next attempt reads what it stored.
            }
            catch (Exception e) when (DbErrors.IsDeadlock(e) && attempt < Attempts)
            {
                // Another instance's group took the same keys in the other order, and PostgreSQL rolled this one back.
            }
            catch (Exception e)
            {
                foreach (var waiting in group) waiting.Answer.TrySetException(e);
                return;
            }
        }
    }
}
