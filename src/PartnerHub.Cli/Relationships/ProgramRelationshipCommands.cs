using System.CommandLine;
using System.Text.Json;
using PartnerHub.App.Relationships;
using PartnerHub.App.Standing;

namespace PartnerHub.Cli.Relationships;

/// <summary>`partnerhub program alerts|expansion`: the relationship worklists next to `program reviews`.</summary>
public static class ProgramRelationshipCommands
{
    public static Command Alerts(TextWriter output, TextWriter error)
    {
        var (asOf, json) = Options();
        var command = new Command("alerts", "Health alerts: active partners with health below the program's threshold, or a tier target missed at their last reviews in a row.")
        {
            Options = { asOf, json },
        };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            var date = GetStanding.ParseAsOf(cli.Parse.GetValue(asOf), "--as-of");
            if (!date.IsSuccess) return cli.Fail(date.Error);
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "program.alerts");
            var list = await scope.ServiceProvider.GetRequiredService<ListHealthAlerts>().HandleAsync(date.Value, ct);
            if (cli.Parse.GetValue(json)) cli.Output.WriteLine(JsonSerializer.Serialize(list, CliJson.Options));
            else
            {
                cli.Output.WriteLine($"{list.Items.Count} alerts on {list.AsOf:yyyy-MM-dd} (program {list.ProgramVersion}; health below {list.HealthAlertBelow}, or a target missed {list.MissedReviewsInARow} reviews in a row).");
                foreach (var a in list.Items) cli.Output.WriteLine($"{a.Kind,-13} {a.PartnerName}: {a.Explanation}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Expansion(TextWriter output, TextWriter error)
    {
        var (asOf, json) = Options();
        var command = new Command("expansion", "Expansion candidates: active partners that meet all but a few criteria of the next tier, and those qualified for another category.")
        {
            Options = { asOf, json },
        };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            var date = GetStanding.ParseAsOf(cli.Parse.GetValue(asOf), "--as-of");
            if (!date.IsSuccess) return cli.Fail(date.Error);
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "program.expansion");
            var list = await scope.ServiceProvider.GetRequiredService<ListExpansionCandidates>().HandleAsync(date.Value, ct);
            if (cli.Parse.GetValue(json)) cli.Output.WriteLine(JsonSerializer.Serialize(list, CliJson.Options));
            else
            {
                cli.Output.WriteLine($"{list.Items.Count} expansion candidates on {list.AsOf:yyyy-MM-dd} (program {list.ProgramVersion}).");
                foreach (var c in list.Items) cli.Output.WriteLine($"{c.Tier} -> {c.NextTier,-10} {c.PartnerName}: {c.Explanation}");
                cli.Output.WriteLine($"{list.OtherCategories.Count} active partners qualified for another category.");
                foreach (var c in list.OtherCategories) cli.Output.WriteLine($"{c.Category} -> {c.TargetCategory,-10} {c.PartnerName}: {c.Explanation}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static (Option<string?> AsOf, Option<bool> Json) Options() => (
        new Option<string?>("--as-of") { Description = "The date (yyyy-MM-dd); today when omitted." },
        new Option<bool>("--json") { Description = "Print the list as JSON, as the API returns it." });
}
