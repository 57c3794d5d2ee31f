using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PartnerHub.App.Relationships;
using PartnerHub.Cli.Partners;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Relationships;
using Spectre.Console;

namespace PartnerHub.Cli.Relationships;

/// <summary>`partnerhub relationship …`: a partner's plan, its timeline, and logging what happened.</summary>
public static class RelationshipCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("relationship", "Relationship management: plans, activities and the timeline of a partner.")
        {
            Subcommands = { Plan(output, error), AddGoal(output, error), Log(output, error), Timeline(output, error) },
        };

    private static Command Plan(TextWriter output, TextWriter error)
    {
        var partner = PartnerArgument();
        var year = new Option<int?>("--year") { Description = "The plan year; this year when omitted." };
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON, as the API returns it." };
        var command = new Command("plan", "A partner's relationship plan: goals, and KPI-linked goals measured by the engine.") { Arguments = { partner }, Options = { year, json } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "relationship.plan");
            var found = await PartnerLookup.FindAsync(scope.ServiceProvider, cli.Parse.GetValue(partner)!, ct);
            if (!found.IsSuccess) return cli.Fail(found.Error);
            var plan = await scope.ServiceProvider.GetRequiredService<GetRelationshipPlan>().HandleAsync(new PartnerId(found.Value.Id), cli.Parse.GetValue(year), ct);
            if (!plan.IsSuccess) return cli.Fail(plan.Error);
            if (cli.Parse.GetValue(json))
            {
                cli.Output.WriteLine(JsonSerializer.Serialize(plan.Value, CliJson.Options));
                return ExitCodes.Success;
            }

            var p = plan.Value;
            cli.Output.WriteLine($"{p.PartnerName}: relationship plan {p.Year}, measured on {p.AsOf:yyyy-MM-dd}{(p.Note is null ? "" : $" ({p.Note})")}");
            var table = new Table().AddColumns("Id", "Goal", "KPI", "Target", "Due", "Status", "Owner", "Now");
            foreach (var g in p.Goals)
                table.AddRow(g.Id.ToString(), Markup.Escape(g.Title), g.Kpi ?? "", g.Target?.ToString(CultureInfo.InvariantCulture) ?? "", g.TargetDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    g.Status, Markup.Escape(g.Owner), Markup.Escape(g.Progress?.CurrentText ?? ""));
            cli.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command AddGoal(TextWriter output, TextWriter error)
    {
        var partner = PartnerArgument();
        var title = new Option<string>("--title") { Description = "What the goal is.", Required = true };
        var due = new Option<string>("--due") { Description = "Target date (yyyy-MM-dd); the plan year is its year.", Required = true };
        var owner = new Option<string>("--owner") { Description = "Who owns the goal.", Required = true };
        var kpi = new Option<string?>("--kpi") { Description = "A KPI key of the program to measure the goal by, e.g. partner-revenue." };
        var target = new Option<string?>("--target") { Description = "The value to reach on the KPI (money in major units, percentages 0-100)." };
        var command = new Command("goal", "Add a goal to a partner's relationship plan.") { Arguments = { partner }, Options = { title, due, owner, kpi, target } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            var date = cli.Parse.GetValue(due)!;
            int? year = date.Length >= 4 && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "relationship.goal");
            var found = await PartnerLookup.FindAsync(scope.ServiceProvider, cli.Parse.GetValue(partner)!, ct);
            if (!found.IsSuccess) return cli.Fail(found.Error);
            var goal = await scope.ServiceProvider.GetRequiredService<SaveGoal>().CreateAsync(new PartnerId(found.Value.Id), new GoalDetails
            {
                Year = year, Title = cli.Parse.GetValue(title), TargetDate = date, Owner = cli.Parse.GetValue(owner), Kpi = cli.Parse.GetValue(kpi), Target = cli.Parse.GetValue(target),
            }, ct);
            if (!goal.IsSuccess) return cli.Fail(goal.Error);
            cli.Output.WriteLine($"Goal {goal.Value.Id} added to {found.Value.Name}'s {goal.Value.Year} plan.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Log(TextWriter output, TextWriter error)
    {
        var partner = PartnerArgument();
        var kind = new Option<string>("--kind") { Description = "meeting, qbr, call, email or note.", Required = true };
        var at = new Option<string>("--at") { Description = "When it happened: 2026-06-12T15:00:00Z or 2026-06-12.", Required = true };
        var who = new Option<string>("--who") { Description = "Who held it on the vendor side.", Required = true };
        var participants = new Option<string[]>("--participant") { Description = "A participant (repeat for several).", AllowMultipleArgumentsPerToken = false };
        var outcome = new Option<string?>("--outcome") { Description = "The outcome in one line." };
        var notes = new Option<string?>("--notes");
        var command = new Command("log", "Log a relationship activity that happened.") { Arguments = { partner }, Options = { kind, at, who, participants, outcome, notes } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "relationship.log");
            var found = await PartnerLookup.FindAsync(scope.ServiceProvider, cli.Parse.GetValue(partner)!, ct);
            if (!found.IsSuccess) return cli.Fail(found.Error);
            var logged = await scope.ServiceProvider.GetRequiredService<LogActivity>().HandleAsync(new PartnerId(found.Value.Id), new ActivityDetails
            {
                Kind = cli.Parse.GetValue(kind), OccurredAt = cli.Parse.GetValue(at), Who = cli.Parse.GetValue(who),
                Participants = cli.Parse.GetValue(participants) ?? [], Outcome = cli.Parse.GetValue(outcome), Notes = cli.Parse.GetValue(notes),
            }, ct);
            if (!logged.IsSuccess) return cli.Fail(logged.Error);
            cli.Output.WriteLine($"Logged {logged.Value.Kind} with {found.Value.Name} on {logged.Value.OccurredAt:yyyy-MM-dd HH:mm} UTC.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Timeline(TextWriter output, TextWriter error)
    {
        var partner = PartnerArgument();
        var page = new Option<int>("--page") { DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { DefaultValueFactory = _ => 50 };
        var command = new Command("timeline", "A partner's timeline, newest first: activities, changes and stage moves, tier moves at reviews.")
        {
            Arguments = { partner }, Options = { page, pageSize },
        };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "relationship.timeline");
            var found = await PartnerLookup.FindAsync(scope.ServiceProvider, cli.Parse.GetValue(partner)!, ct);
            if (!found.IsSuccess) return cli.Fail(found.Error);
            var result = await scope.ServiceProvider.GetRequiredService<GetTimeline>()
                .HandleAsync(new PartnerId(found.Value.Id), cli.Parse.GetValue(page), cli.Parse.GetValue(pageSize), ct);
            if (!result.IsSuccess) return cli.Fail(result.Error);
            foreach (var e in result.Value.Items)
                cli.Output.WriteLine($"{e.At:yyyy-MM-dd HH:mm}  {e.Kind,-7} {e.Summary}{(e.By is null ? "" : $" ({e.By})")}");
            cli.Output.WriteLine($"{result.Value.Total} entries; page {result.Value.PageNumber} of {result.Value.PageCount}.");
            return ExitCodes.Success;
        });
        return command;
    }

    internal static Argument<string> PartnerArgument() => new("partner") { Description = "The partner's id or domain." };
}
