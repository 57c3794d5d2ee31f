using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartnerHub.App;
using PartnerHub.App.Csv;
using PartnerHub.App.Deals;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.App.Revenue;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;

namespace PartnerHub.Bench;

/// <summary>
/// Revenue ingestion and deal registration at volume, each next to a bare insert into the same database in the same run
/// (the practical limit): events through the import path (validate, attribute, accrue, post, chunks of 500 per
/// transaction) vs a bulk insert of the same rows; events through the HTTP API of an in-process host (one event per
/// request, exactly-once, concurrent clients) vs one bare INSERT per request at the same concurrency; and deal
/// registrations with the conflict check against N existing registrations vs one bare INSERT each.
/// </summary>
public static class RevenueBench
{
    private const int Partners = 1_000;

    public static async Task IngestAsync(Options options)
    {
        var settings = await FreshDatabaseAsync(options);
        var rows = options.Rows;
        Console.WriteLine($"revenue-ingest: {rows:N0} events, {Partners:N0} integration partners, into {settings.Describe()}");
        await using var services = await ServicesAsync(settings);
        await PartnersAsync(services);

        // Import path.
        var csv = Csv(rows, "imp");
        var import = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Actor>().ActAs("bench", "import");
            var report = (await scope.ServiceProvider.GetRequiredService<ImportRevenueEvents>().CsvAsync(csv, new ImportOptions(), null, CancellationToken.None)).Value;
            if (report.Created != rows) throw new InvalidOperationException($"Expected {rows} created, got {report.Created}: {string.Join("; ", report.Errors.Take(3))}");
        }

        import.Stop();
        var bulk = await TimeAsync(() => BareBulkAsync(settings, csv));
        Console.WriteLine($"  import path (validate, attribute, accrue, post; 500 per transaction): {import.Elapsed.TotalSeconds,8:F1} s  {rows / import.Elapsed.TotalSeconds,9:N0} events/s");
        Console.WriteLine($"  peer: bare bulk insert of the same rows ({(settings.Provider == DatabaseProvider.Sqlite ? "prepared INSERT, 1 transaction" : "binary COPY")}): {bulk.TotalSeconds,8:F1} s  {rows / bulk.TotalSeconds,9:N0} rows/s");
        Console.WriteLine($"  ratio import / bare bulk insert: {import.Elapsed / bulk:F1}x");

        // API path: an in-process host on a loopback port, concurrent clients, one event per request.
        var apiRows = options.ApiRows ?? rows;
        var concurrency = options.Concurrency;
        var app = Web.PartnerHubWeb.Build([
            "--urls=http://127.0.0.1:0", $"--Database:Provider={settings.Provider}", $"--Database:ConnectionString={settings.ConnectionString}",
            "--Demo:Load=false", "--RateLimits:ApiPerMinute=1000000000", "--Logging:LogLevel:Default=Warning", "--environment=Production",
        ]);
        await app.StartAsync();
        try
        {
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            string secret;
            await using (var scope = app.Services.CreateAsyncScope())
                secret = (await scope.ServiceProvider.GetRequiredService<ManageApiKeys>().CreateAsync(new NewApiKey("bench", ["revenue:write"]), CancellationToken.None)).Value.Secret;
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(url) };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
            var events = Events(apiRows, "api").ToArray();
            var (elapsed, latencies) = await ConcurrentAsync(apiRows, concurrency, async i =>
            {
                using var response = await client.PostAsJsonAsync("/api/v1/revenue-events", events[i]);
                if ((int)response.StatusCode != 201) throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            });
            var (bareElapsed, bareLatencies) = await BareSingleAsync(settings, apiRows, concurrency);
            Console.WriteLine($"  API, {concurrency} concurrent clients, 1 event per request: {elapsed.TotalSeconds,8:F1} s  {apiRows / elapsed.TotalSeconds,9:N0} events/s  p50 {P(latencies, 0.50):F2} ms  p99 {P(latencies, 0.99):F2} ms");
            Console.WriteLine($"  peer: bare INSERT per request, {concurrency} concurrent, autocommit:  {bareElapsed.TotalSeconds,8:F1} s  {apiRows / bareElapsed.TotalSeconds,9:N0} rows/s    p50 {P(bareLatencies, 0.50):F2} ms  p99 {P(bareLatencies, 0.99):F2} ms");
            Console.WriteLine($"  ratio API / bare insert (throughput): {apiRows / bareElapsed.TotalSeconds / (apiRows / elapsed.TotalSeconds):F1}x");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public static async Task RegisterAsync(Options options)
    {
        var settings = await FreshDatabaseAsync(options);
        var existing = options.Rows;
        var registrations = options.ApiRows ?? 2_000;
        Console.WriteLine($"deal-register: {registrations:N0} registrations against {existing:N0} existing, into {settings.Describe()}");
        await using var services = await ServicesAsync(settings);
        var partners = await PartnersAsync(services);

        var seed = await TimeAsync(() => SeedRegistrationsAsync(services, partners, existing));
        Console.WriteLine($"  seeding {existing:N0} registrations (EF Core, 10,000 per transaction): {seed.TotalSeconds:F1} s");

        var warm = await TimeAsync(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<RegisterDeal>().HandleAsync(partners[0], Details(existing + registrations + 1), CancellationToken.None);
            if (!result.IsSuccess) throw new InvalidOperationException(result.Error.Message);
        });
        Console.WriteLine($"  first registration (builds the conflict index from every active registration): {warm.TotalSeconds:F1} s");

        var latencies = new double[registrations];
        var conflicts = 0;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < registrations; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var scope = services.CreateAsyncScope();
            // Every tenth registration names a customer that is already registered: the conflict path.
            var details = i % 10 == 9 ? Details(i * 97 % existing) : Details(existing + i);
            var result = await scope.ServiceProvider.GetRequiredService<RegisterDeal>().HandleAsync(partners[(i + 1) % partners.Count], details, CancellationToken.None);
            if (!result.IsSuccess) conflicts++;
            latencies[i] = watch.Elapsed.TotalMilliseconds;
        }

        total.Stop();
        var (bareElapsed, bareLatencies) = await BareSingleAsync(settings, registrations, 1);
        Console.WriteLine($"  register with conflict check, sequential: {total.Elapsed.TotalSeconds,7:F1} s  {registrations / total.Elapsed.TotalSeconds,8:N0} /s  p50 {P(latencies, 0.50):F2} ms  p99 {P(latencies, 0.99):F2} ms  ({conflicts} conflicts refused)");
        Console.WriteLine($"  peer: bare INSERT, autocommit, sequential: {bareElapsed.TotalSeconds,7:F1} s  {registrations / bareElapsed.TotalSeconds,8:N0} /s  p50 {P(bareLatencies, 0.50):F2} ms  p99 {P(bareLatencies, 0.99):F2} ms");
    }

    private static readonly string[] Words =
    [
        "Bright", "North", "Blue", "Summit", "Cedar", "Nova", "Atlas", "Harbor", "Pixel", "Lumen", "Vertex", "Orbit", "Maple", "Signal",
        "Kite", "Ember", "Tidal", "Quartz", "Willow", "Falcon", "Aurora", "Granite", "Meadow", "Beacon", "Cobalt", "Juniper", "Prism",
        "Sable", "Zenith", "Copper", "Fjord", "Ridge", "Sparrow", "Lattice", "Mosaic", "Ion", "Crest", "Delta", "Echo", "Harvest",
    ];

    /// <summary>A distinct, realistic company per number: four words (40⁴ = 2.56 million names), not a shared prefix and a counter.</summary>
    private static DealRegistrationDetails Details(int n)
    {
        var w = Words;
        var name = $"{w[n % 40]} {w[n / 40 % 40]} {w[n / 1600 % 40]} {w[n / 64000 % 40]}";
        return Details(name, $"{name.Replace(' ', '-').ToLowerInvariant()}.com");
    }

    private static DealRegistrationDetails Details(string name, string domain) => new()
    {
        CustomerName = name + " Ltd", CustomerDomain = domain, ContactName = "Ada Buyer", ContactEmail = "ada@example.com",
        Product = "Enterprise plan", EstimatedValue = "48000.00", Currency = "USD", ExpectedCloseOn = new DateOnly(2027, 1, 31),
    };

    private static async Task SeedRegistrationsAsync(ServiceProvider services, List<PartnerId> partners, int count)
    {
        var now = DateTimeOffset.UtcNow.AddDays(-1);
        for (var start = 0; start < count; start += 10_000)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + 10_000); i++)
            {
                var valid = Details(i).Validate(now);
                db.DealRegistrations.Add(DealRegistration.Submit(valid.Value, partners[i % partners.Count], now.AddTicks(i * 10)));
            }

            await db.SaveChangesAsync();
        }
    }

    private static async Task<ServiceProvider> ServicesAsync(DatabaseSettings settings)
    {
        var collection = new ServiceCollection().AddLogging();
        collection.AddPartnerHub(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), settings);
        var services = collection.BuildServiceProvider();
        await Startup.PrepareAsync(services, loadDemo: false);
        return services;
    }

    private static async Task<List<PartnerId>> PartnersAsync(ServiceProvider services)
    {
        var text = new StringBuilder("external_id,name,domain,subcategory,stage,agreement_starts_on\n");
        for (var i = 0; i < Partners; i++) text.Append(CultureInfo.InvariantCulture, $"bp-{i},Bench Partner {i:D5},bench-partner{i}.example.com,integration,active,2024-01-01\n");
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ImportPartners>().HandleAsync(Encoding.UTF8.GetBytes(text.ToString()), new ImportOptions(), null, CancellationToken.None);
        if (report.Created != Partners) throw new InvalidOperationException(string.Join("; ", report.Errors.Take(3)));
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        return await db.Partners.OrderBy(p => p.ExternalId).Select(p => p.Id).ToListAsync();
    }

    /// <summary>Payments (most), refunds of earlier payments, and invoices; each names its partner by domain and a customer.</summary>
    private static IEnumerable<Dictionary<string, string?>> Events(int rows, string prefix)
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
                ["customer"] = $"cus-{partner}-{random.Next(20)}", ["partner"] = kind == "refund" ? null : $"bench-partner{partner}.example.com", ["refunds"] = refunds,
            };
        }
    }

    private static byte[] Csv(int rows, string prefix)
    {
        var text = new StringBuilder("external_id,kind,occurred_on,amount,currency,customer,partner,refunds\n");
        foreach (var e in Events(rows, prefix))
            text.Append(CultureInfo.InvariantCulture, $"{e["id"]},{e["kind"]},{e["occurredOn"]},{e["amount"]},{e["currency"]},{e["customer"]},{e["partner"]},{e["refunds"]}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task<(TimeSpan Elapsed, double[] Latencies)> ConcurrentAsync(int count, int concurrency, Func<int, Task> call)
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
    private static async Task<(TimeSpan, double[])> BareSingleAsync(DatabaseSettings settings, int count, int concurrency)
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
                    insert.CommandText = $"INSERT INTO {table} VALUES ({i}, 'bare-{i}', 'payment', '2026-01-01', {i * 100L}, 'USD', 'cus-{i % 977}', 'bench-partner{i % Partners}.example.com')";
                    await insert.ExecuteNonQueryAsync();
                }

                connections.Add(connection);
            });
        }
        finally
        {
            foreach (var c in connections) await c.DisposeAsync();
        }
    }

    private static async Task BareBulkAsync(DatabaseSettings settings, byte[] csv)
    {
        var lines = Encoding.UTF8.GetString(csv).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        const string Columns = "(id bigint PRIMARY KEY, external_id text NOT NULL UNIQUE, kind text, occurred_on text, amount text, currency text, customer text, partner text, refunds text)";
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(settings.ConnectionString);
            await connection.OpenAsync();
            await using (var ddl = connection.CreateCommand())
            {
                ddl.CommandText = "CREATE TABLE bare_revenue_events " + Columns;
                await ddl.ExecuteNonQueryAsync();
            }

            await using var tx = await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO bare_revenue_events VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8)";
            var p = Enumerable.Range(0, 9).Select(i => insert.Parameters.Add("$" + i, i == 0 ? SqliteType.Integer : SqliteType.Text)).ToArray();
            var n = 0L;
            foreach (var line in lines)
            {
                var cells = line.Split(',');
                p[0].Value = n++;
                for (var i = 0; i < 8; i++) p[i + 1].Value = cells[i];
                await insert.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
            return;
        }

        await using var pg = new NpgsqlConnection(settings.ConnectionString);
        await pg.OpenAsync();
        await using (var ddl = new NpgsqlCommand("CREATE TABLE bare_revenue_events " + Columns, pg)) await ddl.ExecuteNonQueryAsync();
        await using var writer = await pg.BeginBinaryImportAsync("COPY bare_revenue_events FROM STDIN (FORMAT BINARY)");
        var id = 0L;
        foreach (var line in lines)
        {
            var cells = line.Split(',');
            await writer.StartRowAsync();
            await writer.WriteAsync(id++);
            foreach (var cell in cells.Take(8)) await writer.WriteAsync(cell);
        }

        await writer.CompleteAsync();
    }

    private static async Task ExecuteAsync(DatabaseSettings settings, string sql)
    {
        await using System.Data.Common.DbConnection connection = settings.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(settings.ConnectionString) : new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static double P(double[] values, double quantile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> run)
    {
        var watch = Stopwatch.StartNew();
        await run();
        return watch.Elapsed;
    }

    private static async Task<DatabaseSettings> FreshDatabaseAsync(Options options)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
            return new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), $"partnerhub-bench-{Guid.NewGuid():N}.db")}");
        var server = options.Connection ?? Environment.GetEnvironmentVariable("PARTNERHUB_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Give --connection or PARTNERHUB_TEST_POSTGRES for PostgreSQL.");
        var name = $"phub_bench_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }
}
