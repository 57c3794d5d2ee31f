using System.CommandLine;
using System.Globalization;
using PartnerHub.App.Audit;
using PartnerHub.App.Csv;
using PartnerHub.App.Partners;
using PartnerHub.Core.Partners;
using Spectre.Console;

namespace PartnerHub.Cli.Partners;

public static class PartnersCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("partners", "The partner registry.") { Subcommands = { List(output, error), Show(output, error), Import(output, error), Export(output, error),
            Relationships.PartnerExitCommands.Churn(output, error), Relationships.PartnerExitCommands.Terminate(output, error) } };

    private static Command List(TextWriter output, TextWriter error)
    {
        var search = new Option<string?>("--search") { Description = "Text in the name or domain." };
        var category = new Option<string?>("--category");
        var subcategory = new Option<string?>("--subcategory");
        var stage = new Option<string?>("--stage");
        var owner = new Option<string?>("--owner");
        var tag = new Option<string?>("--tag");
        var sort = new Option<string?>("--sort") { Description = $"One of {string.Join(", ", PartnerQuery.SortKeys)}; prefix - for descending." };
        var page = new Option<int>("--page") { DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { DefaultValueFactory = _ => 50 };
        var archived = new Option<bool>("--include-archived");
        var command = new Command("list", "List partners.") { Options = { search, category, subcategory, stage, owner, tag, sort, page, pageSize, archived } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "partners.list");
            var result = await scope.ServiceProvider.GetRequiredService<ListPartners>().HandleAsync(new PartnerQuery
            {
                Search = cli.Parse.GetValue(search), Category = cli.Parse.GetValue(category), Subcategory = cli.Parse.GetValue(subcategory),
                Stage = cli.Parse.GetValue(stage), Owner = cli.Parse.GetValue(owner), Tag = cli.Parse.GetValue(tag), Sort = cli.Parse.GetValue(sort),
                Page = cli.Parse.GetValue(page), PageSize = cli.Parse.GetValue(pageSize), IncludeArchived = cli.Parse.GetValue(archived),
            }, ct);
            if (!result.IsSuccess) return cli.Fail(result.Error);

            var table = new Table().AddColumns("Id", "Name", "Domain", "Subcategory", "Stage", "Owner");
            foreach (var p in result.Value.Items)
                table.AddRow(Markup.Escape(p.Id.ToString()), Markup.Escape(p.Name), Markup.Escape(p.Domain), p.Subcategory, p.Stage, Markup.Escape(p.Owner ?? ""));
            cli.Console.Write(table);
            cli.Output.WriteLine($"{result.Value.Total} partners; page {result.Value.PageNumber} of {result.Value.PageCount}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var which = new Argument<string>("partner") { Description = "The partner's id or domain." };
        var command = new Command("show", "Show one partner with its contacts and history.") { Arguments = { which } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "partners.show");
            var partner = await PartnerLookup.FindAsync(scope.ServiceProvider, cli.Parse.GetValue(which)!, ct);
            if (!partner.IsSuccess) return cli.Fail(partner.Error);
            var p = partner.Value;

            var grid = new Grid().AddColumn().AddColumn();
            void Row(string label, string? value) => grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value ?? "—"));
            Row("Name", p.Name);
            Row("Id", p.Id.ToString());
            Row("Domain", p.Domain);
            Row("Category", $"{p.Category} / {p.Subcategory}");
            Row("Stage", p.Stage + (p.ArchivedAt is null ? "" : " (archived)"));
            Row("Region", $"{p.Region} {p.Country}".Trim());
            Row("Owner", p.Owner);
            Row("Agreement", p.AgreementStartsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Row("Tags", string.Join(", ", p.Tags));
            Row("Version", p.Version.ToString(CultureInfo.InvariantCulture));
            foreach (var c in p.Contacts) Row("Contact", $"{c.Name} <{c.Email}> {c.Role}");
            cli.Console.Write(grid);

            var trail = await scope.ServiceProvider.GetRequiredService<GetAuditTrail>().ForPartnerAsync(new PartnerId(p.Id), ct);
            var history = new Table().AddColumns("When (UTC)", "Who", "Action", "Changes");
            foreach (var entry in trail.Value)
                history.AddRow(entry.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Markup.Escape(entry.Actor), entry.Action,
                    Markup.Escape(string.Join("; ", entry.Changes.Select(c => $"{c.Field}: {c.Before ?? "—"} → {c.After ?? "—"}"))));
            cli.Console.Write(history);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Import(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "A CSV file with a header row (UTF-8, with or without BOM)." };
        var strict = new Option<bool>("--strict") { Description = "Apply nothing if any row is refused." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check and report what would change, but apply nothing." };
        var command = new Command("import", "Import partners from CSV; upserts by external id or domain.") { Arguments = { file }, Options = { strict, dryRun } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            var path = cli.Parse.GetValue(file)!;
            if (!path.Exists) return cli.Fail($"{path.FullName} does not exist.");
            var bytes = await File.ReadAllBytesAsync(path.FullName, ct);
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "import");
            var import = scope.ServiceProvider.GetRequiredService<ImportPartners>();
            var options = new ImportOptions(cli.Parse.GetValue(strict), cli.Parse.GetValue(dryRun));
            var report = await WithProgressAsync(cli, bytes.Length, progress => import.HandleAsync(bytes, options, progress, ct));
            return Report(cli, error, report, options);
        });
        return command;
    }

    private static Command Export(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "Where to write the CSV ('-' for standard output)." };
        var command = new Command("export", "Export live partners as CSV, in the import format.") { Arguments = { file } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            var target = cli.Parse.GetValue(file)!;
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "export");
            var export = scope.ServiceProvider.GetRequiredService<ExportPartners>();
            if (target.Name == "-")
            {
                await export.HandleAsync(cli.Output, ct);
                return ExitCodes.Success;
            }

            await using var writer = new StreamWriter(target.FullName, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            var count = await export.HandleAsync(writer, ct);
            cli.Output.WriteLine($"Exported {count} partners to {target.FullName}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<ImportReport> WithProgressAsync(CliContext cli, long bytes, Func<IProgress<ImportProgress>?, Task<ImportReport>> run)
    {
        // A progress bar only where someone watches a large file; scripts and small files get the report alone.
        if (!cli.Console.Profile.Capabilities.Interactive || bytes < 1_000_000) return await run(null);
        ImportReport report = null!;
        await cli.Console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("Importing partners");
            report = await run(new Progress<ImportProgress>(p =>
            {
                task.Description = p.Stage == "validated" ? "Validated rows" : "Saving partners";
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
            }));
        });
        return report;
    }

    internal static int Report(CliContext cli, TextWriter error, ImportReport report, ImportOptions options)
    {
        foreach (var problem in report.Errors) error.WriteLine(problem.ToString());
        var verb = report.Applied ? "Imported" : options.DryRun ? "Dry run, nothing applied:" : "Nothing applied:";
        cli.Output.WriteLine($"{verb} {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged, {report.Errors.Count} refused ({report.Rows} rows read).");
        if (report.Errors.Count == 0) return ExitCodes.Success;
        error.WriteLine(options.Strict && !options.DryRun
            ? $"error: {report.Errors.Count} rows refused; --strict applied nothing."
            : $"error: {report.Errors.Count} rows refused; the others were {(report.Applied ? "applied" : "checked")}.");
        return report.Rows == 0 && report.Errors.Count == 1 && report.Errors[0].Line == 1 ? ExitCodes.Failure : ExitCodes.RowsRefused;
    }
}
