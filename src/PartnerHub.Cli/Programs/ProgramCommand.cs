using System.CommandLine;
using System.Globalization;
using PartnerHub.App.Programs;
using PartnerHub.App.Standing;
using PartnerHub.Core.Common;
using PartnerHub.Core.Programs;
using Spectre.Console;

namespace PartnerHub.Cli.Programs;

public static class ProgramCommand
{
    public static Command Create(TextWriter output, TextWriter error) => new("program", "The partner program: validate, show, compare and publish versions; the review worklist; roadmap progress.")
    {
        Subcommands = { Validate(output, error), Show(output, error), Versions(output, error), Diff(output, error), Simulate(output, error), Publish(output, error), Reviews(output, error), Roadmap(output, error),
            Relationships.ProgramRelationshipCommands.Alerts(output, error), Relationships.ProgramRelationshipCommands.Expansion(output, error) },
    };

    private static Command Validate(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "A program YAML file." };
        var command = new Command("validate", "Check a program file; every problem as file:line:column: message. Exit 0 only when valid.") { Arguments = { file } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            var path = cli.Parse.GetValue(file)!;
            if (!path.Exists) return cli.Fail($"{path.FullName} does not exist.");
            var parsed = ProgramFile.Parse(await File.ReadAllTextAsync(path.FullName, ct), path.Name);
            foreach (var problem in parsed.Problems) error.WriteLine(problem.ToString());
            if (!parsed.IsValid) return cli.Fail($"{path.Name} has {parsed.Problems.Count} problem(s).");
            cli.Output.WriteLine($"{path.Name} is a valid program: {parsed.Program!.Name}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var version = new Option<string?>("--version") { Description = "vN, a version number, or omit for the version in force today." };
        var command = new Command("show", "Show a published program readably: tiers, targets, certification, revenue models, support.") { Options = { version } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "program.show");
            var store = scope.ServiceProvider.GetRequiredService<ProgramStore>();
            var published = cli.Parse.GetValue(version) is { } v ? await ResolveAsync(store, v, ct) : await store.CurrentAsync(ct);
            if (!published.IsSuccess) return cli.Fail(published.Error);
            ProgramPrinter.Print(cli.Console, published.Value);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Versions(TextWriter output, TextWriter error)
    {
        var command = new Command("versions", "List the published versions.");
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "program.versions");
            var table = new Table().AddColumns("Version", "Effective from", "Name", "Published", "By");
            foreach (var v in await scope.ServiceProvider.GetRequiredService<ProgramStore>().VersionsAsync(ct))
                table.AddRow(v.Label, Display.Date(v.EffectiveFrom), Markup.Escape(v.Name), v.PublishedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Markup.Escape(v.PublishedBy));
            cli.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Diff(TextWriter output, TextWriter error)
    {
        var from = new Argument<string>("old") { Description = "A program file, or a published version: vN or 'current'." };
        var to = new Argument<string>("new") { Description = "A program file, or a published version: vN or 'current'." };
        var command = new Command("diff", "Readable changes from OLD to NEW.") { Arguments = { from, to } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "program.diff");
            var store = scope.ServiceProvider.GetRequiredService<ProgramStore>();
            var old = await LoadAsync(store, cli.Parse.GetValue(from)!, error, ct);
            var @new = await LoadAsync(store, cli.Parse.GetValue(to)!, error, ct);
            if (!old.IsSuccess) return cli.Fail(old.Error);
            if (!@new.IsSuccess) return cli.Fail(@new.Error);
            var changes = ProgramDiff.Compare(old.Value, @new.Value);
            foreach (var change in changes) cli.Output.WriteLine(change);
            cli.Output.WriteLine(changes.Count == 0 ? "No changes." : $"{changes.Count} change(s).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Simulate(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("candidate") { Description = "The candidate program YAML file." };
        var asOf = new Option<string?>("--as-of") { Description = "Evaluate on this date (yyyy-MM-dd); default today." };
        var json = new Option<bool>("--json") { Description = "Print the whole result as JSON." };
        var command = new Command("simulate", "What-if: who would change tier or certification under the candidate, and why. Writes nothing.")
        {
            Arguments = { file }, Options = { asOf, json },
        };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            var path = cli.Parse.GetValue(file)!;
            if (!path.Exists) return cli.Fail($"{path.FullName} does not exist.");
            DateOnly? date = null;
            if (cli.Parse.GetValue(asOf) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return cli.Fail($"--as-of must be a date like 2026-06-30, not '{text}'.");
                date = d;
            }

            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "program.simulate");
            var result = await scope.ServiceProvider.GetRequiredService<SimulateProgram>().HandleAsync(await File.ReadAllTextAsync(path.FullName, ct), path.Name, date, ct);
            if (!result.IsSuccess)
            {
                foreach (var (where, messages) in result.Error.Fields ?? new Dictionary<string, string[]>())
                    foreach (var message in messages) error.WriteLine($"{where}: {message}");
                return cli.Fail(result.Error.Message);
            }

            if (cli.Parse.GetValue(json))
            {
                cli.Output.WriteLine(System.Text.Json.JsonSerializer.Serialize(result.Value, CliJson.Options));
                return ExitCodes.Success;
            }

            SimulationPrinter.Print(cli.Console, result.Value);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Publish(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "The program YAML file to publish." };
        var effective = new Option<string>("--effective") { Description = "The date it takes effect (yyyy-MM-dd), today or later.", Required = true };
        var command = new Command("publish", "Publish a program file as a new immutable version.") { Arguments = { file }, Options = { effective } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            var path = cli.Parse.GetValue(file)!;
            if (!path.Exists) return cli.Fail($"{path.FullName} does not exist.");
            if (!DateOnly.TryParseExact(cli.Parse.GetValue(effective), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return cli.Fail($"--effective must be a date like 2027-01-01, not '{cli.Parse.GetValue(effective)}'.");
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "program.publish");
            var store = scope.ServiceProvider.GetRequiredService<ProgramStore>();
            var current = await store.CurrentAsync(ct);
            var published = await scope.ServiceProvider.GetRequiredService<PublishProgram>().HandleAsync(await File.ReadAllTextAsync(path.FullName, ct), path.Name, date, ct);
            if (!published.IsSuccess)
            {
                foreach (var (where, messages) in published.Error.Fields ?? new Dictionary<string, string[]>())
                    foreach (var message in messages) error.WriteLine($"{where}: {message}");
                return cli.Fail(published.Error.Message);
            }

            var changes = ProgramDiff.Compare(current.Program, (await store.VersionAsync(published.Value.Number, ct)).Value.Program);
            cli.Output.WriteLine($"Published {published.Value.Label}, effective {Display.Date(date)}, with {changes.Count} change(s) from {current.Label}:");
            foreach (var change in changes) cli.Output.WriteLine("  " + change);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<Result<PublishedProgram>> ResolveAsync(ProgramStore store, string which, CancellationToken ct) =>
        which == "current" ? await store.CurrentAsync(ct)
        : int.TryParse(which.TrimStart('v'), out var number) ? await store.VersionAsync(number, ct)
        : Error.Validation("version", $"'{which}' is not a version like v2.");

    /// <summary>A file path or a published version, as a program.</summary>
    private static async Task<Result<PartnerProgram>> LoadAsync(ProgramStore store, string which, TextWriter error, CancellationToken ct)
    {
        if (File.Exists(which))
        {
            var parsed = ProgramFile.Parse(await File.ReadAllTextAsync(which, ct), Path.GetFileName(which));
            foreach (var problem in parsed.Problems) error.WriteLine(problem.ToString());
            return parsed.Program is { } program ? program : Error.Validation("file", $"{which} is not a valid program ({parsed.Problems.Count} problem(s)).");
        }

        var version = await ResolveAsync(store, which, ct);
        return version.IsSuccess ? version.Value.Program : Error.NotFound("Program file or version", which);
    }

    private static Command Reviews(TextWriter output, TextWriter error)
    {
        var asOf = new Option<string?>("--as-of") { Description = "The date to review on (yyyy-MM-dd); today when omitted." };
        var json = new Option<bool>("--json") { Description = "Print the worklist as JSON, as the API returns it." };
        var command = new Command("reviews", "The review worklist: proposed promotions and demotions, partners ready for a higher certification level, renewals due.")
        {
            Options = { asOf, json },
        };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            var date = GetStanding.ParseAsOf(cli.Parse.GetValue(asOf), "--as-of");
            if (!date.IsSuccess) return cli.Fail(date.Error);
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "program.reviews");
            var list = await scope.ServiceProvider.GetRequiredService<ListReviews>().HandleAsync(date.Value, ct);
            if (cli.Parse.GetValue(json))
            {
                cli.Output.WriteLine(System.Text.Json.JsonSerializer.Serialize(list, CliJson.Options));
                return ExitCodes.Success;
            }

            cli.Output.WriteLine($"{list.Items.Count} to review on {list.AsOf:yyyy-MM-dd} (program {list.ProgramVersion}).");
            foreach (var item in list.Items)
                cli.Output.WriteLine($"{item.Kind,-14} {item.PartnerName}: {item.From} -> {item.To}{(item.EffectiveOn is { } on ? $" on {on:yyyy-MM-dd}" : "")}. {item.Explanation}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Roadmap(TextWriter output, TextWriter error)
    {
        var asOf = new Option<string?>("--as-of") { Description = "The date to measure on (yyyy-MM-dd); today when omitted." };
        var json = new Option<bool>("--json") { Description = "Print the roadmap as JSON, as the API returns it." };
        var command = new Command("roadmap", "The roadmap's goals measured from live data: actual against target, met / on track / behind / missed, and why.")
        {
            Options = { asOf, json },
        };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            var date = GetStanding.ParseAsOf(cli.Parse.GetValue(asOf), "--as-of");
            if (!date.IsSuccess) return cli.Fail(date.Error);
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "program.roadmap");
            var roadmap = await scope.ServiceProvider.GetRequiredService<GetRoadmapProgress>().HandleAsync(date.Value, ct);
            if (cli.Parse.GetValue(json))
            {
                cli.Output.WriteLine(System.Text.Json.JsonSerializer.Serialize(roadmap, CliJson.Options));
                return ExitCodes.Success;
            }

            cli.Output.WriteLine($"Roadmap on {roadmap.AsOf:yyyy-MM-dd} (program {roadmap.ProgramVersion}).");
            foreach (var year in roadmap.Years)
            {
                cli.Output.WriteLine($"Year {year.Year}: {year.Theme}");
                foreach (var g in year.Goals.Select(g => g.Progress))
                {
                    var status = g.Status == Core.Evaluation.GoalStatus.OnTrack ? "on track" : g.Status.ToString().ToLowerInvariant();
                    cli.Output.WriteLine($"  {g.Quarter.ToUpperInvariant()} {g.Title}: {g.ActualText} of {g.TargetText} ({g.Percent}%), {status}. {g.Explanation}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
