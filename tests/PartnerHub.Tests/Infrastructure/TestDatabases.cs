using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;

namespace PartnerHub.Tests.Infrastructure;

/// <summary>
/// Fresh, fully migrated databases for tests: migrations run once per provider into a template, and each test
/// database is a copy of it (a file copy on SQLite, CREATE DATABASE ... TEMPLATE on PostgreSQL). Real databases, no fakes.
/// </summary>
public static class TestDatabases
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"partnerhub-tests-{Environment.ProcessId}");
    private static readonly Lazy<Task<string>> SqliteTemplate = new(CreateSqliteTemplateAsync);
    private static readonly Lazy<Task<string>> PostgresTemplate = new(CreatePostgresTemplateAsync);
    private static readonly SemaphoreSlim PostgresCreate = new(1, 1);

    /// <summary>Set by ./test.sh to a throwaway cluster; the PostgreSQL half of the suite cannot run without it.</summary>
    public static string PostgresServer => Environment.GetEnvironmentVariable("PARTNERHUB_TEST_POSTGRES")
        ?? throw new InvalidOperationException("PARTNERHUB_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL.");

    public static async Task<DatabaseSettings> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => await CreateSqliteAsync(),
        _ => await CreatePostgresAsync(),
    };

    private static async Task<DatabaseSettings> CreateSqliteAsync()
    {
        var template = await SqliteTemplate.Value;
        var file = Path.Combine(Root, $"{Guid.NewGuid():N}.db");
        File.Copy(template, file);
        return new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}");
    }

    private static async Task<DatabaseSettings> CreatePostgresAsync()
    {
        var template = await PostgresTemplate.Value;
        var name = $"phub_{Guid.NewGuid():N}";
        // CREATE DATABASE ... TEMPLATE fails if another copy of the same template is being made at the same moment.
        await PostgresCreate.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}", connection);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            PostgresCreate.Release();
        }

        // Idle pooled connections close within seconds: hundreds of test databases, each with a pool that would otherwise
        // keep its connections for five minutes, must not exhaust the server's connection slots.
        var settings = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1 };
        return new DatabaseSettings(DatabaseProvider.Postgres, settings.ConnectionString);
    }

    /// <summary>Drops a test database (PostgreSQL; SQLite files live in the run's temp folder), closing its pooled connections first.</summary>
    public static async Task DropAsync(DatabaseSettings settings)
    {
        if (settings.Provider != DatabaseProvider.Postgres) return;
        foreach (var pool in new[] { settings.ConnectionString, Database.WithAutoPrepare(settings.ConnectionString) }) // raw connections', EF Core's
            await using (var pooled = new NpgsqlConnection(pool)) NpgsqlConnection.ClearPool(pooled);
        var name = new NpgsqlConnectionStringBuilder(settings.ConnectionString).Database;
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<string> CreateSqliteTemplateAsync()
    {
        Directory.CreateDirectory(Root);
        var file = Path.Combine(Root, "template.db");
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False");
        await using (var db = Open(settings)) await db.MigrateAsync();
        return file;
    }

    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var name = $"phub_template_{Environment.ProcessId}";
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE); CREATE DATABASE {name}", connection);
            await drop.ExecuteNonQueryAsync();
        }

        var settings = new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = false }.ConnectionString);
        await using (var db = Open(settings)) await db.MigrateAsync();
        return name;
    }

    /// <summary>A context on the given database, outside any app, acting as the system.</summary>
    public static PartnerHubDb Open(DatabaseSettings settings, Actor? actor = null, TimeProvider? clock = null, params IInterceptor[] interceptors)
    {
        actor ??= new Actor();
        clock ??= TimeProvider.System;
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqlitePartnerHubDb>();
            Database.Configure(options, settings.Provider, settings.ConnectionString).AddInterceptors(interceptors);
            return new SqlitePartnerHubDb(options.Options, actor, clock);
        }

        var pg = new DbContextOptionsBuilder<PostgresPartnerHubDb>();
        Database.Configure(pg, settings.Provider, settings.ConnectionString).AddInterceptors(interceptors);
        return new PostgresPartnerHubDb(pg.Options, actor, clock);
    }

    public static void ReleaseSqliteFiles() => SqliteConnection.ClearAllPools();
}
