using System.Text.RegularExpressions;
using PartnerHub.App.Persistence;
using PartnerHub.Tests.Infrastructure;
using static PartnerHub.Tests.Infrastructure.CliRun;

namespace PartnerHub.Tests.Webhooks;

/// <summary>`partnerhub webhooks …`, in-process against a real database, with the default (internal targets refused) settings.</summary>
public abstract partial class WebhookCliTests(DatabaseProvider provider)
{
    [GeneratedRegex("Created ([0-9a-f-]{36})")]
    private static partial Regex CreatedId();

    [Fact]
    public async Task Add_list_deliveries_and_remove_from_the_command_line()
    {
        var db = await TestDatabases.CreateAsync(provider);
        var added = await RunAsync(db, "webhooks", "add", "https://203.0.113.10/cli-hooks", "--event", "deal.registered,deal.decided", "--description", "CRM");
        Assert.Equal((0, ""), (added.Exit, added.Err));
        Assert.Contains("Secret (shown once, keep it to verify signatures): whsec_", added.Out);
        var id = CreatedId().Match(added.Out).Groups[1].Value;

        var list = await RunAsync(db, "webhooks", "list");
        Assert.Contains($"{id}  enabled   https://203.0.113.10/cli-hooks  deal.decided,deal.registered", list.Out);
        Assert.DoesNotContain("whsec_", list.Out);

        FailsWithOneLine(await RunAsync(db, "webhooks", "add", "https://203.0.113.10/cli-hooks", "--event", "deal.decided", "--event", "deal.registered"), "same event types exists already");
        FailsWithOneLine(await RunAsync(db, "webhooks", "add", "http://127.0.0.1:8787/x", "--event", "deal.decided"), "loopback");
        FailsWithOneLine(await RunAsync(db, "webhooks", "add", "https://203.0.113.10/other", "--event", "tier.exploded"), "Unknown event type 'tier.exploded'");
        FailsWithOneLine(await RunAsync(db, "webhooks", "add", "not-a-url", "--event", "deal.decided"), "is not an absolute URL");

        Assert.Contains("No deliveries yet.", (await RunAsync(db, "webhooks", "deliveries", id)).Out);
        FailsWithOneLine(await RunAsync(db, "webhooks", "redeliver", Guid.NewGuid().ToString()), "was not found");
        Assert.Equal(0, (await RunAsync(db, "webhooks", "remove", id)).Exit);
        FailsWithOneLine(await RunAsync(db, "webhooks", "remove", id), "was not found");
    }
}

public sealed class WebhookCliOnSqlite() : WebhookCliTests(DatabaseProvider.Sqlite);

public sealed class WebhookCliOnPostgres() : WebhookCliTests(DatabaseProvider.Postgres);
