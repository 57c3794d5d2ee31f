using System.CommandLine;
using System.Security.Cryptography;
using PartnerHub.App.Identity;

namespace PartnerHub.Cli.Users;

public static class UsersCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var email = new Argument<string>("email") { Description = "The administrator's email; they sign in with it." };
        var name = new Option<string?>("--name") { Description = "Display name. Default: the email." };
        var createAdmin = new Command("create-admin", "Create a ProgramAdmin with a generated password, shown once.") { Arguments = { email }, Options = { name } };
        createAdmin.SetHandler(output, error, async (cli, ct) =>
        {
            await using var services = await cli.ServicesAsync(ct);
            await using var scope = CliContext.CliScope(services, "users.create-admin");
            // Generated rather than typed: it never lands in shell history, and it is long enough to resist guessing.
            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
            var created = await scope.ServiceProvider.GetRequiredService<CreateUser>()
                .HandleAsync(new NewUser(cli.Parse.GetValue(email), cli.Parse.GetValue(name), Roles.ProgramAdmin, null, password), ct);
            if (!created.IsSuccess) return cli.Fail(created.Error);
            cli.Output.WriteLine($"Created administrator {created.Value.Email}.");
            cli.Output.WriteLine($"Password (shown once; change it by enabling two-factor sign-in and keeping it in a password manager): {password}");
            return ExitCodes.Success;
        });
        return new Command("users", "People who sign in.") { Subcommands = { createAdmin } };
    }
}
