using System.Text.Json;
using PartnerHub.App.Persistence;
using PartnerHub.Cli;
using PartnerHub.Tests.Infrastructure;
using static PartnerHub.Tests.Infrastructure.CliRun;

namespace PartnerHub.Tests.Cli;

/// <summary>partnerhub prospects …, in-process against a real database (the CLI runs on the real clock).</summary>
public abstract class ProspectsCliTests(DatabaseProvider provider)
{
    private static readonly string[] Fit69 = ["--score", "strategic-fit=4", "--score", "audience-overlap=3", "--score", "technical-capability=5", "--score", "revenue-potential=2"];

    [Fact]
    public async Task Assess_qualify_with_override_log_outreach_and_read_the_plan_and_matrix()
    {
        var db = await TestDatabases.CreateAsync(provider);
        var import = await RunAsync(db, "partners", "import", TempFile("name,domain,subcategory,stage\nNeural Labs,neural-labs.ai,ai-ml-platforms,prospect\nQuiet Co,quiet.example,resellers,prospect\n"));
        Assert.Equal((0, ""), (import.Exit, import.Err));

        var assess = await RunAsync(db, ["prospects", "assess", "neural-labs.ai", .. Fit69, "--notes", "Intro call"]);
        Assert.Equal(0, assess.Exit);
        Assert.Contains("Fit 69 = 345 of 500 points", assess.Out);
        Assert.Contains("technology needs 70: does not pass.", assess.Out);

        var refused = await RunAsync(db, "prospects", "qualify", "neural-labs.ai");
        Assert.Equal(ExitCodes.Failure, refused.Exit);
        Assert.Single(refused.Err.TrimEnd().Split('\n'));
        Assert.StartsWith("error: The latest assessment does not pass: Fit 69", refused.Err);

        var qualified = await RunAsync(db, "prospects", "qualify", "neural-labs.ai", "--override", "--reason", "Strategic model partner");
        Assert.Equal(0, qualified.Exit);
        Assert.Contains("is now qualified: Qualified by override: Strategic model partner", qualified.Out);

        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var logged = await RunAsync(db, "prospects", "outreach", "neural-labs.ai", "--channel", "email", "--outcome", "replied", "--next-step", "Send the deck", "--due", due);
        Assert.Equal((0, $"Logged email: replied; next: Send the deck by {due}.\n"), (logged.Exit, logged.Out.ReplaceLineEndings("\n")));

        var list = await RunAsync(db, "prospects", "list", "--json");
        var rows = JsonDocument.Parse(list.Out).RootElement;
        Assert.Equal(["Neural Labs:qualified:69", "Quiet Co:prospect:"], rows.EnumerateArray()
            .Select(r => $"{r.GetProperty("name").GetString()}:{r.GetProperty("stage").GetString()}:{(r.GetProperty("fitScore").ValueKind == JsonValueKind.Null ? "" : r.GetProperty("fitScore").GetInt32())}"));

        var plan = await RunAsync(db, "prospects", "plan");
        Assert.Equal(0, plan.Exit);
        var sunday = DateOnly.FromDateTime(DateTime.UtcNow).DayOfWeek == DayOfWeek.Sunday; // then tomorrow is next week
        Assert.Contains($"0 overdue, {(sunday ? 0 : 1)} due this week, 1 not contacted.", plan.Out, StringComparison.Ordinal);

        var matrix = JsonDocument.Parse((await RunAsync(db, "prospects", "matrix", "--json")).Out).RootElement;
        var ai = matrix.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "technology")
            .GetProperty("subcategories").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "ai-ml-platforms");
        Assert.Equal((1, 0, 5), (ai.GetProperty("qualified").GetInt32(), ai.GetProperty("inProgram").GetInt32(), ai.GetProperty("gap").GetInt32()));
    }

    [Fact]
    public async Task Bad_input_exits_non_zero_with_one_line()
    {
        var db = await TestDatabases.CreateAsync(provider);
        await RunAsync(db, "partners", "import", TempFile("name,domain,subcategory,stage\nNeural Labs,neural-labs.ai,ai-ml-platforms,prospect\n"));
        foreach (var (args, expected) in new (string[], string)[]
        {
            (["prospects", "assess", "neural-labs.ai", "--score", "strategic-fit=four"], "is not criterion=score"),
            (["prospects", "assess", "neural-labs.ai", .. Fit69, "--score", "charisma=3"], "Unknown criterion 'charisma'"),
            (["prospects", "outreach", "neural-labs.ai", "--channel", "pigeon", "--outcome", "replied"], "Unknown value 'pigeon'"),
            (["prospects", "cool", "neural-labs.ai", "--reason", "Budget"], "cannot move from prospect to prospect"),
            (["prospects", "qualify", "nobody.example"], "was not found"),
        })
        {
            var run = await RunAsync(db, args);
            Assert.Equal(ExitCodes.Failure, run.Exit);
            Assert.Single(run.Err.TrimEnd().Split('\n'));
            Assert.Contains(expected, run.Err, StringComparison.Ordinal);
        }
    }
}

public sealed class ProspectsCliOnSqlite() : ProspectsCliTests(DatabaseProvider.Sqlite);

public sealed class ProspectsCliOnPostgres() : ProspectsCliTests(DatabaseProvider.Postgres);
