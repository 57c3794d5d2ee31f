using System.CommandLine;
using PartnerHub.App.Relationships;
using PartnerHub.Cli.Partners;
using PartnerHub.Core.Partners;

namespace PartnerHub.Cli.Relationships;

/// <summary>`partnerhub partners churn|terminate PARTNER --reason …`: shows what stays open, then ends the partnership.</summary>
public static class PartnerExitCommands
{
    public static Command Churn(TextWriter output, TextWriter error) =>
        Create(output, error, LifecycleStage.Churned, "churn", "Mark a partner churned (it may be won back later). Deals, ledger and certifications stay as they are.");

    public static Command Terminate(TextWriter output, TextWriter error) =>
        Create(output, error, LifecycleStage.Terminated, "terminate", "Terminate a partnership (final). Deals, ledger and certifications stay as they are.");

    private static Command Create(TextWriter output, TextWriter error, LifecycleStage to, string name, string description)
    {
        var partner = RelationshipCommand.PartnerArgument();
        var reason = new Option<string?>("--reason") { Description = "Why (required; kept on the partner and in the audit trail)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only show what stays open; change nothing." };
        var command = new Command(name, description) { Arguments = { partner }, Options = { reason, dryRun } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, $"partners.{name}");
            var found = await PartnerLookup.FindAsync(scope.ServiceProvider, cli.Parse.GetValue(partner)!, ct);
            if (!found.IsSuccess) return cli.Fail(found.Error);
            var id = new PartnerId(found.Value.Id);
            var preview = await scope.ServiceProvider.GetRequiredService<PreviewPartnerExit>().HandleAsync(id, to, ct);
            if (!preview.IsSuccess) return cli.Fail(preview.Error);
            Print(cli, preview.Value);
            if (!preview.Value.Allowed) return cli.Fail(preview.Value.Refusal!);
            if (cli.Parse.GetValue(dryRun)) return ExitCodes.Success;

            // The version previewed: a change in between is refused rather than applied over what was shown.
            var ended = await scope.ServiceProvider.GetRequiredService<EndPartnership>().HandleAsync(id, to, cli.Parse.GetValue(reason), preview.Value.Version, ct);
            if (!ended.IsSuccess) return cli.Fail(ended.Error);
            cli.Output.WriteLine($"{ended.Value.Name} is now {ended.Value.Stage}: {ended.Value.StageReason}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliContext cli, ExitPreview p)
    {
        cli.Output.WriteLine($"{p.PartnerName} ({p.Stage} -> {p.To})");
        cli.Output.WriteLine(p.OpenDeals.Count == 0 ? "Open deal registrations: none" : $"Open deal registrations: {p.OpenDeals.Count}");
        foreach (var d in p.OpenDeals) cli.Output.WriteLine($"  {d.CustomerName}, {d.Status}, {d.EstimatedValue}");
        cli.Output.WriteLine(p.Balances.Count == 0 ? "Balances: none" : "Balances:");
        foreach (var b in p.Balances) cli.Output.WriteLine($"  {b.Currency}: held {b.Held}, payable {b.Payable}, receivable {b.Receivable}, net owed {b.NetOwed}");
        cli.Output.WriteLine($"Certification: {p.Certification ?? "none"}{(p.CertificationExpiresOn is { } e ? $" until {e:yyyy-MM-dd}" : "")}");
    }
}
