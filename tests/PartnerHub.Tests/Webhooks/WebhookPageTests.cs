using System.Net;
using PartnerHub.App.Identity;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Webhooks;

/// <summary>Console → Webhooks, server-rendered: an administrator subscribes (the secret shown once) and bad input stays on the page.</summary>
public abstract class WebhookPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Page = "/admin/webhooks";

    [Fact]
    public async Task An_administrator_subscribes_in_the_console_and_sees_the_secret_once()
    {
        var admin = await app.ClientAsync(Roles.ProgramAdmin);
        var url = $"https://203.0.113.10/{Build.Unique("page")}";
        var created = await TestApp.PostFormAsync(admin, Page, Page, new()
        {
            ["_handler"] = "create-webhook", ["Url"] = url, ["Description"] = "Console test", ["Events"] = "deal.registered",
        });
        var html = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("data-testid=\"webhook-secret\">whsec_", html);
        Assert.Contains(url, html);

        var again = await admin.GetStringAsync(Page);
        Assert.Contains(url, again);
        Assert.DoesNotContain("webhook-secret", again);

        var refused = await TestApp.PostFormAsync(admin, Page, Page, new() { ["_handler"] = "create-webhook", ["Url"] = "http://127.0.0.1:8787/x", ["Events"] = "deal.registered" });
        Assert.Contains("loopback", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Partner_managers_do_not_get_the_page()
    {
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var response = await manager.GetAsync(Page);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("New subscription", await response.Content.ReadAsStringAsync());
    }
}

public sealed class WebhookPageOnSqlite(SqliteApp app) : WebhookPageTests<SqliteApp>(app);

public sealed class WebhookPageOnPostgres(PostgresApp app) : WebhookPageTests<PostgresApp>(app);
