using System.CommandLine;
using PartnerHub.App.Csv;
using PartnerHub.App.Facts;
using Spectre.Console;

namespace PartnerHub.Cli.Facts;

public static class FactsCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("facts", "The facts the evaluation engine reads: revenue, deals, training, exams, certifications, surveys, ratings, engagement, costs.")
        {
            Subcommands = { Kinds(output, error), Import(output, error) },
        };

    private static Command Kinds(TextWriter output, TextWriter error)
    {
        var command = new Command("kinds", "List the fact kinds with their CSV columns (* = required) and natural key.");
        command.SetHandler(output, error, (cli, _) =>
        {
            var table = new Table().AddColumns("Kind", "Columns", "Natural key", "What it is");
            foreach (var kind in FactKinds.All)
                table.AddRow(kind.Key, Markup.Escape(string.Join(", ", kind.Columns.Select(c => c.Required ? c.Name + "*" : c.Name))),
                    Markup.Escape(string.Join(" + ", kind.NaturalKey)), Markup.Escape(kind.Description));
            cli.Console.Write(table);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command Import(TextWriter output, TextWriter error)
    {
        var kind = new Argument<string>("kind") { Description = $"One of: {FactKinds.Keys}." };
        var file = new Argument<FileInfo>("file") { Description = "A CSV file with a header row (UTF-8, with or without BOM)." };
        var strict = new Option<bool>("--strict") { Description = "Apply nothing if any row is refused." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check and report what would change, but apply nothing." };
        var command = new Command("import", "Import facts of one kind from CSV; rows are upserted by their natural key, so a re-import changes nothing.")
        {
            Arguments = { kind, file }, Options = { strict, dryRun },
        };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            var key = cli.Parse.GetValue(kind)!;
            if (FactKinds.Find(key) is null) return cli.Fail($"Unknown fact kind '{key}'. Known kinds: {FactKinds.Keys}.");
            var path = cli.Parse.GetValue(file)!;
            if (!path.Exists) return cli.Fail($"{path.FullName} does not exist.");
            var bytes = await File.ReadAllBytesAsync(path.FullName, ct);
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "import");
            var options = new ImportOptions(cli.Parse.GetValue(strict), cli.Parse.GetValue(dryRun));
            var result = await scope.ServiceProvider.GetRequiredService<ImportFacts>().CsvAsync(key, bytes, options, null, ct);
            if (!result.IsSuccess) return cli.Fail(result.Error);
            var report = result.Value;
            foreach (var problem in report.Errors) error.WriteLine(problem.ToString());
            var verb = report.Applied ? "Imported" : options.DryRun ? "Dry run, nothing applied:" : "Nothing applied:";
            cli.Output.WriteLine($"{verb} {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged, {report.Errors.Count} refused ({report.Rows} rows read).");
            if (report.Errors.Count == 0) return ExitCodes.Success;
            error.WriteLine(options.Strict && !options.DryRun
                ? $"error: {report.Errors.Count} rows refused; --strict applied nothing."
                : $"error: {report.Errors.Count} rows refused; the others were {(report.Applied ? "applied" : "checked")}.");
            return report.Rows == 0 && report.Errors.Count == 1 && report.Errors[0].Line == 1 ? ExitCodes.Failure : ExitCodes.RowsRefused;
        });
        return command;
    }
}
