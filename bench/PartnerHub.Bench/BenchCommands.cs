using System.Globalization;
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
            case "conflict-check":
                ConflictCheckBench.Run(options);
                return 0;
            case "load":
                return await LoadBench.RunAsync(options);
            default:
                Console.Error.WriteLine("""
                    usage: partner-import [--rows N] [--provider sqlite|postgres] [--connection CS]
                           engine [--partners N] [--deals M] [--skip-sqlite]
                           facts-db [--partners N] [--deals M] [--file F | --provider postgres --connection CS]
                           end-to-end [--partners N] [--deals M] [--file F | --provider postgres --connection CS] [--skip-sqlite]
                           revenue-ingest [--rows N] [--api-rows M] [--concurrency C] [--provider sqlite|postgres] [--connection CS]
                           cold-start --file F   (build src/PartnerHub.Web in Release first)
                           deal-register [--rows EXISTING] [--api-rows NEW] [--names realistic|fortywords] [--provider sqlite|postgres] [--connection CS]
                           conflict-check [--rows EXISTING] [--requests CHECKS] [--names realistic|fortywords]
                           load --scenario revenue|deals|standing|fresh-standing [--seconds S | --requests N] [--concurrency C] [--rate R] [--batch B] [--instances 1|2] [--seed N] [--warm-seconds W] [--timeline]
                                [--names realistic|fortywords] [--provider sqlite|postgres] [--file F | --connection CS] | [--url U --key K]
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

    /// <summary>Concurrent API clients (each command has its own default).</summary>
    public int? Concurrency { get; init; }

    /// <summary>How the deal benchmarks name their customers.</summary>
    public NameStyle Names { get; init; } = NameStyle.Realistic;

    /// <summary>Load test: what each request does (revenue, deals or standing).</summary>
    public string? Scenario { get; init; }

    /// <summary>Load test: how long to send (when no request count is given).</summary>
    public int? Seconds { get; init; }

    /// <summary>Load test: seconds of the scenario itself sent untimed before the measured run (the JIT's second tier, caches).</summary>
    public int WarmSeconds { get; init; }

    /// <summary>Load test: print the measured run second by second (answers, p50, p99, max), to place a stall.</summary>
    public bool Timeline { get; init; }

    /// <summary>Load test: requests per second sent open-loop (each at its moment, answered or not) instead of closed-loop senders.</summary>
    public double? RequestsPerSecond { get; init; }

    /// <summary>Load test: how many requests to send.</summary>
    public int? Requests { get; init; }

    /// <summary>Load test: in-process web hosts on the one database (2 only on PostgreSQL).</summary>
    public int Instances { get; init; } = 1;

    /// <summary>Load test: rows of the scenario's kind stored before sending.</summary>
    public int Seed { get; init; }

    /// <summary>Revenue events per request in the load's revenue scenario (more than one: the batch endpoint).</summary>
    public int Batch { get; init; } = 1;

    /// <summary>Load test: an already running server to send to instead of in-process hosts, and its API key.</summary>
    public string? Url { get; init; }

    public string? Key { get; init; }

    /// <summary>Use the PostgreSQL database named by --connection as it is, instead of creating a fresh one on that server.</summary>
    public bool KeepDatabase { get; init; }

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
            Concurrency = int.TryParse(Value("--concurrency"), out var concurrency) ? concurrency : null,
            Names = Enum.TryParse<NameStyle>(Value("--names"), ignoreCase: true, out var names) ? names : NameStyle.Realistic,
            Scenario = Value("--scenario"),
            Seconds = int.TryParse(Value("--seconds"), out var seconds) ? seconds : null,
            WarmSeconds = int.TryParse(Value("--warm-seconds"), out var warmSeconds) ? warmSeconds : 0,
            Timeline = args.Contains("--timeline"),
            Requests = int.TryParse(Value("--requests"), out var requests) ? requests : null,
            RequestsPerSecond = double.TryParse(Value("--rate"), CultureInfo.InvariantCulture, out var rate) ? rate : null,
            Instances = int.TryParse(Value("--instances"), out var instances) ? instances : 1,
            Seed = int.TryParse(Value("--seed"), out var seed) ? seed : 0,
            Batch = int.TryParse(Value("--batch"), out var batch) ? batch : 1,
            Url = Value("--url"),
            Key = Value("--key"),
        };
    }
}
