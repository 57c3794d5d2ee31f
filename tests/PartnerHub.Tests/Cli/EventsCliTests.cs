using PartnerHub.App.Persistence;
using PartnerHub.Cli;
using PartnerHub.Tests.Infrastructure;
using PartnerHub.Tests.Revenue;
using static PartnerHub.Tests.Infrastructure.CliRun;

namespace PartnerHub.Tests.Cli;

/// <summary>`partnerhub events import` in-process against a real database: CSV and JSONL, dry run, strict, re-import, exit codes.</summary>
public abstract class EventsCliTests(DatabaseProvider provider) : IAsyncLifetime
{
    private AppHarness _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppHarness.CreateAsync(provider, DateTimeOffset.UtcNow);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => CliRun.RunAsync(_app.Database, args);

    [Fact]
    public async Task Events_import_accrues_once_and_reports_refused_rows_by_line_and_column()
    {
        var partner = await _app.PartnerOfAsync("integration");
        var id = Build.Unique("cli-");
        var header = "external_id,kind,occurred_on,amount,partner,customer\n";
        var good = $"{id}-1,payment,2026-05-04,1000.00,{partner.Value},c1\n";
        var bad = $"{id}-2,payment,2026-05-05,-3,{partner.Value},c1\n";

        var dry = await RunAsync("events", "import", TempFile(header + good), "--dry-run");
        Assert.Equal((ExitCodes.Success, ""), (dry.Exit, dry.Err));
        Assert.Contains("Dry run, nothing applied: 1 created", dry.Out);

        var strict = await RunAsync("events", "import", TempFile(header + good + bad), "--strict");
        Assert.Equal(ExitCodes.RowsRefused, strict.Exit);
        Assert.Contains("line 3, column amount:", strict.Err);
        Assert.Equal(0L, await _app.OwedAsync(partner));

        var applied = await RunAsync("events", "import", TempFile(header + good + bad));
        Assert.Equal(ExitCodes.RowsRefused, applied.Exit);
        Assert.Contains("Imported 1 created, 0 already recorded, 1 refused", applied.Out);
        Assert.Equal(10_000L, await _app.OwedAsync(partner)); // 10% of $1,000.00 (Standard)

        var jsonl = $"{{\"id\":\"{id}-1\",\"kind\":\"payment\",\"occurredOn\":\"2026-05-04\",\"amount\":1000.00,\"partner\":\"{partner.Value}\",\"customer\":\"c1\"}}\n"
            + $"{{\"id\":\"{id}-3\",\"kind\":\"refund\",\"occurredOn\":\"2026-05-06\",\"amount\":\"500.00\",\"refunds\":\"{id}-1\"}}\n";
        var again = await RunAsync("events", "import", TempFile(jsonl, ".jsonl"));
        Assert.Equal((ExitCodes.Success, ""), (again.Exit, again.Err));
        Assert.Contains("Imported 1 created, 1 already recorded, 0 refused", again.Out);
        Assert.Equal(5_000L, await _app.OwedAsync(partner));

        var missing = await RunAsync("events", "import", "/nonexistent/events.csv");
        Assert.Equal(ExitCodes.Failure, missing.Exit);
        Assert.StartsWith("error: ", missing.Err);
    }
}

public sealed class EventsCliOnSqlite() : EventsCliTests(DatabaseProvider.Sqlite);

public sealed class EventsCliOnPostgres() : EventsCliTests(DatabaseProvider.Postgres);
