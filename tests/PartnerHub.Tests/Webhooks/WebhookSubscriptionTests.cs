using System.Net;
using System.Net.Http.Json;
using PartnerHub.App.Identity;
using PartnerHub.App.Webhooks;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Webhooks;

/// <summary>
/// Bad subscriptions are refused field by field, on the default configuration where internal networks are not allowed
/// (the SSRF rule); REST-hook subscribe and unsubscribe; partner users never see subscriptions.
/// </summary>
public abstract class WebhookSubscriptionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    // TEST-NET-3 (RFC 5737): a public address that needs no DNS, and no request is ever sent to it here.
    private static string PublicUrl() => $"https://203.0.113.10/{Build.Unique("hook")}";

    [Theory]
    [InlineData("http://127.0.0.1:9000/hooks", "loopback")]
    [InlineData("http://10.1.2.3/hooks", "private (10.0.0.0/8)")]
    [InlineData("http://192.168.1.20/hooks", "private (192.168.0.0/16)")]
    [InlineData("http://169.254.169.254/latest/meta-data", "link-local")]
    [InlineData("http://[::1]/hooks", "loopback")]
    [InlineData("http://[fd00::1]/hooks", "unique-local")]
    [InlineData("http://100.64.0.1/hooks", "carrier-grade NAT")]
    [InlineData("http://localhost:8080/hooks", "loopback")]
    public async Task Internal_targets_are_refused_unless_allowed(string url, string kind)
    {
        var admin = await app.ClientAsync(Roles.ProgramAdmin);
        var errors = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes = new[] { "partner.created" } }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(kind, Assert.Single(errors["url"]));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://203.0.113.10/hooks")]
    [InlineData("/relative/hooks")]
    [InlineData("https://user:pass@203.0.113.10/hooks")]
    public async Task Invalid_urls_are_refused(string url)
    {
        var admin = await app.ClientAsync(Roles.ProgramAdmin);
        var errors = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes = new[] { "partner.created" } }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(errors.ContainsKey("url"));
    }

    [Fact]
    public async Task Unknown_event_types_and_duplicates_are_refused_by_field()
    {
        var admin = await app.ClientAsync(Roles.ProgramAdmin);
        var unknown = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = PublicUrl(), eventTypes = new[] { "partner.created", "tier.exploded" } })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Unknown event type 'tier.exploded'", Assert.Single(unknown["eventTypes"]));
        await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = PublicUrl(), eventTypes = Array.Empty<string>() }).ProblemAsync(HttpStatusCode.BadRequest);

        var url = PublicUrl();
        await admin.PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes = new[] { "deal.registered", "deal.decided" } }).ReadAsync<WebhookWithSecret>(HttpStatusCode.Created);
        var duplicate = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes = new[] { "deal.decided", "deal.registered" } }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("same event types exists already", Assert.Single(duplicate["url"]));
        // The same URL for other events is a different subscription.
        await admin.PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes = new[] { "deal.registered" } }).ReadAsync<WebhookWithSecret>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_update_needs_the_current_version_and_the_secret_is_never_listed()
    {
        var admin = await app.ClientAsync(Roles.ProgramAdmin);
        var created = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = PublicUrl(), eventTypes = new[] { "payout.paid" } }).ReadAsync<WebhookWithSecret>(HttpStatusCode.Created);
        var list = await admin.GetStringAsync("/api/v1/webhooks");
        Assert.Contains(created.Subscription.Id.ToString(), list);
        Assert.DoesNotContain(created.Secret, list);
        Assert.DoesNotContain(created.Secret, await admin.GetStringAsync($"/api/v1/webhooks/{created.Subscription.Id}"));

        var body = new { url = created.Subscription.Url, eventTypes = new[] { "payout.paid", "statement.closed" }, enabled = false };
        var updated = await admin.PutJsonAsync($"/api/v1/webhooks/{created.Subscription.Id}", body, 1).ReadAsync<WebhookView>(HttpStatusCode.OK);
        Assert.Equal(2, updated.Version);
        Assert.False(updated.Enabled);
        Assert.Equal("Disabled by an administrator.", updated.DisabledReason);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.PutJsonAsync($"/api/v1/webhooks/{created.Subscription.Id}", body, 1)).StatusCode);
    }

    [Fact]
    public async Task A_rest_hook_platform_subscribes_and_unsubscribes_with_an_api_key()
    {
        var (platform, _) = await app.ApiKeyClientAsync("webhooks:manage");
        var response = await platform.PostAsJsonAsync("/api/v1/hooks/subscribe", new Dictionary<string, string> { ["target_url"] = PublicUrl(), ["event"] = "deal.registered" });
        var created = await response.ReadAsync<WebhookEndpointsCreated>(HttpStatusCode.Created);
        Assert.StartsWith("whsec_", created.Secret);

        var bad = await platform.PostAsJsonAsync("/api/v1/hooks/subscribe", new Dictionary<string, string> { ["target_url"] = "http://10.0.0.5/x", ["event"] = "nope" })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.ContainsKey("target_url"));
        Assert.True(bad.ContainsKey("event"));

        Assert.Equal(HttpStatusCode.NoContent, (await platform.DeleteAsync($"/api/v1/hooks/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.DeleteAsync($"/api/v1/hooks/{created.Id}")).StatusCode);

        var (other, _) = await app.ApiKeyClientAsync("partners:read");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/v1/hooks/subscribe", new Dictionary<string, string> { ["target_url"] = PublicUrl(), ["event"] = "deal.registered" })).StatusCode);
    }

    [Fact]
    public async Task Partner_users_and_managers_cannot_see_subscriptions()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync(Roles.PartnerManager)).GetAsync("/api/v1/webhooks")).StatusCode);
        var admin = await app.ClientAsync(Roles.ProgramAdmin);
        var partner = await admin.PostAsJsonAsync("/api/v1/partners", Build.Partner()).ReadAsync<PartnerHub.App.Partners.PartnerView>(HttpStatusCode.Created);
        var user = await app.ClientAsync(Roles.PartnerAdmin, new PartnerId(partner.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/v1/webhooks")).StatusCode);
    }

    private sealed record WebhookEndpointsCreated(Guid Id, string Secret);
}

public sealed class WebhookSubscriptionOnSqlite(SqliteApp app) : WebhookSubscriptionTests<SqliteApp>(app);

public sealed class WebhookSubscriptionOnPostgres(PostgresApp app) : WebhookSubscriptionTests<PostgresApp>(app);
