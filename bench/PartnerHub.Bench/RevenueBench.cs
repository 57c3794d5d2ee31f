using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartnerHub.App.Deals;
using PartnerHub.App.Persistence;
using static PartnerHub.Bench.BenchSupport;

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
    public static async Task IngestAsync(Options options)
    {
        var settings = await DatabaseAsync(options);
        var rows = options.Rows;
        Console.WriteLine($"revenue-ingest: {rows:N0} events, {Partners:N0} integration partners, into {settings.Describe()}");
        await using var services = await ServicesAsync(settings);
        await PartnersAsync(services);

        // Import path.
        var csv = Csv(rows, "imp");
        var import = await TimeAsync(() => SeedEventsAsync(services, rows, "imp"));
        var bulk = await TimeAsync(() => BareBulkAsync(settings, csv));
        Console.WriteLine($"  import path (validate, attribute, accrue, post; 500 per transaction): {import.TotalSeconds,8:F1} s  {rows / import.TotalSeconds,9:N0} events/s");
        Console.WriteLine($"  peer: bare bulk insert of the same rows ({(settings.Provider == DatabaseProvider.Sqlite ? "prepared INSERT, 1 transaction" : "binary COPY")}): {bulk.TotalSeconds,8:F1} s  {rows / bulk.TotalSeconds,9:N0} rows/s");
        Console.WriteLine($"  ratio import / bare bulk insert: {import / bulk:F1}x");

        // API path: an in-process host on a loopback port, concurrent clients, one event per request.
        var apiRows = options.ApiRows ?? rows;
        var concurrency = options.Concurrency ?? 8;
        var (app, url) = await StartHostAsync(settings);
        try
        {
            var secret = await ApiKeyAsync(app.Services, "revenue:write");
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
        var settings = await DatabaseAsync(options);
        var existing = options.Rows;
        var registrations = options.ApiRows ?? 2_000;
        Console.WriteLine($"deal-register: {registrations:N0} registrations against {existing:N0} existing ({options.Names} names), into {settings.Describe()}");
        await using var services = await ServicesAsync(settings);
        var partners = await PartnersAsync(services);

        var seed = await TimeAsync(() => SeedRegistrationsAsync(services, partners, existing, options.Names));
        Console.WriteLine($"  seeding {existing:N0} registrations (EF Core, 10,000 per transaction): {seed.TotalSeconds:F1} s");

        var warm = await TimeAsync(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<RegisterDeal>().HandleAsync(partners[0], CompanyNames.Details(existing + registrations + 1, options.Names), CancellationToken.None);
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
            var details = CompanyNames.Details(i % 10 == 9 ? i * 97 % existing : existing + i, options.Names);
            var result = await scope.ServiceProvider.GetRequiredService<RegisterDeal>().HandleAsync(partners[(i + 1) % partners.Count], details, CancellationToken.None);
            if (!result.IsSuccess) conflicts++;
            latencies[i] = watch.Elapsed.TotalMilliseconds;
        }

        total.Stop();
        var (bareElapsed, bareLatencies) = await BareSingleAsync(settings, registrations, 1);
        Console.WriteLine($"  register with conflict check, sequential: {total.Elapsed.TotalSeconds,7:F1} s  {registrations / total.Elapsed.TotalSeconds,8:N0} /s  p50 {P(latencies, 0.50):F2} ms  p99 {P(latencies, 0.99):F2} ms  ({conflicts} conflicts refused)");
        Console.WriteLine($"  peer: bare INSERT, autocommit, sequential: {bareElapsed.TotalSeconds,7:F1} s  {registrations / bareElapsed.TotalSeconds,8:N0} /s  p50 {P(bareLatencies, 0.50):F2} ms  p99 {P(bareLatencies, 0.99):F2} ms");
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
}
