using System.CommandLine;
using System.Text.Json;
using PartnerHub.App.Standing;
using PartnerHub.Cli.Partners;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Partners;
using Spectre.Console;

namespace PartnerHub.Cli.Standing;

public static class StandingCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var partner = new Argument<string>("partner") { Description = "The partner's id or domain." };
        var asOf = new Option<string?>("--as-of") { Description = "The date to evaluate on (yyyy-MM-dd); today when omitted. Any past date uses the program version in force then." };
        var json = new Option<bool>("--json") { Description = "Print the whole standing as JSON, as the API returns it." };
        var command = new Command("standing", "Where a partner stands: tier and why, certification, KPIs against the tier's targets, health.")
        {
            Arguments = { partner }, Options = { asOf, json },
        };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            var date = GetStanding.ParseAsOf(cli.Parse.GetValue(asOf), "--as-of");
            if (!date.IsSuccess) return cli.Fail(date.Error);
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "standing");
            var found = await PartnerLookup.FindAsync(scope.ServiceProvider, cli.Parse.GetValue(partner)!, ct);
            if (!found.IsSuccess) return cli.Fail(found.Error);
            var result = await scope.ServiceProvider.GetRequiredService<GetStanding>().HandleAsync(new PartnerId(found.Value.Id), date.Value, ct);
            if (!result.IsSuccess) return cli.Fail(result.Error);
            if (cli.Parse.GetValue(json)) cli.Output.WriteLine(JsonSerializer.Serialize(result.Value, CliJson.Options));
            else Print(cli, result.Value);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliContext cli, StandingView s)
    {
        var console = cli.Console;
        console.MarkupLine($"[bold]{Markup.Escape(s.PartnerName)}[/] on {s.AsOf:yyyy-MM-dd}, program {s.ProgramVersion} (in force since {s.ProgramEffectiveFrom:yyyy-MM-dd}){(s.Active ? "" : " [red](not active)[/]")}");
        console.WriteLine($"Tier: {s.TierName(s.Tier.Held)}");
        console.WriteLine($"  {s.Tier.Explanation}");
        console.WriteLine($"  {s.Tier.HeldExplanation}");
        console.WriteLine($"  {s.Tier.ChangeExplanation}");
        if (s.NextTier is { } next) console.WriteLine($"  Next: {next.Explanation}");

        var checks = new Table().AddColumns("Tier", "Criterion", "Input", "Threshold", "Pass");
        foreach (var c in s.Tier.Checks)
            checks.AddRow(Markup.Escape(s.TierName(c.Tier)), Markup.Escape(c.Criterion), Markup.Escape(c.Input), Markup.Escape(c.Threshold), c.Passed ? "[green]yes[/]" : "[red]no[/]");
        console.Write(checks);

        console.WriteLine($"Certification: held {s.LevelName(s.Certification.Held)}, eligible {s.LevelName(s.Certification.Eligible)}");
        console.WriteLine($"  {s.Certification.Explanation}");
        if (s.Certification.NextLevelChecks.Count > 0)
        {
            var requirements = new Table().AddColumns("Level", "Requirement", "Input", "Threshold", "Pass");
            foreach (var r in s.Certification.NextLevelChecks)
                requirements.AddRow(Markup.Escape(s.LevelName(r.Level)), Markup.Escape(r.Requirement), Markup.Escape(r.Input), Markup.Escape(r.Threshold), r.Passed ? "[green]yes[/]" : "[red]no[/]");
            console.Write(requirements);
        }

        var targets = new Table().AddColumns($"{s.TierName(s.Tier.Held)} target", "Actual", "Target", "Result");
        foreach (var t in s.Targets)
            targets.AddRow(t.Metric.ToString().ToLowerInvariant(), Markup.Escape(t.Actual), Markup.Escape(t.Target), t.Attainment switch
            {
                Attainment.Met => "[green]met[/]",
                Attainment.Missed => "[red]missed[/]",
                _ => "no data",
            });
        console.Write(targets);

        var kpis = new Table().AddColumns("KPI", "Value", "How");
        foreach (var k in s.Kpis) kpis.AddRow(Markup.Escape(k.Name), Markup.Escape(k.Text), Markup.Escape(k.Explanation));
        console.Write(kpis);
        console.WriteLine(s.Health.Explanation);
    }
}
