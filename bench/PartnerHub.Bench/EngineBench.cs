using System.Diagnostics;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;
using PartnerHub.App.Programs;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Programs;
using SQLitePCL;

namespace PartnerHub.Bench;

/// <summary>
/// The engine alone against DuckDB (in memory) and SQLite (SQL) on the same generated rows, in the same run.
/// The engine computes each partner's full standing (tier with quarterly reviews and grace, certification, KPIs,
/// targets, health). The peers compute the core of it in SQL: trailing-12-month and prior-year revenue, won and lost
/// deals, deal velocity, and the revenue tier. The engine does strictly more work than its peers.
/// </summary>
public static class EngineBench
{
    public static void Run(Options options)
    {
        var program = ProgramFile.Parse(ProgramStore.DefaultYaml(), ProgramStore.DefaultSource).Program!;
        var watch = Stopwatch.StartNew();
        var facts = FactsGenerator.Generate(options.Partners, options.Deals);
        var (deals, revenue, other) = FactsGenerator.Count(facts);
        Console.WriteLine($"engine: {options.Partners:N0} partners, {deals:N0} deals, {revenue:N0} revenue events, {other:N0} ratings and surveys; generated in {watch.Elapsed.TotalSeconds:F1} s; {Environment.ProcessorCount} cores");
        var asOf = FactsGenerator.AsOf;

        if (Environment.GetEnvironmentVariable("PARTNERHUB_BENCH_PROFILE") == "1")
        {
            // For a profiler (dotnet-trace): single-threaded evaluations only.
            for (var i = 0; i < 30; i++) Evaluator.EvaluateAll(program, "v1", facts, asOf, 1);
            return;
        }

        // The engine, warmed up until the JIT has optimized the hot loops (tiered compilation).
        var evaluation = Evaluator.EvaluateAll(program, "v1", facts, asOf);
        for (var i = 0; i < 8; i++) Evaluator.EvaluateAll(program, "v1", facts, asOf, maxDegreeOfParallelism: (i % 2) + 1);
        var tiers = string.Join(", ", evaluation.Program.Tiers.Select(t => $"{t.Name} {t.Count:N0}"));

        // DuckDB loads the same rows once; then engine and DuckDB runs alternate, so that load from other processes on a
        // shared machine falls on both alike. Reported: the best and the median of seven runs each.
        using var duckDb = new DuckDBConnection("DataSource=:memory:");
        duckDb.Open();
        var duckLoad = LoadDuckDb(duckDb, facts);
        var sql = Sql(asOf, duckDb: true);
        var duckRows = Read(duckDb, sql);
        var (engine, single, duck) = (new List<TimeSpan>(), new List<TimeSpan>(), new List<TimeSpan>());
        for (var round = 0; round < 7; round++)
        {
            engine.Add(Time(() => Evaluator.EvaluateAll(program, "v1", facts, asOf)));
            duck.Add(Time(() => Read(duckDb, sql)));
            single.Add(Time(() => Evaluator.EvaluateAll(program, "v1", facts, asOf, maxDegreeOfParallelism: 1)));
        }

        Console.WriteLine($"  PartnerHub engine, full standings ({Environment.ProcessorCount} threads):  best {Ms(engine.Min()),7}  median {Ms(Mid(engine)),7}   ({tiers})");
        Console.WriteLine($"  PartnerHub engine, full standings (1 thread):   best {Ms(single.Min()),7}  median {Ms(Mid(single)),7}");
        Console.WriteLine($"  peer: DuckDB in memory, same aggregation in SQL: best {Ms(duck.Min()),7}  median {Ms(Mid(duck)),7}   (loading the rows: {Ms(duckLoad)}; {duckRows:N0} result rows)");
        var (sqliteLoad, sqlite) = options.SkipSqlite ? (TimeSpan.Zero, TimeSpan.Zero) : Sqlite(facts, asOf);
        if (!options.SkipSqlite)
            Console.WriteLine($"  peer: SQLite in memory, same aggregation in SQL: {Ms(sqlite),9}   (loading the rows: {Ms(sqliteLoad)})");
        Console.WriteLine($"  ratio DuckDB / engine: best {duck.Min() / engine.Min():F1}x, median {Mid(duck) / Mid(engine):F1}x{(options.SkipSqlite ? "" : $";  ratio SQLite / engine: {sqlite / Mid(engine):F0}x")}");
    }

    private static TimeSpan LoadDuckDb(DuckDBConnection connection, ProgramFacts facts)
    {
        Execute(connection, "CREATE TABLE revenue (partner INTEGER, kind TINYINT, day INTEGER, amount BIGINT); CREATE TABLE deals (partner INTEGER, registered INTEGER, closed INTEGER, outcome TINYINT, amount BIGINT)");
        var watch = Stopwatch.StartNew();
        using (var appender = connection.CreateAppender("revenue"))
        {
            for (var p = 0; p < facts.Partners.Count; p++)
                foreach (var e in facts.Partners[p].Revenue)
                    appender.CreateRow().AppendValue(p).AppendValue((sbyte)e.Kind).AppendValue(e.Date.DayNumber).AppendValue(e.AmountMinor).EndRow();
        }

        using (var appender = connection.CreateAppender("deals"))
        {
            for (var p = 0; p < facts.Partners.Count; p++)
                foreach (var d in facts.Partners[p].Deals)
                {
                    var row = appender.CreateRow().AppendValue(p).AppendValue(d.RegisteredOn.DayNumber);
                    row = d.ClosedOn is { } closed ? row.AppendValue(closed.DayNumber) : row.AppendNullValue();
                    row.AppendValue((sbyte)d.Outcome).AppendValue(d.AmountMinor).EndRow();
                }
        }

        return watch.Elapsed;
    }

    private static TimeSpan Time(Action run)
    {
        // As BenchmarkDotNet does: a full collection before each measured run, so no run pays for another's garbage.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        run();
        return watch.Elapsed;
    }

    private static TimeSpan Mid(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    private static (TimeSpan Load, TimeSpan Query) Sqlite(ProgramFacts facts, DateOnly asOf)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE revenue (partner INTEGER, kind INTEGER, day INTEGER, amount INTEGER); CREATE TABLE deals (partner INTEGER, registered INTEGER, closed INTEGER, outcome INTEGER, amount INTEGER); BEGIN");
        var watch = Stopwatch.StartNew();
        var db = connection.Handle!;
        raw.sqlite3_prepare_v2(db, "INSERT INTO revenue VALUES (?, ?, ?, ?)", out var revenue);
        raw.sqlite3_prepare_v2(db, "INSERT INTO deals VALUES (?, ?, ?, ?, ?)", out var deals);
        for (var p = 0; p < facts.Partners.Count; p++)
        {
            foreach (var e in facts.Partners[p].Revenue)
            {
                raw.sqlite3_bind_int(revenue, 1, p);
                raw.sqlite3_bind_int(revenue, 2, (int)e.Kind);
                raw.sqlite3_bind_int(revenue, 3, e.Date.DayNumber);
                raw.sqlite3_bind_int64(revenue, 4, e.AmountMinor);
                raw.sqlite3_step(revenue);
                raw.sqlite3_reset(revenue);
            }

            foreach (var d in facts.Partners[p].Deals)
            {
                raw.sqlite3_bind_int(deals, 1, p);
                raw.sqlite3_bind_int(deals, 2, d.RegisteredOn.DayNumber);
                if (d.ClosedOn is { } closed) raw.sqlite3_bind_int(deals, 3, closed.DayNumber);
                else raw.sqlite3_bind_null(deals, 3);
                raw.sqlite3_bind_int(deals, 4, (int)d.Outcome);
                raw.sqlite3_bind_int64(deals, 5, d.AmountMinor);
                raw.sqlite3_step(deals);
                raw.sqlite3_reset(deals);
            }
        }

        revenue.Dispose();
        deals.Dispose();
        Execute(connection, "COMMIT");
        var load = watch.Elapsed;
        var sql = Sql(asOf, duckDb: false);
        var query = Median(1, () => Read(connection, sql));
        return (load, query);
    }

    /// <summary>
    /// Per partner: trailing-12-month and prior-12-month collected revenue, won and lost deals closed in the last 12
    /// months, velocity of the won ones (median in DuckDB; SQLite has no median, so the mean), and the revenue tier.
    /// </summary>
    internal static string Sql(DateOnly asOf, bool duckDb)
    {
        var to = asOf.DayNumber;
        var from = asOf.AddMonths(-12).DayNumber;
        var prior = asOf.AddMonths(-24).DayNumber;
        var velocity = duckDb ? "median(closed - registered) FILTER (WHERE outcome = 1)" : "avg(closed - registered) FILTER (WHERE outcome = 1)";
        return $"""
            WITH rev AS (
                SELECT partner,
                       sum(CASE WHEN day > {from} AND day <= {to} THEN amount ELSE 0 END) AS t12,
                       sum(CASE WHEN day > {prior} AND day <= {from} THEN amount ELSE 0 END) AS prior
                FROM revenue WHERE kind = {(int)RevenueKind.Payment} AND day > {prior} AND day <= {to} GROUP BY partner),
            dl AS (
                SELECT partner, count(*) FILTER (WHERE outcome = 1) AS won, count(*) FILTER (WHERE outcome = 2) AS lost, {velocity} AS velocity
                FROM deals WHERE closed > {from} AND closed <= {to} GROUP BY partner)
            SELECT rev.partner, t12, prior, won, lost, velocity,
                   CASE WHEN t12 >= 10000001 THEN 0 WHEN t12 >= 2500000 THEN 1 ELSE 2 END AS tier
            FROM rev FULL OUTER JOIN dl ON rev.partner = dl.partner
            """;
    }

    private static long Read(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        long rows = 0;
        while (reader.Read()) rows++;
        return rows;
    }

    private static void Execute(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static TimeSpan Median(int runs, Action run)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            // As BenchmarkDotNet does: a full collection before each measured run, so no run pays for the garbage of another.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            run();
            times.Add(watch.Elapsed);
        }

        times.Sort();
        return times[runs / 2];
    }

    internal static string Ms(TimeSpan time) => time.TotalSeconds >= 10 ? $"{time.TotalSeconds:F1} s" : $"{time.TotalMilliseconds:F0} ms";
}
