using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartnerHub.App;
using PartnerHub.App.Csv;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.App.Revenue;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;

namespace PartnerHub.Bench;

/// <summary>
/// What the HTTP and use-case benchmarks share: the database they run on, the bench partners, generated revenue events
/// and registrations, in-process web hosts, the bare-insert peer, and percentiles.
/// </summary>
internal static class BenchSupport
{
    /// <summary>Integration partners the revenue and deal benchmarks spread their rows over.</summary>
    public const int Partners = 1_000;

    /// <summary>A fresh database (a new SQLite file, or a new PostgreSQL database on the server), or the one named by --file.</summary>
    public static async Task<DatabaseSettings> DatabaseAsync(Options options)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
            return new DatabaseSettings(DatabaseProvider.Sqlite,
                $"Data Source={options.File ?? Path.Combine(Path.GetTempPath(), $"partnerhub-bench-{Guid.NewGuid():N}.db")}");
        var server = options.Connection ?? Environment.GetEnvironmentVariable("PARTNERHUB_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Give --connection or PARTNERHUB_TEST_POSTGRES for PostgreSQL.");
        if (options.KeepDatabase) return new DatabaseSettings(DatabaseProvider.Postgres, server);
        var name = $"phub_bench_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    /// <summary>Removes a database that <see cref="DatabaseAsync"/> made for this run; one named by --file or kept is left alone.</summary>
    public static async Task DropIfFreshAsync(DatabaseSettings settings, Options options)
    {
        if (options.File is not null || options.KeepDatabase) return;
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(settings.ConnectionString).Database;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The app's services on <paramref name="settings"/>, with the database migrated and the seed program published.</summary>
    public static async Task<ServiceProvider> ServicesAsync(DatabaseSettings settings)
    {
        var collection = new ServiceCollection().AddLogging();
        collection.AddPartnerHub(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), settings);
        var services = collection.BuildServiceProvider();
        await Startup.PrepareAsync(services, loadDemo: false);
        return services;
    }

    /// <summary>The <see cref="Partners"/> bench partners (integration, revenue share since 2024-01-01), imported unless a run before made them.</summary>
    public static async Task<List<PartnerId>> PartnersAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        if (await db.Partners.CountAsync(p => p.ExternalId!.StartsWith("bp-")) < Partners)
        {
            var text = new StringBuilder("external_id,name,domain,subcategory,stage,agreement_starts_on\n");
            for (var i = 0; i < Partners; i++) text.Append(CultureInfo.InvariantCulture, $"bp-{i},Bench Partner {i:D5},{PartnerDomain(i)},integration,active,2024-01-01\n");
            var report = await scope.ServiceProvider.GetRequiredService<ImportPartners>().HandleAsync(Encoding.UTF8.GetBytes(text.ToString()), new ImportOptions(), null, CancellationToken.None);
            if (report.Created + report.Unchanged + report.Updated != Partners) throw new InvalidOperationException(string.Join("; ", report.Errors.Take(3)));
        }

        return await db.Partners.Where(p => p.ExternalId!.StartsWith("bp-")).OrderBy(p => p.ExternalId).Select(p => p.Id).ToListAsync();
    }

    public static string PartnerDomain(int partner) => $"bench-partner{partner}.example.com";

    /// <summary>Payments (most), refunds of earlier payments, and invoices; each names its partner by domain and a customer.</summary>
    public static IEnumerable<Dictionary<string, string?>> Events(int rows, string prefix)
    {
        var random = new Random(42);
        var start = new DateOnly(2025, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            var partner = random.Next(Partners);
            var kind = i % 10 == 9 && i > 10 ? "refund" : i % 10 == 8 ? "invoice" : "payment";
            var refunds = kind == "refund" ? $"{prefix}-{i - 9}" : null; // i − 9 is a payment; the refund is attributed through it
            yield return new Dictionary<string, string?>
            {
                ["id"] = $"{prefix}-{i}", ["kind"] = kind, ["occurredOn"] = start.AddDays((int)(i * 500L / rows)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["amount"] = (random.Next(1_000, 500_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture), ["currency"] = "USD",
                ["customer"] = $"cus-{partner}-{random.Next(20)}", ["partner"] = kind == "refund" ? null : PartnerDomain(partner), ["refunds"] = refunds,
            };
        }
    }

    public static byte[] Csv(int rows, string prefix)
    {
        var text = new StringBuilder("external_id,kind,occurred_on,amount,currency,customer,partner,refunds\n");
        foreach (var e in Events(rows, prefix))
            text.Append(CultureInfo.InvariantCulture, $"{e["id"]},{e["kind"]},{e["occurredOn"]},{e["amount"]},{e["currency"]},{e["customer"]},{e["partner"]},{e["refunds"]}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Stores <paramref name="rows"/> revenue events through the import path (what `partnerhub events import` runs).</summary>
    public static async Task SeedEventsAsync(ServiceProvider services, int rows, string prefix)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Actor>().ActAs("bench", "import");
        var report = (await scope.ServiceProvider.GetRequiredService<ImportRevenueEvents>().CsvAsync(Csv(rows, prefix), new ImportOptions(), null, CancellationToken.None)).Value;
        if (report.Created != rows) throw new InvalidOperationException($"Expected {rows} created, got {report.Created}: {string.Join("; ", report.Errors.Take(3))}");
    }

    /// <summary>Stores <paramref name="count"/> submitted registrations of <see cref="CompanyNames.Details(long, NameStyle)"/> 0 … count − 1 through EF Core.</summary>
    public static async Task SeedRegistrationsAsync(ServiceProvider services, List<PartnerId> partners, int count, NameStyle style)
    {
        var now = TimeProvider.System.GetUtcNow().AddDays(-1);
        for (var start = 0; start < count; start += 10_000)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + 10_000); i++)
            {
                var valid = CompanyNames.Details(i, style).Validate(now);
                db.DealRegistrations.Add(DealRegistration.Submit(valid.Value, partners[i % partners.Count], now.AddTicks(i * 10)));
            }

            await db.SaveChangesAsync();
        }
    }

    /// <summary>A web host in this process on a loopback port (Kestrel), as `partnerhub serve` runs it, with rate limits out of the way.</summary>
    public static async Task<(WebApplication App, string Url)> StartHostAsync(DatabaseSettings settings)
    {
        var app = Web.PartnerHubWeb.Build([
            "--urls=http://127.0.0.1:0", $"--Database:Provider={settings.Provider}", $"--Database:ConnectionString={settings.ConnectionString}",
            "--Demo:Load=false", "--RateLimits:ApiPerMinute=1000000000", "--Logging:LogLevel:Default=Warning", "--environment=Production",
        ]);
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>A new API key with <paramref name="scopes"/>, made through the host's own use case; its secret.</summary>
    public static async Task<string> ApiKeyAsync(IServiceProvider services, params string[] scopes)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ManageApiKeys>().CreateAsync(new NewApiKey("bench", scopes), CancellationToken.None)).Value.Secret;
    }

    /// <summary>Runs <paramref name="call"/> for 0 … count − 1 on <paramref name="concurrency"/> workers; the elapsed time and each call's latency in ms.</summary>
    public static async Task<(TimeSpan Elapsed, double[] Latencies)> ConcurrentAsync(int count, int concurrency, Func<int, Task> call)
    {
        var latencies = new double[count];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var watch = Stopwatch.StartNew();
                await call(i);
                latencies[i] = watch.Elapsed.TotalMilliseconds;
            }
        })));
        return (total.Elapsed, latencies);
    }

    /// <summary>The practical limit of one row per request: one autocommit INSERT of a narrow row per call, at the same concurrency.</summary>
    public static async Task<(TimeSpan Elapsed, double[] Latencies)> BareSingleAsync(DatabaseSettings settings, int count, int concurrency)
    {
        var table = $"bare_single_{Guid.NewGuid():N}"[..24];
        await ExecuteAsync(settings, $"CREATE TABLE {table} (id bigint PRIMARY KEY, external_id text NOT NULL UNIQUE, kind text, occurred_on text, amount_minor bigint, currency text, customer text, partner text)");
        var connections = new ConcurrentBag<System.Data.Common.DbConnection>();
        try
        {
            return await ConcurrentAsync(count, concurrency, async i =>
            {
                if (!connections.TryTake(out var connection))
                {
                    connection = settings.Provider == DatabaseProvider.Sqlite ? new SqliteConnection(settings.ConnectionString) : new NpgsqlConnection(settings.ConnectionString);
                    await connection.OpenAsync();
                    if (connection is SqliteConnection)
                        await using (var pragma = connection.CreateCommand()) { pragma.CommandText = "PRAGMA busy_timeout=30000"; await pragma.ExecuteNonQueryAsync(); }
                }

                await using (var insert = connection.CreateCommand())
                {
                    insert.CommandText = $"INSERT INTO {table} VALUES ({i}, 'bare-{i}', 'payment', '2026-01-01', {i * 100L}, 'USD', 'cus-{i % 977}', '{PartnerDomain(i % Partners)}')";
                    await insert.ExecuteNonQueryAsync();
                }

                connections.Add(connection);
            });
        }
        finally
        {
            foreach (var c in connections) await c.DisposeAsync();
            await ExecuteAsync(settings, $"DROP TABLE {table}");
        }
    }

    public static async Task ExecuteAsync(DatabaseSettings settings, string sql)
    {
        await using System.Data.Common.DbConnection connection = settings.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(settings.ConnectionString) : new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The nearest-rank quantile of <paramref name="values"/> (0 when there are none).</summary>
    public static double P(IReadOnlyCollection<double> values, double quantile)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static async Task<TimeSpan> TimeAsync(Func<Task> run)
    {
        var watch = Stopwatch.StartNew();
        await run();
        return watch.Elapsed;
    }
}
