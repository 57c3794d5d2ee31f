using System.CommandLine;
using PartnerHub.Cli.Database;
using PartnerHub.Cli.Deals;
using PartnerHub.Cli.Ledger;
using PartnerHub.Cli.Facts;
using PartnerHub.Cli.Partners;
using PartnerHub.Cli.Programs;
using PartnerHub.Cli.Relationships;
using PartnerHub.Cli.Revenue;
using PartnerHub.Cli.Serve;
using PartnerHub.Cli.Standing;
using PartnerHub.Cli.Users;

namespace PartnerHub.Cli;

/// <summary>The `partnerhub` command line: the same use cases as the web app, for operators and scripts.</summary>
public static class PartnerHubCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("PartnerHub: the partner program as data. Run `partnerhub serve` for the web app.")
        {
            Options = { CliContext.ProviderOption, CliContext.ConnectionOption },
            Subcommands =
            {
                ServeCommand.Create(output, error), PartnersCommand.Create(output, error), ProgramCommand.Create(output, error),
                FactsCommand.Create(output, error), StandingCommand.Create(output, error), DealsCommand.Create(output, error), EventsCommand.Create(output, error),
                LedgerCommands.Statements(output, error), LedgerCommands.Payouts(output, error), UsersCommand.Create(output, error), DbCommand.Create(output, error),
                RelationshipCommand.Create(output, error),
                Prospects.ProspectsCommand.Create(output, error),
                Webhooks.WebhooksCommand.Create(output, error),
                ApiKeys.ApiKeysCommand.Create(output, error),
                Onboarding.OnboardingCommand.Create(output, error),
                Marketing.MarketingCommand.Collateral(output, error),
                Marketing.MarketingCommand.Mdf(output, error),
            },
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors) error.WriteLine($"error: {parseError.Message}");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        }
        catch (InvalidOperationException e) when (e.Source?.StartsWith("PartnerHub", StringComparison.Ordinal) == true)
        {
            error.WriteLine($"error: {e.Message}"); // a configuration mistake, e.g. an unknown provider
            return ExitCodes.Failure;
        }
    }

    /// <summary>Wires a command's action so that every failure is one line on standard error and a non-zero exit code.</summary>
    public static void SetHandler(this Command command, TextWriter output, TextWriter error, Func<CliContext, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, ct) =>
        {
            var context = new CliContext(output, error, parse);
            try
            {
                return await action(context, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
            {
                return context.Fail(e.Message.ReplaceLineEndings(" "));
            }
        });
}
