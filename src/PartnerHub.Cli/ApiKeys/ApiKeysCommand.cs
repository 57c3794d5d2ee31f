using System.CommandLine;
using System.Globalization;
using PartnerHub.App.Identity;

namespace PartnerHub.Cli.ApiKeys;

/// <summary>`partnerhub api-keys list|create|revoke`: keys for other systems (a billing system sending revenue events), for operators.</summary>
public static class ApiKeysCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("api-keys", "API keys: how other systems call the API.") { Subcommands = { List(output, error), New(output, error), Revoke(output, error) } };

    private static Command List(TextWriter output, TextWriter error)
    {
        var command = new Command("list", "List keys, newest first (never their secrets).");
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "api-keys.list");
            var keys = await scope.ServiceProvider.GetRequiredService<ManageApiKeys>().ListAsync(ct);
            if (keys.Count == 0) cli.Output.WriteLine("No API keys.");
            foreach (var k in keys)
                cli.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{k.Id}  {(k.RevokedAt is null ? "active " : "revoked")}  {k.Hint}  {k.Name}  {string.Join(",", k.Scopes)}  last used {k.LastUsedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never"}"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command New(TextWriter output, TextWriter error)
    {
        var name = new Option<string>("--name") { Description = "What uses the key, for the people who read the list.", Required = true };
        var scopes = new Option<string[]>("--scope") { Description = $"A scope, repeatable or comma-separated: {string.Join(", ", Permissions.Scopes)}.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("create", "Create a key with the given scopes; prints its secret once.") { Options = { name, scopes } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "api-keys.create");
            var asked = (cli.Parse.GetValue(scopes) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            var created = await scope.ServiceProvider.GetRequiredService<ManageApiKeys>().CreateAsync(new NewApiKey(cli.Parse.GetValue(name), asked), ct);
            if (!created.IsSuccess) return cli.Fail(created.Error);
            cli.Output.WriteLine($"Created {created.Value.Key.Id} ({created.Value.Key.Name}: {string.Join(",", created.Value.Key.Scopes)}).");
            cli.Output.WriteLine($"Secret (shown once; send it as 'Authorization: Bearer …'): {created.Value.Secret}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Revoke(TextWriter output, TextWriter error)
    {
        var id = new Argument<Guid>("id") { Description = "The key's id (see `api-keys list`)." };
        var command = new Command("revoke", "Revoke a key: web hosts refuse it within 5 seconds (they keep a checked key that long).") { Arguments = { id } };
        command.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "api-keys.revoke");
            var revoked = await scope.ServiceProvider.GetRequiredService<ManageApiKeys>().RevokeAsync(cli.Parse.GetValue(id), ct);
            if (!revoked.IsSuccess) return cli.Fail(revoked.Error);
            cli.Output.WriteLine($"Revoked {revoked.Value.Id} ({revoked.Value.Name}).");
            return ExitCodes.Success;
        });
        return command;
    }
}
