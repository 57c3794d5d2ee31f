using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PartnerHub.App.Onboarding;
using PartnerHub.Cli.Partners;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using Spectre.Console;

namespace PartnerHub.Cli.Onboarding;

/// <summary>
/// Phase 2 on the command line, as vendor staff: start a qualified partner's journey, show it, complete vendor-owned
/// steps (an integration check, or a document from a file), the board and the time-to-launch KPI. Partner-owned steps
/// are the partner's to complete in the portal.
/// </summary>
public static class OnboardingCommand
{
    public static Command Create(TextWriter output, TextWriter error) => new("onboarding", "Onboarding journeys: start, show, complete steps, board, metrics.")
    {
        Subcommands = { Start(output, error), Show(output, error), Complete(output, error), Board(output, error), Metrics(output, error) },
    };

    private static Argument<string> PartnerArgument() => new("partner") { Description = "The partner's domain or id." };

    private static Option<bool> JsonOption() => new("--json") { Description = "Write the API's JSON instead of a table." };

    private static void ForPartner(Command command, TextWriter output, TextWriter error, Argument<string> partner, string operation,
        Func<CliContext, IServiceProvider, PartnerId, int, CancellationToken, Task<int>> action) =>
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, operation);
            var found = await PartnerLookup.FindAsync(scope.ServiceProvider, cli.Parse.GetValue(partner)!, ct);
            if (!found.IsSuccess) return cli.Fail(found.Error);
            return await action(cli, scope.ServiceProvider, new PartnerId(found.Value.Id), found.Value.Version, ct);
        });

    private static Command Start(TextWriter output, TextWriter error)
    {
        var partner = PartnerArgument();
        var command = new Command("start", "Qualified → onboarding: start the category's journey from the program in force.") { Arguments = { partner } };
        ForPartner(command, output, error, partner, "onboarding.start", async (cli, services, id, version, ct) =>
            Print(cli, await services.GetRequiredService<StartOnboarding>().HandleAsync(id, version, ct), json: false));
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var partner = PartnerArgument();
        var json = JsonOption();
        var command = new Command("show", "The partner's journey: each step's owner, evidence, due date, done or overdue.") { Arguments = { partner }, Options = { json } };
        ForPartner(command, output, error, partner, "onboarding.show", async (cli, services, id, _, ct) =>
            Print(cli, await services.GetRequiredService<GetOnboarding>().HandleAsync(id, ct), cli.Parse.GetValue(json)));
        return command;
    }

    private static Command Complete(TextWriter output, TextWriter error)
    {
        var partner = PartnerArgument();
        var step = new Argument<string>("step") { Description = "The step's key (agreement, integration, …)." };
        var note = new Option<string?>("--note") { Description = "What was checked (integration checks need one)." };
        var file = new Option<FileInfo?>("--file") { Description = "A document to upload as the step's evidence." };
        var type = new Option<string?>("--content-type") { Description = "The file's type; by default from its extension (.pdf, .png, .jpg, .txt)." };
        var command = new Command("complete", "Complete a vendor-owned step: an integration check with --note, or a document with --file.")
        {
            Arguments = { partner, step }, Options = { note, file, type },
        };
        ForPartner(command, output, error, partner, "onboarding.complete", async (cli, services, id, _, ct) =>
        {
            UploadedFile? upload = null;
            if (cli.Parse.GetValue(file) is { } f)
            {
                if (!f.Exists) return cli.Fail($"--file '{f.FullName}' does not exist.");
                var contentType = cli.Parse.GetValue(type) ?? TypeOf(f.Extension);
                upload = new UploadedFile(f.Name, contentType, f.Length, token => File.ReadAllBytesAsync(f.FullName, token));
            }

            var result = await services.GetRequiredService<CompleteOnboardingStep>().HandleAsync(id, cli.Parse.GetValue(step)!, cli.Parse.GetValue(note), upload, null, ct);
            return Print(cli, result, json: false);
        });
        return command;
    }

    private static Command Board(TextWriter output, TextWriter error)
    {
        var overdue = new Option<bool>("--overdue") { Description = "Only partners with overdue steps." };
        var category = new Option<string?>("--category") { Description = "Only this category." };
        var json = JsonOption();
        var command = new Command("board", "Every partner in onboarding: progress, next step, overdue steps.") { Options = { overdue, category, json } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "onboarding.board");
            var rows = await scope.ServiceProvider.GetRequiredService<GetOnboardingBoard>().HandleAsync(cli.Parse.GetValue(overdue), cli.Parse.GetValue(category), ct);
            if (cli.Parse.GetValue(json)) return Json(cli, rows);
            var table = new Table().AddColumns("Partner", "Category", "Started", "Done", "Next step", "Owner", "Due", "Overdue");
            foreach (var r in rows)
                table.AddRow(Markup.Escape(r.Partner), r.Category, Day(DateOnly.FromDateTime(r.StartedAt.UtcDateTime)), $"{r.Done}/{r.Total}", Markup.Escape(r.NextTitle ?? "—"),
                    r.NextOwner ?? "—", Day(r.NextDueOn), r.OverdueSteps.Count == 0 ? "—" : string.Join(", ", r.OverdueSteps));
            cli.Console.Write(table);
            cli.Output.WriteLine($"{rows.Count} partners onboarding, {rows.Count(r => r.OverdueSteps.Count > 0)} with overdue steps.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Metrics(TextWriter output, TextWriter error)
    {
        var json = JsonOption();
        var command = new Command("metrics", "Time to launch: median days prospect → active and onboarding duration, program-wide and per category.") { Options = { json } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "onboarding.metrics");
            var metrics = await scope.ServiceProvider.GetRequiredService<GetOnboardingMetrics>().HandleAsync(ct);
            if (cli.Parse.GetValue(json)) return Json(cli, metrics);
            var table = new Table().AddColumns("Category", "Launched", "Median days prospect → active", "Median onboarding days", "Onboarding now");
            foreach (var f in metrics.Categories.Append(metrics.Program))
                table.AddRow(f.Category, Num(f.Launched), Dec(f.MedianDaysProspectToActive), Dec(f.MedianOnboardingDays), Num(f.Onboarding));
            cli.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static int Print(CliContext cli, Result<JourneyView> result, bool json)
    {
        if (!result.IsSuccess) return cli.Fail(result.Error);
        var j = result.Value;
        if (json) return Json(cli, j);
        var table = new Table().AddColumns("Step", "Title", "Owner", "Evidence", "Due", "Done", "By");
        foreach (var s in j.Steps)
            table.AddRow(s.Key, Markup.Escape(s.Title), s.Owner, s.Evidence + (s.Reference is null ? "" : $" {s.Reference}"), Day(s.DueOn) + (s.Overdue ? " OVERDUE" : ""),
                s.DoneAt is { } at ? Day(DateOnly.FromDateTime(at.UtcDateTime)) : "—", Markup.Escape(s.DoneBy ?? "—"));
        cli.Console.Write(table);
        cli.Output.WriteLine($"{j.Partner}: {j.Category} journey ({j.ProgramVersion}), {j.Done}/{j.Total} done, {j.Overdue} overdue"
            + (j.LaunchedAt is { } launched ? $", launched {Day(DateOnly.FromDateTime(launched.UtcDateTime))}." : "."));
        return ExitCodes.Success;
    }

    private static string TypeOf(string extension) => extension.ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".txt" => "text/plain",
        _ => "application/octet-stream",
    };

    private static int Json<T>(CliContext cli, T value)
    {
        cli.Output.WriteLine(JsonSerializer.Serialize(value, CliJson.Options));
        return ExitCodes.Success;
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Dec(decimal? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "—";

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
}
