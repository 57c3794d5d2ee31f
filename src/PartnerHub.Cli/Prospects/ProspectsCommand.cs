using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PartnerHub.App.Prospects;
using PartnerHub.Cli.Partners;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Prospects;
using Spectre.Console;

namespace PartnerHub.Cli.Prospects;

/// <summary>Phase 1 on the command line: the prospect list, assessments, outreach, the plan, qualify/cool and the opportunity matrix.</summary>
public static class ProspectsCommand
{
    public static Command Create(TextWriter output, TextWriter error) => new("prospects", "Identification: prospects, assessments, outreach, qualification.")
    {
        Subcommands = { List(output, error), Assess(output, error), Outreach(output, error), Plan(output, error), Qualify(output, error), Cool(output, error), Matrix(output, error) },
    };

    private static Argument<string> PartnerArgument() => new("partner") { Description = "The partner's domain or id." };

    private static Option<bool> JsonOption() => new("--json") { Description = "Write the API's JSON instead of a table." };

    /// <summary>Runs <paramref name="action"/> in a CLI scope with the named partner found, or fails with one line.</summary>
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

    private static Command List(TextWriter output, TextWriter error)
    {
        var stage = new Option<string?>("--stage") { Description = "prospect or qualified." };
        var category = new Option<string?>("--category") { Description = "Only this category (technology, education, business, channel…)." };
        var json = JsonOption();
        var command = new Command("list", "Prospects and qualified partners with source, latest fit score and next step.") { Options = { stage, category, json } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "prospects.list");
            var result = await scope.ServiceProvider.GetRequiredService<ListProspects>().HandleAsync(cli.Parse.GetValue(stage), cli.Parse.GetValue(category), ct);
            if (!result.IsSuccess) return cli.Fail(result.Error);
            if (cli.Parse.GetValue(json)) return Json(cli, result.Value);
            var table = new Table().AddColumns("Name", "Subcategory", "Stage", "Source", "Fit", "Threshold", "Revenue", "Next step", "Due");
            foreach (var r in result.Value)
                table.AddRow(Markup.Escape(r.Name), r.Subcategory, r.Stage, r.Source ?? "—", Num(r.FitScore), Num(r.Threshold), Num(r.RevenuePotential),
                    Markup.Escape(r.NextStep ?? "—"), Day(r.NextStepDueOn));
            cli.Console.Write(table);
            cli.Output.WriteLine($"{result.Value.Count} prospects and qualified partners.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Assess(TextWriter output, TextWriter error)
    {
        var partner = PartnerArgument();
        var scores = new Option<string[]>("--score") { Description = "criterion=score, once per criterion (e.g. --score strategic-fit=4).", Required = true };
        var notes = new Option<string?>("--notes") { Description = "What the scores are based on." };
        var category = new Option<string?>("--category") { Description = "Assess an active partner for another category than its own (expansion)." };
        var command = new Command("assess", "Score a prospect 1–5 on every qualification criterion; prints the fit score and why.")
        {
            Arguments = { partner }, Options = { scores, notes, category },
        };
        ForPartner(command, output, error, partner, "prospects.assess", async (cli, services, id, _, ct) =>
        {
            var parsed = new Dictionary<string, int?>(StringComparer.Ordinal);
            foreach (var pair in cli.Parse.GetValue(scores) ?? [])
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                if (at <= 0 || !int.TryParse(pair.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var score))
                    return cli.Fail($"--score '{pair}' is not criterion=score (e.g. strategic-fit=4).");
                parsed[pair[..at].Trim()] = score;
            }

            var result = await services.GetRequiredService<AssessOpportunity>().HandleAsync(id, parsed, cli.Parse.GetValue(notes), ct, cli.Parse.GetValue(category));
            if (!result.IsSuccess) return cli.Fail(result.Error);
            var table = new Table().AddColumns("Criterion", "Score", "Weight", "Points");
            foreach (var c in result.Value.Criteria)
                table.AddRow(Markup.Escape(c.Name), $"{Num(c.Score)}{(c.Label is null ? "" : $" ({Markup.Escape(c.Label)})")}", Num(c.Weight), Num(c.Points));
            cli.Console.Write(table);
            cli.Output.WriteLine(result.Value.Explanation);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Outreach(TextWriter output, TextWriter error)
    {
        var partner = PartnerArgument();
        var channel = new Option<string>("--channel") { Description = string.Join(", ", ProspectKeys.All<OutreachChannel>()) + ".", Required = true };
        var outcome = new Option<string>("--outcome") { Description = string.Join(", ", ProspectKeys.All<OutreachOutcome>()) + ".", Required = true };
        var note = new Option<string?>("--note");
        var next = new Option<string?>("--next-step") { Description = "What happens next (needs --due)." };
        var due = new Option<string?>("--due") { Description = "When the next step is due, YYYY-MM-DD." };
        var command = new Command("outreach", "Log a contact attempt with a prospect.") { Arguments = { partner }, Options = { channel, outcome, note, next, due } };
        ForPartner(command, output, error, partner, "prospects.outreach", async (cli, services, id, _, ct) =>
        {
            DateOnly? dueOn = null;
            if (cli.Parse.GetValue(due) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return cli.Fail($"--due '{text}' is not a date like 2026-06-30.");
                dueOn = d;
            }

            var input = new LogOutreach.Input(cli.Parse.GetValue(channel), cli.Parse.GetValue(outcome), cli.Parse.GetValue(note), cli.Parse.GetValue(next), dueOn);
            var result = await services.GetRequiredService<LogOutreach>().HandleAsync(id, input, ct);
            if (!result.IsSuccess) return cli.Fail(result.Error);
            var a = result.Value;
            cli.Output.WriteLine($"Logged {a.Channel}: {a.Outcome}{(a.NextStep is null ? "." : $"; next: {a.NextStep} by {Day(a.NextStepDueOn)}.")}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Plan(TextWriter output, TextWriter error)
    {
        var json = JsonOption();
        var command = new Command("plan", "This week's outreach plan: overdue follow-ups, follow-ups due this week, prospects not contacted yet.") { Options = { json } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "prospects.plan");
            var plan = await scope.ServiceProvider.GetRequiredService<GetOutreachPlan>().HandleAsync(ct);
            if (cli.Parse.GetValue(json)) return Json(cli, plan);
            cli.Output.WriteLine($"Week {Day(plan.WeekStart)} to {Day(plan.WeekEnd)}, today {Day(plan.Today)}.");
            var table = new Table().AddColumns("", "Partner", "Stage", "Next step", "Due", "Last outcome");
            foreach (var (label, items) in new[] { ("overdue", plan.Overdue), ("this week", plan.DueThisWeek), ("not contacted", plan.NotContacted) })
                foreach (var i in items)
                    table.AddRow(label + (i.DaysOverdue > 0 ? $" {i.DaysOverdue} d" : ""), Markup.Escape(i.Name), i.Stage, Markup.Escape(i.NextStep ?? "—"), Day(i.DueOn), i.LastOutcome ?? "—");
            cli.Console.Write(table);
            cli.Output.WriteLine($"{plan.Overdue.Count} overdue, {plan.DueThisWeek.Count} due this week, {plan.NotContacted.Count} not contacted.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Qualify(TextWriter output, TextWriter error)
    {
        var partner = PartnerArgument();
        var overrideScore = new Option<bool>("--override") { Description = "Qualify although the latest assessment does not pass (needs --reason)." };
        var reason = new Option<string?>("--reason") { Description = "Why; kept as the stage reason and audited." };
        var command = new Command("qualify", "Move a prospect to qualified when its latest assessment passes its category's threshold.")
        {
            Arguments = { partner }, Options = { overrideScore, reason },
        };
        ForPartner(command, output, error, partner, "prospects.qualify", async (cli, services, id, version, ct) =>
            Moved(cli, await services.GetRequiredService<QualifyPartner>().QualifyAsync(id, cli.Parse.GetValue(overrideScore), cli.Parse.GetValue(reason), version, ct)));
        return command;
    }

    private static Command Cool(TextWriter output, TextWriter error)
    {
        var partner = PartnerArgument();
        var reason = new Option<string>("--reason") { Description = "Why the opportunity cooled.", Required = true };
        var command = new Command("cool", "Move a qualified partner back to prospect: the opportunity cooled.") { Arguments = { partner }, Options = { reason } };
        ForPartner(command, output, error, partner, "prospects.cool", async (cli, services, id, version, ct) =>
            Moved(cli, await services.GetRequiredService<QualifyPartner>().CoolAsync(id, cli.Parse.GetValue(reason), version, ct)));
        return command;
    }

    private static Command Matrix(TextWriter output, TextWriter error)
    {
        var json = JsonOption();
        var command = new Command("matrix", "The opportunity matrix: prospects by fit × revenue potential per subcategory, against its target count.") { Options = { json } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "prospects.matrix");
            var result = await scope.ServiceProvider.GetRequiredService<GetOpportunityMatrix>().HandleAsync(ct);
            if (!result.IsSuccess) return cli.Fail(result.Error);
            if (cli.Parse.GetValue(json)) return Json(cli, result.Value);
            var table = new Table().AddColumns("Subcategory", "Target", "In program", "Qualified", "Prospects", "Gap", "Pursue", "Nurture", "Develop", "Deprioritize", "Unassessed");
            foreach (var c in result.Value.Categories)
                foreach (var s in c.Subcategories)
                {
                    string Count(string quadrant) => Num(s.Placements.Count(p => p.Quadrant == quadrant));
                    table.AddRow($"{c.Key}/{s.Key}", s.Target.ToString(), Num(s.InProgram), Num(s.Qualified), Num(s.Prospects), Num(s.Gap),
                        Count("pursue"), Count("nurture"), Count("develop"), Count("deprioritize"), Count("unassessed"));
                }

            cli.Console.Write(table);
            cli.Output.WriteLine($"Program {result.Value.ProgramVersion}; revenue axis: {result.Value.RevenueCriterion}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static int Moved(CliContext cli, Result<App.Partners.PartnerView> result)
    {
        if (!result.IsSuccess) return cli.Fail(result.Error);
        cli.Output.WriteLine($"{result.Value.Name} is now {result.Value.Stage}: {result.Value.StageReason}");
        return ExitCodes.Success;
    }

    private static int Json<T>(CliContext cli, T value)
    {
        cli.Output.WriteLine(JsonSerializer.Serialize(value, CliJson.Options));
        return ExitCodes.Success;
    }

    private static string Num(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "—";

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
}
