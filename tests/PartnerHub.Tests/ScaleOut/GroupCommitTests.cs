using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartnerHub.App.Persistence;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.ScaleOut;

/// <summary>
/// The group writer. A group that PostgreSQL chose as a deadlock's victim (two instances' groups inserting the same keys
/// in crossed order) wrote nothing, so it is written again and its requests are answered; any other failure still fails
/// them at once. A stopping host writes what was queued and refuses the rest.
/// </summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Items_queued_while_a_group_is_written_go_in_the_next_group_and_a_stopped_writer_refuses_new_ones()
    {
        var release = new TaskCompletionSource();
        var writer = new Echo(failFirst: null, firstGroup: release.Task);
        var first = writer.WriteAsync(["a"]);
        await writer.FirstGroupStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var second = writer.WriteAsync(["b"]);
        var third = writer.WriteAsync(["c", "d"]);
        writer.Dispose(); // the host stops: what is queued is still written
        release.SetResult();

        Assert.Equal(["a"], await first);
        Assert.Equal(["b"], await second);
        Assert.Equal(["c", "d"], await third);
        Assert.Equal([["a"], ["b", "c", "d"]], writer.Groups);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.WriteAsync(["e"]));
    }

    [Fact]
    public async Task A_group_chosen_as_a_deadlock_victim_is_written_again_and_answered()
    {
        var deadlock = await RealDeadlockAsync();
        using var writer = new Echo(failFirst: new DbUpdateException("An error occurred while saving the entity changes.", deadlock));

        Assert.Equal(["a", "b"], await writer.WriteAsync(["a", "b"]));
        Assert.Equal(2, writer.Attempts);
    }

    [Fact]
    public async Task Any_other_failure_fails_the_group_at_once()
    {
        using var writer = new Echo(failFirst: new InvalidOperationException("broken"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(["a"]));
        Assert.Equal(1, writer.Attempts);
    }

    /// <summary>Two transactions each hold one advisory lock and wait for the other's: PostgreSQL aborts one (after its 1 s deadlock_timeout).</summary>
    private static async Task<PostgresException> RealDeadlockAsync()
    {
        var (a, b) = (Random.Shared.NextInt64(), Random.Shared.NextInt64());
        await using var one = new NpgsqlConnection(TestDatabases.PostgresServer);
        await using var two = new NpgsqlConnection(TestDatabases.PostgresServer);
        await one.OpenAsync(TestContext.Current.CancellationToken);
        await two.OpenAsync(TestContext.Current.CancellationToken);
        await RunAsync(one, "BEGIN");
        await RunAsync(two, "BEGIN");
        await LockAsync(one, a);
        await LockAsync(two, b);

        // The victim's transaction is aborted, which frees its lock, so the other goes on.
        var waits = await Task.WhenAll(FailureOf(LockAsync(one, b)), FailureOf(LockAsync(two, a)));
        var error = Assert.IsType<PostgresException>(Assert.Single(waits, e => e is not null));
        Assert.Equal(PostgresErrorCodes.DeadlockDetected, error.SqlState);
        return error;
    }

    private static async Task<Exception?> FailureOf(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (PostgresException e)
        {
            return e;
        }
    }

    private static Task LockAsync(NpgsqlConnection connection, long key) => RunAsync(connection, $"SELECT pg_advisory_xact_lock({key})");

    private static async Task RunAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Answers each item with itself and notes each group; its first attempt fails with <paramref name="failFirst"/>, if
    /// given, or waits for <paramref name="firstGroup"/>.
    /// </summary>
    private sealed class Echo(Exception? failFirst, Task? firstGroup = null)
        : GroupCommit<string, string>(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), maxGroup: 10)
    {
        public int Attempts { get; private set; }

        public List<string[]> Groups { get; } = [];

        public TaskCompletionSource FirstGroupStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string[]> WriteAsync(string[] items) => SubmitAsync(items, TestContext.Current.CancellationToken);

        protected override async Task<string[]> WriteGroupAsync(IServiceProvider services, IReadOnlyList<string> group)
        {
            if (++Attempts == 1)
            {
                if (failFirst is not null) throw failFirst;
                FirstGroupStarted.SetResult();
                if (firstGroup is not null) await firstGroup;
            }

            Groups.Add(group.ToArray());
            return group.ToArray();
        }
    }
}
