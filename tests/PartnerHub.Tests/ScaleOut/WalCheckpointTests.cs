using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Persistence;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.ScaleOut;

/// <summary>
/// On SQLite a host's checkpointer copies the write-ahead log into the database file, on its own clock; the commits
/// leave it alone unless the log grows past ten times SQLite's own size (ADR 27).
/// </summary>
public sealed class WalCheckpointTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const int Megabyte = 1 << 20;

    [Fact]
    public async Task Commits_leave_the_log_to_the_checkpointer_which_copies_it_on_its_interval()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = new FileInfo(new SqliteConnectionStringBuilder(app.Database.ConnectionString).DataSource);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
            await db.Database.OpenConnectionAsync(ct);
            Assert.Equal(WalCheckpointer.CommitCheckpointPages, await PragmaAsync(db, "wal_autocheckpoint", ct));
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE scratch (b BLOB)", ct);
            file.Refresh();
            var before = file.Length;
            // 8 MiB in eight commits: SQLite's own checkpoint would run in a commit once the log passed 1,000 pages (4 MiB).
            for (var i = 0; i < 8; i++) await db.Database.ExecuteSqlRawAsync($"INSERT INTO scratch VALUES (randomblob({Megabyte}))", ct);

            file.Refresh();
            Assert.True(file.Length < before + Megabyte, $"a commit checkpointed: the database file grew from {before} to {file.Length} bytes");
            Assert.True(new FileInfo(file.FullName + "-wal").Length >= 8 * Megabyte);
        }

        app.Clock.Advance(WalCheckpointer.Interval);
        var waited = Stopwatch.StartNew(); // the checkpointer runs on another thread, in wall time
        while (Length(file) < 8 * Megabyte && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(20, ct);
        Assert.True(Length(file) >= 8 * Megabyte, $"the checkpointer did not copy the log: the database file is {Length(file)} bytes");
    }

    [Fact]
    public async Task A_writer_waiting_for_the_lock_takes_it_within_milliseconds_of_its_release()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var holder = await HoldWriteLockAsync(ct);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        await db.Database.OpenConnectionAsync(ct);

        // The holder keeps the write lock for 340 ms of the writer's wait. SQLite's own wait sleeps in
        // growing steps, by then of 100 ms (it tries again at 328 and 428 ms), so it would take the lock about 90 ms late.
        var waiting = Stopwatch.StartNew();
        var released = Task.Run(async () =>
        {
            while (waiting.Elapsed < TimeSpan.FromMilliseconds(340)) await Task.Delay(2, ct);
            await ExecuteAsync(holder, "COMMIT", ct);
            return waiting.Elapsed;
        }, ct);
        await db.Database.ExecuteSqlRawAsync("BEGIN IMMEDIATE; ROLLBACK", ct); // waits for the holder's lock
        var taken = waiting.Elapsed;

        var late = taken - await released;
        Assert.True(late < TimeSpan.FromMilliseconds(40), $"the waiting writer took the lock {late.TotalMilliseconds:F0} ms after its release");
    }

    [Fact]
    public async Task A_writer_gives_up_waiting_for_the_lock_after_its_connection_timeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var holder = await HoldWriteLockAsync(ct);
        await using var waiter = new SqliteConnection(new SqliteConnectionStringBuilder(app.Database.ConnectionString) { DefaultTimeout = 1 }.ConnectionString);
        await waiter.OpenAsync(ct);
        SqliteLockWait.Apply(waiter);

        var waited = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(waiter, "BEGIN IMMEDIATE", ct));
        Assert.Equal(5, refused.SqliteErrorCode); // SQLITE_BUSY
        Assert.InRange(waited.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        await ExecuteAsync(holder, "ROLLBACK", ct);
    }

    /// <summary>Another connection (a job, say, or another process) in a write transaction: it holds the write lock.</summary>
    private async Task<SqliteConnection> HoldWriteLockAsync(CancellationToken ct)
    {
        var holder = new SqliteConnection(app.Database.ConnectionString);
        await holder.OpenAsync(ct);
        await ExecuteAsync(holder, "BEGIN IMMEDIATE", ct);
        return holder;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> PragmaAsync(PartnerHubDb db, string name, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static long Length(FileInfo file)
    {
        file.Refresh();
        return file.Length;
    }
}
