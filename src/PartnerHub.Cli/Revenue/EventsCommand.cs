using System.CommandLine;
using PartnerHub.App.Csv;
using PartnerHub.App.Revenue;

namespace PartnerHub.Cli.Revenue;

/// <summary>`partnerhub events import FILE`: revenue events from a CRM or billing export, attributed and accrued like the API's.</summary>
public static class EventsCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("events", "Revenue events from a CRM or billing system: bookings, invoices, payments, refunds and chargebacks.")
        {
            Subcommands = { Import(output, error) },
        };

    private static Command Import(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV with a header row (external_id,kind,occurred_on,amount,…), or JSONL (*.jsonl, *.ndjson: one API body per line)." };
        var strict = new Option<bool>("--strict") { Description = "Apply nothing if any row is refused." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check and report what would change, but apply nothing." };
        var command = new Command("import", "Import revenue events: each row is recorded once by its id, attributed, and its commission posted; a re-import changes nothing.")
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
            var import = scope.ServiceProvider.GetRequiredService<ImportRevenueEvents>();
            var jsonLines = path.Extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || path.Extension.Equals(".ndjson", StringComparison.OrdinalIgnoreCase);
            var result = jsonLines ? await import.JsonLinesAsync(bytes, options, null, ct) : await import.CsvAsync(bytes, options, null, ct);
            if (!result.IsSuccess) return cli.Fail(result.Error);
            var report = result.Value;
            foreach (var problem in report.Errors) error.WriteLine(problem.ToString());
            var verb = report.Applied ? "Imported" : options.DryRun ? "Dry run, nothing applied:" : "Nothing applied:";
            cli.Output.WriteLine($"{verb} {report.Created} created, {report.Unchanged} already recorded, {report.Errors.Count} refused ({report.Rows} rows read).");
            if (report.Errors.Count == 0) return ExitCodes.Success;
            error.WriteLine(options.Strict && !options.DryRun
                ? $"error: {report.Errors.Count} rows refused; --strict applied nothing."
                : $"error: {report.Errors.Count} rows refused; the others were {(report.Applied ? "applied" : "checked")}.");
            return report.Rows == 0 && report.Errors.Count == 1 && report.Errors[0].Line == 1 ? ExitCodes.Failure : ExitCodes.RowsRefused;
        });
        return command;
    }
}
