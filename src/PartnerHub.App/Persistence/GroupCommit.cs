using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PartnerHub.App.Persistence;

/// <summary>
/// Group commit, one queue per process (a singleton). Requests queue their items and wait; one writer loop takes every
/// queued item (up to the group size) into one transaction, commits, and takes the next group. One commit — on SQLite
/// one fsync of the write-ahead log, which alone costs more than most writes — then carries many requests' work, and the
/// database sees one writer per process. No item is answered before its group has committed. A unique-key violation
/// that escapes the group (another process stored the same thing meanwhile) rolls it back and writes it again, where
/// the late item finds what the other stored; so does a PostgreSQL deadlock (two instances' groups inserting the same
/// keys in crossed order), whose victim wrote nothing.
/// </summary>
public abstract class GroupCommit<TItem, TAnswer> : IDisposable
{
    private const int Attempts = 3;

    private readonly IServiceScopeFactory _scopes;
    private readonly int _maxGroup;
    private readonly Channel<Waiting> _queue = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });

    protected GroupCommit(IServiceScopeFactory scopes, int maxGroup)
    {
        (_scopes, _maxGroup) = (scopes, maxGroup);
        // The loop belongs to no request: it must not carry the context of the one that happened to create it.
        using (ExecutionContext.SuppressFlow()) _ = Task.Run(WriteQueuedAsync);
    }

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
        foreach (var waiting in mine)
            if (!_queue.Writer.TryWrite(waiting)) throw new ObjectDisposedException(GetType().Name, "The host is stopping.");
        // A group, once taken, is finished whatever happens to the request that queued into it: only the waiting is cancellable.
        return await Task.WhenAll(mine.Select(w => w.Answer.Task)).WaitAsync(ct);
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete(); // the loop writes what is queued, then ends
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The one writer. It goes from one group straight to the next while items wait. When a waiting request took the
    /// next group instead, the group started only once that request's continuation got a thread, behind the answers
    /// and responses that the last commit had just released.
    /// </summary>
    private async Task WriteQueuedAsync()
    {
        while (await _queue.Reader.WaitToReadAsync())
        {
            var group = new List<Waiting>();
            while (group.Count < _maxGroup && _queue.Reader.TryRead(out var next)) group.Add(next);
            await WriteAsync(group);
        }
    }

    private async Task WriteAsync(List<Waiting> group)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
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
