using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartnerHub.App.Identity;

namespace PartnerHub.App.Persistence;

/// <summary>Which database PartnerHub uses: SQLite in a local file by default, PostgreSQL in production.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteFile = "data/partnerhub.db";

    /// <summary>
    /// Reads <c>Database:Provider</c> (Sqlite or Postgres) and <c>Database:ConnectionString</c> (environment:
    /// <c>Database__Provider</c>, <c>Database__ConnectionString</c>). Without them: a SQLite file under ./data.
    /// </summary>
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{providerText}'.");
        var connectionString = configuration["Database:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException("Database:Provider is Postgres but Database:ConnectionString is not set.");
            connectionString = $"Data Source={DefaultSqliteFile}";
        }

        return new DatabaseSettings(provider, connectionString);
    }

    /// <summary>Where the data lives, for the start-up line: the SQLite file's full path, or the PostgreSQL host and database.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
            return "SQLite " + Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource);
        var pg = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {pg.Host}:{pg.Port}/{pg.Database}";
    }
}

public static class Database
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        _ = provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsHistoryTable("ef_migrations")),
            DatabaseProvider.Postgres => options.UseNpgsql(WithAutoPrepare(connectionString), o => o.MigrationsHistoryTable("ef_migrations")),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        options.UseSnakeCaseNamingConvention();
        return options;
    }

    /// <summary>
    /// Lets Npgsql prepare the 64 statements a connection runs most, unless the connection string sets it: a standing's
    /// dozen small queries are then bound, not parsed and planned, each time (docs/performance.md, eighth pass). The
    /// pool's reset keeps them and still frees everything else, advisory locks included (Npgsql resets without
    /// <c>DISCARD ALL</c> when a connection holds prepared statements).
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "").Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))) return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString;
    }

    public static IServiceCollection AddPartnerHubData(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddScoped<Actor>();
        services.AddSingleton(TimeProvider.System);
        // The options are the same for every context, so they are built once (singleton), not once per request's scope.
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<SqlitePartnerHubDb>((sp, o) =>
            {
                Configure(o, settings.Provider, settings.ConnectionString);
                if (sp.GetService<WalCheckpointer>() is not null) o.AddInterceptors(WalCheckpointer.Interceptor); // it checkpoints, mostly instead of the commits
            }, optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<PartnerHubDb>(sp => sp.GetRequiredService<SqlitePartnerHubDb>());
        }
        else
        {
            services.AddDbContext<PostgresPartnerHubDb>(o => Configure(o, settings.Provider, settings.ConnectionString), optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<PartnerHubDb>(sp => sp.GetRequiredService<PostgresPartnerHubDb>());
        }

        return services;
    }

    /// <summary>Creates the SQLite file's folder if needed and applies every pending migration.</summary>
    public static async Task MigrateAsync(this PartnerHubDb db, CancellationToken ct = default)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder) && file != ":memory:") Directory.CreateDirectory(folder);
        }

        await db.Database.MigrateAsync(ct);
        if (db.Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct); // readers never wait for the writer
    }
}
