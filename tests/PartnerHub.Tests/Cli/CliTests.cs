using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.Cli;
using PartnerHub.Tests.Infrastructure;
using static PartnerHub.Tests.Infrastructure.CliRun;

namespace PartnerHub.Tests.Cli;

/// <summary>The partnerhub command line, run in-process against a real database.</summary>
public abstract class CliTests(DatabaseProvider provider)
{
    private static string TempFile(string content) => CliRun.TempFile(content, byteOrderMark: true);

    [Fact]
    public async Task Import_list_show_and_export_round_trip()
    {
        var db = await TestDatabases.CreateAsync(provider);
        var file = TempFile("name,domain,subcategory,stage,tags\nAcme Resale,acme-resale.com,resellers,active,emea\nBeta Media,beta-media.io,referral,prospect,\n");

        var import = await RunAsync(db, "partners", "import", file);
        Assert.Equal((0, ""), (import.Exit, import.Err));
        Assert.Contains("2 created, 0 updated, 0 unchanged, 0 refused", import.Out);

        var list = await RunAsync(db, "partners", "list", "--subcategory", "resellers");
        Assert.Equal(0, list.Exit);
        Assert.Contains("acme-resale.com", list.Out);
        Assert.DoesNotContain("beta-media.io", list.Out);

        var show = await RunAsync(db, "partners", "show", "https://www.acme-resale.com");
        Assert.Equal(0, show.Exit);
        Assert.Contains("Acme Resale", show.Out);
        Assert.Contains("created", show.Out);

        var exportPath = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.csv");
        var export = await RunAsync(db, "partners", "export", exportPath);
        Assert.Equal(0, export.Exit);
        Assert.Equal(3, File.ReadAllLines(exportPath).Length);

        var again = await RunAsync(db, "partners", "import", exportPath);
        Assert.Contains("0 created, 0 updated, 2 unchanged", again.Out);
    }

    [Fact]
    public async Task Bad_rows_are_listed_with_their_line_and_the_exit_code_says_so()
    {
        var db = await TestDatabases.CreateAsync(provider);
        var file = TempFile("name,domain,subcategory\nGood,good-one.com,resellers\nBad,,resellers\n");

        var strict = await RunAsync(db, "partners", "import", file, "--strict");
        Assert.Equal(ExitCodes.RowsRefused, strict.Exit);
        Assert.Contains("line 3, column domain: A website domain is required.", strict.Err);
        Assert.Contains("--strict applied nothing", strict.Err);

        var lenient = await RunAsync(db, "partners", "import", file);
        Assert.Equal(ExitCodes.RowsRefused, lenient.Exit);
        Assert.Contains("1 created", lenient.Out);
    }

    [Fact]
    public async Task Failures_are_one_line_on_standard_error_with_a_non_zero_exit()
    {
        var db = await TestDatabases.CreateAsync(provider);

        var missing = await RunAsync(db, "partners", "import", "/nonexistent/partners.csv");
        Assert.Equal(ExitCodes.Failure, missing.Exit);
        Assert.Equal("error: /nonexistent/partners.csv does not exist.", missing.Err.Trim());

        var unknown = await RunAsync(db, "partners", "show", "nobody-here.com");
        Assert.Equal(ExitCodes.Failure, unknown.Exit);
        Assert.Single(unknown.Err.Trim().Split('\n'));

        var usage = await RunAsync(db, "partners", "frobnicate");
        Assert.Equal(ExitCodes.Usage, usage.Exit);
        Assert.StartsWith("error:", usage.Err);

        var badProvider = await PartnerHubCli.RunAsync(["db", "migrate", "--provider", "oracle"], new StringWriter(), new StringWriter());
        Assert.Equal(ExitCodes.Failure, badProvider);
    }

    [Fact]
    public async Task Db_migrate_creates_a_new_database()
    {
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}", "fresh.db");
        var result = await RunAsync(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}"), "db", "migrate");
        Assert.Equal(0, result.Exit);
        Assert.True(File.Exists(file));
        Assert.Contains(file, result.Out);
    }

    [Fact]
    public async Task Create_admin_prints_a_generated_password_once_that_signs_in()
    {
        var db = await TestDatabases.CreateAsync(provider);
        var result = await RunAsync(db, "users", "create-admin", "first.admin@example.com", "--name", "First Admin");
        Assert.Equal((0, ""), (result.Exit, result.Err));
        var password = result.Out.Split('\n').Single(l => l.StartsWith("Password", StringComparison.Ordinal)).Split(": ")[^1].Trim();
        Assert.True(password.Length >= 20);

        await using var container = Container(db);
        await using var scope = container.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByEmailAsync("first.admin@example.com");
        Assert.True(await users.CheckPasswordAsync(admin!, password));
        Assert.Equal(["ProgramAdmin"], await users.GetRolesAsync(admin!));

        var again = await RunAsync(db, "users", "create-admin", "first.admin@example.com");
        Assert.Equal(ExitCodes.Failure, again.Exit);
        Assert.Contains("already has an account", again.Err);
    }

    [Fact]
    public async Task An_api_key_created_on_the_command_line_authenticates_once_shown_and_not_after_it_is_revoked()
    {
        var db = await TestDatabases.CreateAsync(provider);
        var created = await RunAsync(db, "api-keys", "create", "--name", "Billing system", "--scope", "revenue:write,standing:read");
        Assert.Equal((0, ""), (created.Exit, created.Err));
        var secret = created.Out.Split('\n').Single(l => l.StartsWith("Secret", StringComparison.Ordinal)).Split(": ")[^1].Trim();
        var id = created.Out.Split(' ')[1];

        var list = await RunAsync(db, "api-keys", "list");
        Assert.Contains(id, list.Out);
        Assert.Contains("Billing system  revenue:write,standing:read", list.Out);
        Assert.DoesNotContain(secret, list.Out);
        Assert.NotNull(await AuthenticateAsync(db, secret));

        Assert.Equal(0, (await RunAsync(db, "api-keys", "revoke", id)).Exit);
        Assert.Null(await AuthenticateAsync(db, secret));
        Assert.Contains("revoked", (await RunAsync(db, "api-keys", "list")).Out);

        var unknownScope = await RunAsync(db, "api-keys", "create", "--name", "X", "--scope", "everything");
        Assert.Equal(ExitCodes.Failure, unknownScope.Exit);
        Assert.Contains("Unknown scope 'everything'", unknownScope.Err);
        var unknownKey = await RunAsync(db, "api-keys", "revoke", Guid.NewGuid().ToString());
        Assert.Equal(ExitCodes.Failure, unknownKey.Exit);
    }

    private static async Task<ApiKey?> AuthenticateAsync(DatabaseSettings db, string secret)
    {
        await using var container = Container(db); // a new process's: nothing cached
        await using var scope = container.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ManageApiKeys>().AuthenticateAsync(secret, CancellationToken.None);
    }

    /// <summary>The application's services on <paramref name="db"/>, as a host would have them, to check what the CLI wrote.</summary>
    private static ServiceProvider Container(DatabaseSettings db)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPartnerHub(new ConfigurationBuilder().Build(), db);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Help_is_available_everywhere()
    {
        foreach (var args in new[] { new[] { "--help" }, ["partners", "--help"], ["partners", "import", "--help"], ["db", "migrate", "--help"], ["serve", "--help"] })
        {
            var output = new StringWriter();
            Assert.Equal(0, await PartnerHubCli.RunAsync(args, output, new StringWriter()));
            Assert.Contains("Usage:", output.ToString());
        }
    }
}

public sealed class CliOnSqlite() : CliTests(DatabaseProvider.Sqlite);

public sealed class CliOnPostgres() : CliTests(DatabaseProvider.Postgres);
