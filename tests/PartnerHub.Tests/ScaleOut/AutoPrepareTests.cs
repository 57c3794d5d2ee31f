using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartnerHub.App.Persistence;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.ScaleOut;

/// <summary>
/// On PostgreSQL a connection keeps the statements it runs most prepared (Npgsql's auto-prepare, 64 by default), so a
/// standing's dozen small queries are not parsed and planned each time; a connection string that sets it keeps its own.
/// </summary>
public sealed class AutoPrepareTests : IAsyncLifetime
{
    private DatabaseSettings _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabases.CreateAsync(DatabaseProvider.Postgres);

    public async ValueTask DisposeAsync() => await TestDatabases.DropAsync(_database);

    [Fact]
    public async Task A_query_run_again_and_again_is_prepared_once_on_its_connection()
    {
        await using var db = TestDatabases.Open(_database);
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < 6; i++) await db.Partners.CountAsync(p => p.ArchivedAt == null, TestContext.Current.CancellationToken);

        var prepared = await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements")
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(prepared, s => s.Contains("FROM partners", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_pool_still_frees_a_session_lock_left_on_a_connection_that_holds_prepared_statements()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = Random.Shared.NextInt64();
        await using (var db = TestDatabases.Open(_database))
        {
            await db.Database.OpenConnectionAsync(ct);
            for (var i = 0; i < 6; i++) await db.Partners.CountAsync(p => p.ArchivedAt == null, ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({key})", ct); // and never unlocked
        }

        // The pool hands the same connection out again and resets it first, prepared statements kept, the lock freed.
        await using var again = TestDatabases.Open(_database);
        await again.Database.OpenConnectionAsync(ct);
        Assert.NotEmpty(await again.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync(ct));
        await using var other = new NpgsqlConnection(_database.ConnectionString);
        await other.OpenAsync(ct);
        await using var probe = new NpgsqlCommand($"SELECT pg_try_advisory_lock({key})", other);
        Assert.True((bool)(await probe.ExecuteScalarAsync(ct))!);
    }

    [Fact]
    public void A_connection_string_that_sets_auto_prepare_keeps_its_setting()
    {
        Assert.Equal(64, new NpgsqlConnectionStringBuilder(Database.WithAutoPrepare("Host=db;Database=ph")).MaxAutoPrepare);
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(Database.WithAutoPrepare("Host=db;Database=ph;Max Auto Prepare=0")).MaxAutoPrepare);
        Assert.Equal(8, new NpgsqlConnectionStringBuilder(Database.WithAutoPrepare("Host=db;Database=ph;MaxAutoPrepare=8")).MaxAutoPrepare);
    }
}
