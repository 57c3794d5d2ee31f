using System.CommandLine;
using System.Globalization;
using PartnerHub.App.Csv;
using PartnerHub.App.Deals;
using PartnerHub.Cli.Partners;
using PartnerHub.Core.Partners;
using Spectre.Console;

namespace PartnerHub.Cli.Deals;

public static class DealsCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("deals", "Deal registrations.") { Subcommands = { List(output, error), Import(output, error) } };

    private static Command List(TextWriter output, TextWriter error)
    {
        var status = new Option<string?>("--status") { Description = "submitted, approved, rejected, won, lost or expired." };
        var partner = new Option<string?>("--partner") { Description = "Only this partner's registrations (id or domain)." };
        var search = new Option<string?>("--search") { Description = "Text in the customer name or domain, or an external id." };
        var sort = new Option<string?>("--sort") { Description = $"One of {string.Join(", ", DealQuery.SortKeys)}; prefix - for descending. Default: -submitted." };
        var page = new Option<int>("--page") { DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List deal registrations, newest first.") { Options = { status, partner, search, sort, page, pageSize } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "deals.list");
            PartnerId? partnerId = null;
            if (cli.Parse.GetValue(partner) is { } named)
            {
                var found = await PartnerLookup.FindAsync(scope.ServiceProvider, named, ct);
                if (!found.IsSuccess) return cli.Fail(found.Error);
                partnerId = new PartnerId(found.Value.Id);
            }

            var result = await scope.ServiceProvider.GetRequiredService<ListDeals>().HandleAsync(new DealQuery
            {
                Status = cli.Parse.GetValue(status), PartnerId = partnerId, Search = cli.Parse.GetValue(search), Sort = cli.Parse.GetValue(sort),
                Page = cli.Parse.GetValue(page), PageSize = cli.Parse.GetValue(pageSize),
            }, ct);
            if (!result.IsSuccess) return cli.Fail(result.Error);

            var table = new Table().AddColumns("Id", "Customer", "Domain", "Status", "Value", "Submitted (UTC)", "Protected until (UTC)");
            foreach (var d in result.Value.Items)
                table.AddRow(d.Id.ToString(), Markup.Escape(d.CustomerName), Markup.Escape(d.CustomerDomain), d.Status + (d.DecisionOverdue ? " (overdue)" : ""),
                    Markup.Escape(d.EstimatedValue), d.SubmittedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    d.ProtectedUntil?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—");
            cli.Console.Write(table);
            cli.Output.WriteLine($"{result.Value.Total} registrations; page {result.Value.PageNumber} of {result.Value.PageCount}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Import(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "A CSV file with a header row (UTF-8): " + string.Join(",", DealCsv.Columns) + "." };
        var strict = new Option<bool>("--strict") { Description = "Apply nothing if any row is refused." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row (validation and conflicts) and report, but apply nothing." };
        var command = new Command("import", "Import deal registrations from CSV; each row is checked like a registration, conflicts included.")
        {
            Arguments = { file }, Options = { strict, dryRun },
        };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            var path = cli.Parse.GetValue(file)!;
            if (!path.Exists) return cli.Fail($"{path.FullName} does not exist.");
            var bytes = await File.ReadAllBytesAsync(path.FullName, ct);
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "import");
            var options = new ImportOptions(cli.Parse.GetValue(strict), cli.Parse.GetValue(dryRun));
            var report = await scope.ServiceProvider.GetRequiredService<ImportDeals>().HandleAsync(bytes, options, null, ct);
            return PartnersCommand.Report(cli, error, report, options);
        });
        return command;
    }
}
