using PartnerHub.App.Persistence;

namespace PartnerHub.Bench;

/// <summary>
/// Side-by-side measurements: each runs PartnerHub's path and a peer doing the same work on the same data in the
/// same run, and prints both with their ratio. Usage: dotnet run -c Release --project bench/PartnerHub.Bench -- NAME [options].
/// </summary>
public static class BenchCommands
{
    public static async Task<int> RunAsync(string[] args)
    {
        var name = args.FirstOrDefault();
        var options = Options.Parse(args.Skip(1).ToArray());
        switch (name)
        {
            case "partner-import":
                await PartnerImportBench.RunAsync(options);
                return 0;
            case "engine":
                EngineBench.Run(options);
                return 0;
            case "facts-db":
                await EndToEndBench.PrepareAsync(options);
                return 0;
            case "end-to-end":
                await EndToEndBench.RunAsync(options);
                return 0;
            case "revenue-ingest":
                await RevenueBench.IngestAsync(options);
                return 0;
            case "cold-start":
                await ColdStartBench.RunAsync(options);
                return 0;
            case "deal-register":
                await RevenueBench.RegisterAsync(options);
                return 0;
            default:
                Console.Error.WriteLine("""
                    usage: partner-import [--rows N] [--provider sqlite|postgres] [--connection CS]
                           engine [--partners N] [--deals M] [--skip-sqlite]
                           facts-db [--partners N] [--deals M] [--file F | --provider postgres --connection CS]
                           end-to-end [--partners N] [--deals M] [--file F | --provider postgres --connection CS] [--skip-sqlite]
                           revenue-ingest [--rows N] [--api-rows M] [--concurrency C] [--provider sqlite|postgres] [--connection CS]
                           cold-start --file F   (build src/PartnerHub.Web in Release first)
                           deal-register [--rows EXISTING] [--api-rows NEW] [--provider sqlite|postgres] [--connection CS]
                    """);
                return 2;
        }
    }
}

public sealed record Options(int Rows, DatabaseProvider Provider, string? Connection)
{
    public int Partners { get; init; } = 10_000;
    public long Deals { get; init; } = 1_000_000;
    public string? File { get; init; }

    /// <summary>How many events go through the API (default: --rows), or how many new registrations are made.</summary>
    public int? ApiRows { get; init; }

    /// <summary>Concurrent API clients.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Leaves out the slow SQLite peer (for quick runs).</summary>
    public bool SkipSqlite { get; init; }

    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Options(
            int.TryParse(Value("--rows"), out var rows) ? rows : 100_000,
            Enum.TryParse<DatabaseProvider>(Value("--provider"), ignoreCase: true, out var provider) ? provider : DatabaseProvider.Sqlite,
            Value("--connection"))
        {
            Partners = int.TryParse(Value("--partners"), out var partners) ? partners : 10_000,
            Deals = long.TryParse(Value("--deals"), out var deals) ? deals : 1_000_000,
            File = Value("--file"),
            SkipSqlite = args.Contains("--skip-sqlite"),
            ApiRows = int.TryParse(Value("--api-rows"), out var apiRows) ? apiRows : null,
            Concurrency = int.TryParse(Value("--concurrency"), out var concurrency) ? concurrency : 8,
        };
    }
}
