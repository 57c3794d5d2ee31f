using System.CommandLine;
using System.Globalization;
using PartnerHub.App.Webhooks;

namespace PartnerHub.Cli.Webhooks;

/// <summary>`partnerhub webhooks list|add|remove|deliveries|redeliver`: subscriptions and their delivery log, for operators.</summary>
public static class WebhooksCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("webhooks", "Webhook subscriptions: signed event deliveries to other systems.")
        {
            Subcommands = { List(output, error), Add(output, error), Remove(output, error), Deliveries(output, error), Redeliver(output, error) },
        };

    private static Command List(TextWriter output, TextWriter error)
    {
        var command = new Command("list", "List subscriptions (never their secrets).");
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "webhooks.list");
            var all = await scope.ServiceProvider.GetRequiredService<ManageWebhooks>().ListAsync(ct);
            if (all.Count == 0) cli.Output.WriteLine("No webhook subscriptions.");
            foreach (var s in all)
                cli.Output.WriteLine($"{s.Id}  {(s.Enabled ? "enabled " : "disabled")}  {s.Url}  {string.Join(",", s.EventTypes)}{(s.DisabledReason is null ? "" : $"  ({s.DisabledReason})")}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Add(TextWriter output, TextWriter error)
    {
        var url = new Argument<string>("url") { Description = "Where to POST events (https in production)." };
        var events = new Option<string[]>("--event") { Description = $"An event type, repeatable or comma-separated: {string.Join(", ", WebhookEventTypes.All)}.", AllowMultipleArgumentsPerToken = true };
        var description = new Option<string?>("--description") { Description = "What receives it, for the people who read the list." };
        var disabled = new Option<bool>("--disabled") { Description = "Create it disabled (nothing is sent until enabled)." };
        var command = new Command("add", "Subscribe a URL to event types; prints the signing secret once.") { Arguments = { url }, Options = { events, description, disabled } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "webhooks.add");
            var types = (cli.Parse.GetValue(events) ?? []).SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            var created = await scope.ServiceProvider.GetRequiredService<ManageWebhooks>()
                .CreateAsync(new WebhookInput(cli.Parse.GetValue(url), types, cli.Parse.GetValue(description), !cli.Parse.GetValue(disabled)), ct, source: "cli");
            if (!created.IsSuccess) return cli.Fail(created.Error);
            cli.Output.WriteLine($"Created {created.Value.Subscription.Id} for {created.Value.Subscription.Url}.");
            cli.Output.WriteLine($"Secret (shown once, keep it to verify signatures): {created.Value.Secret}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove(TextWriter output, TextWriter error)
    {
        var id = new Argument<Guid>("id") { Description = "The subscription's id (see `webhooks list`)." };
        var command = new Command("remove", "Remove a subscription and its delivery log.") { Arguments = { id } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "webhooks.remove");
            var removed = await scope.ServiceProvider.GetRequiredService<ManageWebhooks>().DeleteAsync(cli.Parse.GetValue(id), ct);
            if (!removed.IsSuccess) return cli.Fail(removed.Error);
            cli.Output.WriteLine($"Removed {cli.Parse.GetValue(id)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Deliveries(TextWriter output, TextWriter error)
    {
        var id = new Argument<Guid>("id") { Description = "The subscription's id." };
        var limit = new Option<int>("--limit") { Description = "How many, newest first (at most 200).", DefaultValueFactory = _ => 20 };
        var command = new Command("deliveries", "A subscription's delivery log: each delivery and its attempts.") { Arguments = { id }, Options = { limit } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "webhooks.deliveries");
            var log = await scope.ServiceProvider.GetRequiredService<ManageWebhooks>().DeliveriesAsync(cli.Parse.GetValue(id), cli.Parse.GetValue(limit), ct);
            if (!log.IsSuccess) return cli.Fail(log.Error);
            if (log.Value.Count == 0) cli.Output.WriteLine("No deliveries yet.");
            foreach (var d in log.Value)
            {
                cli.Output.WriteLine($"{d.Id}  {d.EventType}  {d.Status}  attempts {d.Attempts}{(d.Status == "pending" ? $", next {d.NextAttemptAt:yyyy-MM-dd HH:mm:ss}Z" : "")}");
                foreach (var a in d.Log)
                    cli.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  #{a.Number} {a.At:yyyy-MM-dd HH:mm:ss}Z {(a.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "---")} {a.DurationMs} ms{(a.Error is null ? "" : "  " + a.Error)}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Redeliver(TextWriter output, TextWriter error)
    {
        var id = new Argument<Guid>("delivery") { Description = "The delivery's id (see `webhooks deliveries`)." };
        var command = new Command("redeliver", "Send a delivery again; the running server's worker makes the attempt.") { Arguments = { id } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "webhooks.redeliver");
            var again = await scope.ServiceProvider.GetRequiredService<ManageWebhooks>().RedeliverAsync(cli.Parse.GetValue(id), ct);
            if (!again.IsSuccess) return cli.Fail(again.Error);
            cli.Output.WriteLine($"Delivery {again.Value.Id} ({again.Value.EventType}) is queued again.");
            return ExitCodes.Success;
        });
        return command;
    }
}
