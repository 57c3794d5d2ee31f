using System.Text;
using PartnerHub.App.Persistence;
using PartnerHub.Cli;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Onboarding;

/// <summary>`partnerhub onboarding start|show|complete|board|metrics`, in-process against a real database.</summary>
public abstract class OnboardingCliTests(DatabaseProvider provider)
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(DatabaseSettings db, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PartnerHubCli.RunAsync([.. args, "--provider", db.Provider.ToString(), "--connection", db.ConnectionString], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string TempFile(string content, string extension = ".csv")
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private static void FailsWithOneLine((int Exit, string Out, string Err) run, string expected)
    {
        Assert.Equal(ExitCodes.Failure, run.Exit);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_show_complete_board_and_metrics_from_the_command_line()
    {
        var db = await TestDatabases.CreateAsync(provider);
        Assert.Equal(0, (await RunAsync(db, "partners", "import", TempFile("name,domain,subcategory,stage\nAcme Resale,acme-resale.com,resellers,qualified\nBeta Prospect,beta-prospect.com,resellers,prospect\n"))).Exit);

        FailsWithOneLine(await RunAsync(db, "onboarding", "start", "beta-prospect.com"), "cannot move from prospect to onboarding");
        FailsWithOneLine(await RunAsync(db, "onboarding", "show", "acme-resale.com"), "was not found");
        var start = await RunAsync(db, "onboarding", "start", "acme-resale.com");
        Assert.Equal((0, ""), (start.Exit, start.Err));
        Assert.Contains("Acme Resale: channel journey", start.Out);

        FailsWithOneLine(await RunAsync(db, "onboarding", "complete", "acme-resale.com", "agreement", "--file", TempFile("%PDF-1.4", ".pdf")), "completed by the partner");
        FailsWithOneLine(await RunAsync(db, "onboarding", "complete", "acme-resale.com", "handshake", "--note", "x"), "no step 'handshake'");
        FailsWithOneLine(await RunAsync(db, "onboarding", "complete", "acme-resale.com", "integration"), "say what was checked");
        var check = await RunAsync(db, "onboarding", "complete", "acme-resale.com", "integration", "--note", "Referral links tracked");
        Assert.Equal((0, ""), (check.Exit, check.Err));
        Assert.Contains("1/5 done", check.Out);

        var board = await RunAsync(db, "onboarding", "board");
        Assert.Contains("Acme Resale", board.Out);
        Assert.Contains("1 partners onboarding", board.Out);
        var metrics = await RunAsync(db, "onboarding", "metrics", "--json");
        Assert.Contains("\"onboarding\": 1", metrics.Out);
    }
}

public sealed class OnboardingCliOnSqlite() : OnboardingCliTests(DatabaseProvider.Sqlite);

public sealed class OnboardingCliOnPostgres() : OnboardingCliTests(DatabaseProvider.Postgres);
