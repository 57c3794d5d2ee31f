using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PartnerHub.App.Marketing;
using PartnerHub.App.Onboarding;
using PartnerHub.Cli.Partners;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using Spectre.Console;

namespace PartnerHub.Cli.Marketing;

/// <summary>
/// Enablement marketing on the command line, as vendor staff: the collateral library (list, add an item with its file,
/// upload a new version) and market development funds (a partner's budget, the co-marketing activities).
/// </summary>
public static class MarketingCommand
{
    public static Command Collateral(TextWriter output, TextWriter error) => new("collateral", "The collateral library: list, add, version.")
    {
        Subcommands = { List(output, error), Add(output, error), Version(output, error) },
    };

    public static Command Mdf(TextWriter output, TextWriter error) => new("mdf", "Market development funds: a partner's budget, co-marketing activities.")
    {
        Subcommands = { Budget(output, error), Activities(output, error) },
    };

    private static Option<bool> JsonOption() => new("--json") { Description = "Write the API's JSON instead of a table." };

    private static Command List(TextWriter output, TextWriter error)
    {
        var json = JsonOption();
        var kind = new Option<string?>("--kind") { Description = "Only this kind of material." };
        var command = new Command("list", "Every collateral item with its audience, current version and downloads.") { Options = { kind, json } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "collateral.list");
            var library = await scope.ServiceProvider.GetRequiredService<ListCollateral>().HandleAsync(cli.Parse.GetValue(kind), null, ct);
            if (!library.IsSuccess) return cli.Fail(library.Error);
            if (cli.Parse.GetValue(json)) return Json(cli, library.Value);
            var table = new Table().AddColumns("Id", "Title", "Kind", "Category", "Min tier", "Version", "File", "Downloads");
            foreach (var i in library.Value.Items)
                table.AddRow(i.Id.ToString(), Markup.Escape(i.Title), Markup.Escape(i.Kind), i.Category ?? "all", i.MinTier ?? "any", Num(i.Version), Markup.Escape(i.FileName), Num(i.Downloads));
            cli.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Add(TextWriter output, TextWriter error)
    {
        var title = new Option<string?>("--title") { Description = "The item's title." };
        var kind = new Option<string?>("--kind") { Description = "A kind of material from the program (Sales Collateral, Case Studies, …)." };
        var category = new Option<string?>("--category") { Description = "Only for partners of this category." };
        var minTier = new Option<string?>("--min-tier") { Description = "Only for partners holding this tier or a higher one." };
        var tags = new Option<string?>("--tags") { Description = "Comma-separated tags." };
        var file = new Option<FileInfo?>("--file") { Description = "The file." };
        var command = new Command("add", "Add an item with its first file.") { Options = { title, kind, category, minTier, tags, file } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            if (Upload(cli.Parse.GetValue(file)) is not { } upload) return cli.Fail("--file must name an existing file.");
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "collateral.add");
            var input = new NewCollateral(cli.Parse.GetValue(title), cli.Parse.GetValue(kind), cli.Parse.GetValue(category), cli.Parse.GetValue(minTier), cli.Parse.GetValue(tags), null);
            var added = await scope.ServiceProvider.GetRequiredService<AddCollateral>().HandleAsync(input, upload, ct);
            if (!added.IsSuccess) return cli.Fail(added.Error);
            cli.Output.WriteLine($"Added {added.Value.Title} ({added.Value.Id}), version 1, sha256 {added.Value.Sha256}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Version(TextWriter output, TextWriter error)
    {
        var id = new Argument<Guid>("id") { Description = "The item's id." };
        var file = new Option<FileInfo?>("--file") { Description = "The new file." };
        var note = new Option<string?>("--note") { Description = "What changed." };
        var command = new Command("version", "Upload a new version of an item's file; partners get it from now on.") { Arguments = { id }, Options = { file, note } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            if (Upload(cli.Parse.GetValue(file)) is not { } upload) return cli.Fail("--file must name an existing file.");
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "collateral.version");
            var added = await scope.ServiceProvider.GetRequiredService<AddCollateralVersion>().HandleAsync(cli.Parse.GetValue(id), upload, cli.Parse.GetValue(note), ct);
            if (!added.IsSuccess) return cli.Fail(added.Error);
            cli.Output.WriteLine($"{added.Value.Title} is now at version {added.Value.Version}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Budget(TextWriter output, TextWriter error)
    {
        var partner = new Argument<string>("partner") { Description = "The partner's domain or id." };
        var json = JsonOption();
        var command = new Command("budget", "The partner's market development funds this period: budget explained, committed, paid, available.") { Arguments = { partner }, Options = { json } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "mdf.budget");
            var found = await PartnerLookup.FindAsync(scope.ServiceProvider, cli.Parse.GetValue(partner)!, ct);
            if (!found.IsSuccess) return cli.Fail(found.Error);
            var budget = await scope.ServiceProvider.GetRequiredService<GetMdfBudget>().HandleAsync(new PartnerId(found.Value.Id), null, ct);
            if (!budget.IsSuccess) return cli.Fail(budget.Error);
            if (cli.Parse.GetValue(json)) return Json(cli, budget.Value);
            var b = budget.Value;
            cli.Output.WriteLine(b.Explanation);
            cli.Output.WriteLine($"Committed {Amount(b.CommittedMinor, b.Currency)}, paid {Amount(b.PaidMinor, b.Currency)}, available {Amount(b.AvailableMinor, b.Currency)}; {b.Activities.Count} activities.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Activities(TextWriter output, TextWriter error)
    {
        var status = new Option<string?>("--status") { Description = "requested, approved, rejected, claimed, claim-rejected or paid." };
        var json = JsonOption();
        var command = new Command("activities", "Co-marketing activities, newest first.") { Options = { status, json } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "mdf.activities");
            var list = await scope.ServiceProvider.GetRequiredService<ListMdfActivities>().HandleAsync(cli.Parse.GetValue(status), null, ct);
            if (!list.IsSuccess) return cli.Fail(list.Error);
            if (cli.Parse.GetValue(json)) return Json(cli, list.Value);
            var table = new Table().AddColumns("Partner", "Activity", "Period", "Status", "Asked", "Approved", "Paid");
            foreach (var a in list.Value)
                table.AddRow(Markup.Escape(a.PartnerName), Markup.Escape(a.Title), a.Period, a.Status, Amount(a.AskedMinor, a.Currency),
                    a.ApprovedMinor is { } ap ? Amount(ap, a.Currency) : "—", a.PaidMinor is { } p ? Amount(p, a.Currency) : "—");
            cli.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static UploadedFile? Upload(FileInfo? file) => file is { Exists: true } f
        ? new UploadedFile(f.Name, TypeOf(f.Extension), f.Length, token => File.ReadAllBytesAsync(f.FullName, token))
        : null;

    private static string TypeOf(string extension) => extension.ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".txt" => "text/plain",
        ".md" => "text/markdown",
        ".mp4" => "video/mp4",
        ".zip" => "application/zip",
        ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _ => "application/octet-stream",
    };

    private static int Json<T>(CliContext cli, T value)
    {
        cli.Output.WriteLine(JsonSerializer.Serialize(value, CliJson.Options));
        return ExitCodes.Success;
    }

    private static string Amount(long minor, string currency) =>
        Currency.Parse(currency) is { IsSuccess: true } c ? new Money(minor, c.Value).ToString() : $"{minor.ToString(CultureInfo.InvariantCulture)} {currency} minor units";

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
