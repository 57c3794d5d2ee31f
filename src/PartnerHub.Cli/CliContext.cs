using System.CommandLine;
using PartnerHub.App;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using Spectre.Console;

namespace PartnerHub.Cli;

/// <summary>What every command gets: its output, the database settings from options or environment, and the use cases.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, ParseResult parse)
{
    public static readonly Option<string?> ProviderOption = new("--provider")
    {
        Description = "Database: sqlite (default) or postgres. Environment: Database__Provider.",
        Recursive = true,
    };

    public static readonly Option<string?> ConnectionOption = new("--connection")
    {
        Description = "Connection string. Default for SQLite: Data Source=data/partnerhub.db. Environment: Database__ConnectionString.",
        Recursive = true,
    };

    public TextWriter Output { get; } = output;

    public IAnsiConsole Console { get; } = CreateConsole(output);

    public ParseResult Parse { get; } = parse;

    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        // Piped output goes to scripts and files: never wrap a table cell there.
        if (output != System.Console.Out || System.Console.IsOutputRedirected) console.Profile.Width = 500;
        return console;
    }

    /// <summary>The configuration a command runs with: environment variables, then the global options on top.</summary>
    public IConfiguration Configuration()
    {
        var overrides = new Dictionary<string, string?>();
        if (Parse.GetValue(ProviderOption) is { } provider) overrides["Database:Provider"] = provider;
        if (Parse.GetValue(ConnectionOption) is { } connection) overrides["Database:ConnectionString"] = connection;
        return new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
    }

    /// <summary>The use cases on the configured database, acting as "cli" in the audit trail, with migrations applied.</summary>
    public async Task<ServiceProvider> ServicesAsync(CancellationToken ct)
    {
        var configuration = Configuration();
        var collection = new ServiceCollection().AddLogging();
        collection.AddPartnerHub(configuration, DatabaseSettings.From(configuration));
        var services = collection.BuildServiceProvider();
        await Startup.PrepareAsync(services, loadDemo: false, ct);
        return services;
    }

    public static AsyncServiceScope CliScope(ServiceProvider services, string operation)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Actor>().ActAs("cli", operation);
        return scope;
    }

    /// <summary>A failure as one line on standard error, and its exit code.</summary>
    public int Fail(string message)
    {
        error.WriteLine($"error: {message}");
        return ExitCodes.Failure;
    }

    public int Fail(Error failure)
    {
        var fields = failure.Fields is null ? "" : " (" + string.Join("; ", failure.Fields.Select(f => $"{f.Key}: {string.Join(" ", f.Value)}")) + ")";
        return Fail(failure.Message + fields);
    }
}

/// <summary>Exit codes of the partnerhub command, as documented in docs/cli.md.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int RowsRefused = 3;
}
