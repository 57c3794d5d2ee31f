using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartnerHub.App;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Evaluation;

namespace PartnerHub.Bench;

/// <summary>
/// End to end: the generated program written into a real PartnerHub database (`facts-db`), then, in a fresh process
/// so that peak memory is the measurement's own (`end-to-end`), every fact loaded through <see cref="FactStore"/> and
/// every partner evaluated. The peer in the same run: the database computing the core aggregation itself in SQL over
/// the same tables.
/// </summary>
public static class EndToEndBench
{
    public static async Task PrepareAsync(Options options)
    {
        var settings = await SettingsAsync(options, create: true);
        var watch = Stopwatch.StartNew();
        var facts = FactsGenerator.Generate(options.Partners, options.Deals);
        Console.WriteLine($"facts-db: {options.Partners:N0} partners, {facts.Partners.Sum(p => (long)p.Deals.Length):N0} deals generated in {watch.Elapsed.TotalSeconds:F1} s; writing to {settings.Describe()}");
        await using var services = Services(settings);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        await db.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<ProgramStore>().PublishSeedIfEmptyAsync(CancellationToken.None);

        watch.Restart();
        var now = TimeProvider.System.GetUtcNow();
        await FactBulkWriter.WriteAsync(db, "partners",
            ["id", "name", "domain", "category", "subcategory", "stage", "contacts", "agreement", "tags", "created_at", "updated_at", "version"],
            facts.Partners.Select((p, i) => (p, i)), (w, x) =>
            {
                w.Guid(x.p.PartnerId.Value);
                w.Text($"Bench Partner {x.i:D6}");
                w.Text($"bench{x.i}.example.com");
                w.Text(x.p.Category);
                w.Text(x.p.Subcategory);
                w.Text("Active");
                w.Text("[]");
                w.Text($$"""{"revenueModel":null,"rateOverrides":[],"startsOn":"{{x.p.PartnershipStart:yyyy-MM-dd}}","renewsOn":null}""");
                w.Texts([]);
                w.Instant(now);
                w.Instant(now);
                w.Int(1);
            }, CancellationToken.None);
        Console.WriteLine($"  partners written in {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        await FactBulkWriter.WriteAsync(db, facts.Partners.SelectMany((p, i) => p.Deals.Select((d, n) => new DealFactRecord
        {
            ExternalId = $"d{i:D6}-{n:D6}", PartnerId = p.PartnerId, RegisteredOn = d.RegisteredOn, ClosedOn = d.ClosedOn, Outcome = d.Outcome,
            AmountMinor = d.AmountMinor, Currency = "USD",
        })), CancellationToken.None);
        Console.WriteLine($"  deals written in {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        await FactBulkWriter.WriteAsync(db, facts.Partners.SelectMany((p, i) => p.Revenue.Select((e, n) => new RevenueEventRecord
        {
            ExternalId = $"r{i:D6}-{n:D6}", PartnerId = p.PartnerId, Kind = e.Kind, OccurredOn = e.Date, AmountMinor = e.AmountMinor, Currency = "USD",
            CustomerRef = $"c{e.CustomerId}", Source = "bench", ReceivedAt = now,
        })), CancellationToken.None);
        await FactBulkWriter.WriteAsync(db, facts.Partners.SelectMany(p => p.Ratings.Select(r => new ManagerRatingRecord
        {
            PartnerId = p.PartnerId, Criterion = r.Criterion, RatedOn = r.RatedOn, Score = r.Score,
        })), CancellationToken.None);
        await FactBulkWriter.WriteAsync(db, facts.Partners.SelectMany((p, i) => p.Surveys.Select((s, n) => new SurveyResponseRecord
        {
            ExternalId = $"s{i:D6}-{n:D3}", PartnerId = p.PartnerId, Kind = s.Kind, AnsweredOn = s.AnsweredOn, Score = s.Score,
        })), CancellationToken.None);
        Console.WriteLine($"  revenue events, ratings and surveys written in {watch.Elapsed.TotalSeconds:F1} s");
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(settings.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;";
            await command.ExecuteNonQueryAsync();
            var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            Console.WriteLine($"  {file}: {new FileInfo(file).Length / 1024.0 / 1024.0:N0} MiB");
        }

        Console.WriteLine($"Now measure in a fresh process: end-to-end {(settings.Provider == DatabaseProvider.Sqlite ? $"--file {new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource}" : $"--provider postgres --connection \"{settings.ConnectionString}\"")}");
    }

    public static async Task RunAsync(Options options)
    {
        var settings = await SettingsAsync(options, create: false);
        await using var services = Services(settings);
        await using var scope = services.CreateAsyncScope();
        var program = await scope.ServiceProvider.GetRequiredService<ProgramStore>().AtAsync(FactsGenerator.AsOf, CancellationToken.None);
        var store = scope.ServiceProvider.GetRequiredService<FactStore>();
        Console.WriteLine($"end-to-end: {settings.Describe()}, {Environment.ProcessorCount} cores, as of {FactsGenerator.AsOf:yyyy-MM-dd}, program {program.Label}");

        var total = Stopwatch.StartNew();
        var stats = new FactLoadStats();
        var facts = await store.LoadProgramAsync(program.Program.Currency, CancellationToken.None, stats);
        var load = total.Elapsed;
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var evaluate = Stopwatch.StartNew();
        var evaluation = Evaluator.EvaluateAll(program.Program, program.Label, facts, FactsGenerator.AsOf);
        evaluate.Stop();
        total.Stop();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"  collections during evaluation: gen0 {GC.CollectionCount(0) - gcBefore.Item1}, gen1 {GC.CollectionCount(1) - gcBefore.Item2}, gen2 {GC.CollectionCount(2) - gcBefore.Item3}, paused {(GC.GetTotalPauseDuration() - gcBefore.Item4).TotalMilliseconds:F0} ms");
        var rows = facts.Partners.Sum(p => (long)p.Deals.Length + p.Revenue.Length + p.Ratings.Length + p.Surveys.Length);
        var tiers = string.Join(", ", evaluation.Program.Tiers.Select(t => $"{t.Name} {t.Count:N0}"));
        Console.WriteLine($"  load {facts.Partners.Count:N0} partners and {rows:N0} fact rows: {EngineBench.Ms(load),9}   ({rows / load.TotalSeconds:N0} rows/s: {stats})");
        Console.WriteLine($"  evaluate everyone (full standings):          {EngineBench.Ms(evaluate.Elapsed),9}   ({tiers})");
        Console.WriteLine($"  PartnerHub end to end:                       {EngineBench.Ms(total.Elapsed),9}   peak working set {peak / 1024.0 / 1024.0:N0} MiB");
        GC.KeepAlive(facts);

        if (options.SkipSqlite) return;
        var peer = await PeerAsync(settings);
        Console.WriteLine($"  peer: the same aggregation in SQL inside {settings.Provider}: {EngineBench.Ms(peer),9}");
        Console.WriteLine($"  ratio peer / PartnerHub end to end: {peer / total.Elapsed:F1}x");
    }

    /// <summary>The core aggregation (revenue windows, won/lost, velocity, revenue tier) computed by the database over the PartnerHub tables.</summary>
    private static async Task<TimeSpan> PeerAsync(DatabaseSettings settings)
    {
        var asOf = FactsGenerator.AsOf;
        var (from, prior) = (asOf.AddMonths(-12), asOf.AddMonths(-24));
        string D(DateOnly d) => $"'{d:yyyy-MM-dd}'";
        var sqlite = settings.Provider == DatabaseProvider.Sqlite;
        var days = sqlite ? "julianday(closed_on) - julianday(registered_on)" : "closed_on - registered_on";
        var velocity = sqlite ? $"avg({days}) FILTER (WHERE outcome = 'Won')" : $"percentile_cont(0.5) WITHIN GROUP (ORDER BY {days}) FILTER (WHERE outcome = 'Won')";
        var sql = $"""
            WITH rev AS (
                SELECT partner_id,
                       sum(CASE WHEN occurred_on > {D(from)} THEN amount_minor ELSE 0 END) AS t12,
                       sum(CASE WHEN occurred_on <= {D(from)} THEN amount_minor ELSE 0 END) AS prior
                FROM revenue_events WHERE kind = 'Payment' AND partner_id IS NOT NULL AND occurred_on > {D(prior)} AND occurred_on <= {D(asOf)} GROUP BY partner_id),
            dl AS (
                SELECT partner_id, count(*) FILTER (WHERE outcome = 'Won') AS won, count(*) FILTER (WHERE outcome = 'Lost') AS lost, {velocity} AS velocity
                FROM deal_facts WHERE closed_on > {D(from)} AND closed_on <= {D(asOf)} GROUP BY partner_id)
            SELECT rev.partner_id, t12, prior, won, lost, velocity,
                   CASE WHEN t12 >= 10000001 THEN 0 WHEN t12 >= 2500000 THEN 1 ELSE 2 END AS tier
            FROM rev FULL OUTER JOIN dl ON rev.partner_id = dl.partner_id
            """;
        System.Data.Common.DbConnection connection = sqlite ? new SqliteConnection(settings.ConnectionString) : new NpgsqlConnection(settings.ConnectionString);
        await using (connection)
        {
            await connection.OpenAsync();
            var watch = Stopwatch.StartNew();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 600;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }

            return watch.Elapsed;
        }
    }

    private static ServiceProvider Services(DatabaseSettings settings) =>
        new ServiceCollection().AddLogging().AddPartnerHubData(settings).AddPartnerHubUseCases().BuildServiceProvider();

    private static async Task<DatabaseSettings> SettingsAsync(Options options, bool create)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var file = options.File ?? Path.Combine(Path.GetTempPath(), $"partnerhub-bench-{options.Partners}-{options.Deals}.db");
            if (create && File.Exists(file)) throw new InvalidOperationException($"{file} exists; delete it or give another --file.");
            if (!create && !File.Exists(file)) throw new InvalidOperationException($"{file} does not exist; create it with facts-db first.");
            return new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}");
        }

        var server = options.Connection ?? Environment.GetEnvironmentVariable("PARTNERHUB_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Give --connection or PARTNERHUB_TEST_POSTGRES for PostgreSQL.");
        if (!create) return new DatabaseSettings(DatabaseProvider.Postgres, server);
        var name = $"phub_bench_{options.Partners}_{options.Deals}_{Guid.NewGuid():N}"[..50];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }
}
