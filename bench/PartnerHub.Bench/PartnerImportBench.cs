using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartnerHub.App;
using PartnerHub.App.Csv;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;

namespace PartnerHub.Bench;

/// <summary>
/// Imports N partner rows through the real import path (parse, validate, upsert, audit, one transaction) and, as the
/// practical limit, bulk-inserts the same rows into a bare table of the same database in the same run.
/// </summary>
public static class PartnerImportBench
{
    public static async Task RunAsync(Options options)
    {
        var csv = Generate(options.Rows);
        var settings = await BenchSupport.DatabaseAsync(options);
        Console.WriteLine($"partner-import: {options.Rows:N0} rows ({csv.Length / 1024.0 / 1024.0:F1} MiB) into {settings.Describe()}");
        try
        {
            await RunOnAsync(settings, options, csv);
        }
        finally
        {
            // A fresh database per run holds 300 MB at 100k rows; left behind, they filled the disk and slowed later runs.
            await BenchSupport.DropIfFreshAsync(settings, options);
        }
    }

    private static async Task RunOnAsync(DatabaseSettings settings, Options options, byte[] csv)
    {
        var collection = new ServiceCollection().AddLogging();
        collection.AddPartnerHub(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), settings);
        await using var services = collection.BuildServiceProvider();
        await Startup.PrepareAsync(services, loadDemo: false);

        var import = await TimeAsync(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<ImportPartners>().HandleAsync(csv, new ImportOptions(), null, CancellationToken.None);
            if (report.Created != options.Rows) throw new InvalidOperationException($"Expected {options.Rows} created, got {report.Created}: {string.Join("; ", report.Errors.Take(3))}");
        });
        var reimport = await TimeAsync(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<ImportPartners>().HandleAsync(csv, new ImportOptions(), null, CancellationToken.None);
            if (report.Unchanged != options.Rows) throw new InvalidOperationException($"Expected {options.Rows} unchanged, got {report.Unchanged}.");
        });
        var bare = await TimeAsync(() => BareInsertAsync(settings, csv));

        Console.WriteLine($"  PartnerHub import (validate, upsert, audit, 1 transaction): {import.TotalSeconds,7:F2} s  {options.Rows / import.TotalSeconds,9:N0} rows/s");
        Console.WriteLine($"  PartnerHub re-import (all unchanged):                       {reimport.TotalSeconds,7:F2} s  {options.Rows / reimport.TotalSeconds,9:N0} rows/s");
        Console.WriteLine($"  peer: bare bulk insert of the same rows ({(settings.Provider == DatabaseProvider.Sqlite ? "prepared INSERT, 1 transaction" : "binary COPY")}): {bare.TotalSeconds,7:F2} s  {options.Rows / bare.TotalSeconds,9:N0} rows/s");
        Console.WriteLine($"  ratio import / bare insert: {import / bare:F1}x");
    }

    private static byte[] Generate(int rows)
    {
        var text = new StringBuilder("external_id,name,domain,subcategory,stage,region,country,owner,contacts,tags,notes\n");
        string[] subs = ["resellers", "referral", "marketing-agencies", "technology-consultants", "integration"];
        for (var i = 0; i < rows; i++)
            text.Append($"ext-{i},Partner {i:D6},partner{i}.example.com,{subs[i % subs.Length]},active,EMEA,DE,manager{i % 7}@partnerhub.demo,\"Contact {i} <c{i}@partner{i}.example.com> | Partner lead\",bench; tier-{i % 3},Generated row {i}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The same rows, parsed minimally, inserted into a table with the same columns and no checks: the practical limit.</summary>
    private static async Task BareInsertAsync(DatabaseSettings settings, byte[] csv)
    {
        var lines = Encoding.UTF8.GetString(csv).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(settings.ConnectionString);
            await connection.OpenAsync();
            await using (var ddl = connection.CreateCommand())
            {
                ddl.CommandText = "CREATE TABLE bare_partners (id BLOB PRIMARY KEY, external_id TEXT, name TEXT, domain TEXT, line TEXT)";
                await ddl.ExecuteNonQueryAsync();
            }

            await using var tx = await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO bare_partners VALUES ($id, $ext, $name, $domain, $line)";
            var p = new[] { insert.Parameters.Add("$id", SqliteType.Blob), insert.Parameters.Add("$ext", SqliteType.Text), insert.Parameters.Add("$name", SqliteType.Text), insert.Parameters.Add("$domain", SqliteType.Text), insert.Parameters.Add("$line", SqliteType.Text) };
            foreach (var line in lines)
            {
                var cells = line.Split(',');
                (p[0].Value, p[1].Value, p[2].Value, p[3].Value, p[4].Value) = (Guid.CreateVersion7().ToByteArray(), cells[0], cells[1], cells[2], line);
                await insert.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
            return;
        }

        await using var pg = new NpgsqlConnection(settings.ConnectionString);
        await pg.OpenAsync();
        await using (var ddl = new NpgsqlCommand("CREATE TABLE bare_partners (id uuid PRIMARY KEY, external_id text, name text, domain text, line text)", pg))
            await ddl.ExecuteNonQueryAsync();
        await using var writer = await pg.BeginBinaryImportAsync("COPY bare_partners FROM STDIN (FORMAT BINARY)");
        foreach (var line in lines)
        {
            var cells = line.Split(',');
            await writer.StartRowAsync();
            await writer.WriteAsync(Guid.CreateVersion7());
            await writer.WriteAsync(cells[0]);
            await writer.WriteAsync(cells[1]);
            await writer.WriteAsync(cells[2]);
            await writer.WriteAsync(line);
        }

        await writer.CompleteAsync();
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> run)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var watch = Stopwatch.StartNew();
        await run();
        // On a shared machine the wall time includes waiting for a core; the process's CPU time shows the work itself, and
        // the collections' pauses how much of the wall time the garbage collector stopped every thread.
        Console.WriteLine($"    ({watch.Elapsed.TotalSeconds:F2} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s CPU in all threads; " +
                          $"GC {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} collections of gen 0/1/2, {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s paused)");
        return watch.Elapsed;
    }
}
