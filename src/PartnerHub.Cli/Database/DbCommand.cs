using System.CommandLine;
using PartnerHub.App.Persistence;

namespace PartnerHub.Cli.Database;

public static class DbCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var migrate = new Command("migrate", "Create the database if needed and apply every pending migration.");
        migrate.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            cli.Output.WriteLine($"Database is up to date: {services.GetRequiredService<DatabaseSettings>().Describe()}");
            return ExitCodes.Success;
        });
        return new Command("db", "Database maintenance.") { Subcommands = { migrate } };
    }
}
