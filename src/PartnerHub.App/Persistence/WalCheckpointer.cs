using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace PartnerHub.App.Persistence;

/// <summary>
/// Checkpoints a SQLite database's write-ahead log in the background instead of in the writers' commits
/// (docs/adr/0027-sqlite-checkpoints-off-the-writers-path.md). Left to itself, SQLite checkpoints in the commit that
/// takes the log past 1,000 pages: that commit copies the pages into the database file and syncs it while the writer,
/// and every request queued behind it, waits. In a host with this service:
/// <list type="bullet">
/// <item>every <see cref="Interval"/> a passive checkpoint copies the log into the database file, waiting for no one;</item>
/// <item>past <see cref="RestartPages"/> a restart checkpoint follows: it holds the writers back while it copies the few
/// pages written meanwhile, so that the next commit writes the log from its start (a passive checkpoint never catches up
/// with a busy writer, and the log would grow without end);</item>
/// <item>the app's connections (<see cref="Interceptor"/>) checkpoint in a commit only past <see cref="CommitCheckpointPages"/>,
/// should the service fall behind, and wait for a lock a millisecond at a time (<see cref="SqliteLockWait"/>;
/// Microsoft.Data.Sqlite's own retry sleeps 150 ms).</item>
/// </list>
/// Each commit still syncs the log, so what was committed stays committed.
/// </summary>
public sealed partial class WalCheckpointer(DatabaseSettings settings, TimeProvider clock, ILogger<WalCheckpointer> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>SQLite's own checkpoint size (4 MiB of 4 KiB pages).</summary>
    public const int RestartPages = 1_000;

    public const int CommitCheckpointPages = 10_000;

    // How long a restart waits for the writer's transaction, then for readers still in the log, holding writers back meanwhile.
    private const int RestartWaitMs = 50;

    /// <summary>Sets the commit checkpoint and the lock wait on every connection the app's contexts open.</summary>
    public static IInterceptor Interceptor { get; } = new ConnectionSettings();

    // Read-write, not create: a checkpoint never brings a deleted database file back. A one-second command timeout: should
    // a pass ever meet Microsoft.Data.Sqlite's busy retries, it gives up soon and the next pass tries again.
    private readonly string _connectionString = settings.Provider != DatabaseProvider.Sqlite ? ""
        : new SqliteConnectionStringBuilder(settings.ConnectionString) { Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 1 }.ConnectionString;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Provider != DatabaseProvider.Sqlite) return; // PostgreSQL checkpoints in its own processes
        // A fixed cadence, not a wait after each pass: that spaced the passes by their own duration too, and the longer
        // log cost revenue writes 8 % (docs/performance.md, eighteenth pass).
        var cadence = new Cadence(Interval, clock);
        while (true)
        {
            await cadence.WaitAsync(stoppingToken);
            await CheckpointAsync(stoppingToken);
        }
    }

    /// <summary>One pass: the pages in the log, and how many of them are in the database file now.</summary>
    public async Task<(long Logged, long Copied)> CheckpointAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(ct);
            raw.sqlite3_busy_timeout(connection.Handle, RestartWaitMs);
            var pages = await RunAsync(connection, "PASSIVE", ct);
            return pages.Logged >= RestartPages ? await RunAsync(connection, "RESTART", ct) : pages;
        }
        catch (SqliteException e)
        {
            // The file is away or locked: the log keeps every commit, and the next pass copies it.
            Failed(log, e);
            return (0, 0);
        }
    }

    // Blocked, a checkpoint still answers its row (its first column 1), so it never reaches Microsoft.Data.Sqlite's retries.
    private static async Task<(long Logged, long Copied)> RunAsync(SqliteConnection connection, string mode, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode})";
        await using var row = await command.ExecuteReaderAsync(ct);
        await row.ReadAsync(ct);
        return (row.GetInt64(1), row.GetInt64(2));
    }

    [LoggerMessage(LogLevel.Warning, "SQLite checkpoint failed; trying again at the next interval.")]
    private static partial void Failed(ILogger log, Exception exception);

    private sealed class ConnectionSettings : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        // Both belong to the native connection, which the pool keeps; setting them again on each open costs two calls.
        private static void Apply(DbConnection connection)
        {
            var sqlite = (SqliteConnection)connection;
            raw.sqlite3_wal_autocheckpoint(sqlite.Handle, CommitCheckpointPages);
            SqliteLockWait.Apply(sqlite);
        }
    }
}
