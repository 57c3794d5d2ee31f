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
            Assert.Equal(30_000, await PragmaAsync(db, "busy_timeout", ct)); // SQLite's short waits, as long as the default command timeout
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
