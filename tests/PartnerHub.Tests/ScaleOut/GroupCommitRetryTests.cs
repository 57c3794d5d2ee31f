using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartnerHub.App.Persistence;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.ScaleOut;

/// <summary>
/// A group that PostgreSQL chose as a deadlock's victim (two instances' groups inserting the same keys in crossed order)
/// wrote nothing, so it is written again and its requests are answered; any other failure still fails them at once.
/// </summary>
public sealed class GroupCommitRetryTests
{
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

    /// <summary>Answers each item with itself; its first attempt fails with <paramref name="failFirst"/>.</summary>
    private sealed class Echo(Exception failFirst)
        : GroupCommit<string, string>(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), maxGroup: 10)
    {
        public int Attempts { get; private set; }

        public Task<string[]> WriteAsync(string[] items) => SubmitAsync(items, TestContext.Current.CancellationToken);

        protected override Task<string[]> WriteGroupAsync(IServiceProvider services, IReadOnlyList<string> group) =>
            ++Attempts == 1 ? Task.FromException<string[]>(failFirst) : Task.FromResult(group.ToArray());
    }
}
