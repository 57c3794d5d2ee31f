using PartnerHub.App.Persistence;
using PartnerHub.Tests.Infrastructure;
using static PartnerHub.Tests.Infrastructure.CliRun;

namespace PartnerHub.Tests.Onboarding;

/// <summary>`partnerhub onboarding start|show|complete|board|metrics`, in-process against a real database.</summary>
public abstract class OnboardingCliTests(DatabaseProvider provider)
{
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
