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
            default:
                Console.Error.WriteLine("usage: partner-import [--rows N] [--provider sqlite|postgres] [--connection CS]");
                return 2;
        }
    }
}

public sealed record Options(int Rows, DatabaseProvider Provider, string? Connection)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Options(
            int.TryParse(Value("--rows"), out var rows) ? rows : 100_000,
            Enum.TryParse<DatabaseProvider>(Value("--provider"), ignoreCase: true, out var provider) ? provider : DatabaseProvider.Sqlite,
            Value("--connection"));
    }
}
