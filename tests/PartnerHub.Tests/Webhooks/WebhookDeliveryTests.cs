using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Csv;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.App.Webhooks;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Webhooks;

/// <summary>The app with internal webhook targets allowed (the receiver listens on 127.0.0.1) and a short timeout.</summary>
public abstract class WebhookApp(DatabaseProvider provider) : TestApp(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Webhooks:AllowPrivateNetworks", "true");
        builder.UseSetting("Webhooks:TimeoutSeconds", "1");
    }
}

public sealed class WebhookSqliteApp() : WebhookApp(DatabaseProvider.Sqlite);

public sealed class WebhookPostgresApp() : WebhookApp(DatabaseProvider.Postgres);

/// <summary>
/// Changes become signed deliveries at a real receiver; outages, 500s and hangs are retried on schedule and logged;
/// nothing is lost; redelivery and automatic disabling work. The worker is run by hand on the app's fake clock.
/// </summary>
public abstract class WebhookDeliveryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : WebhookApp
{
    private sealed record Subscription(Guid Id, string Secret);

    /// <summary>An integration's key rather than a cookie: these tests move the clock days ahead, past any sign-in session.</summary>
    private async Task<HttpClient> AdminAsync() => (await app.ApiKeyClientAsync("webhooks:manage")).Client;

    private static async Task<Subscription> SubscribeAsync(HttpClient admin, string url, params string[] events)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes = events, description = "test receiver" })
            .ReadAsync<WebhookWithSecret>(HttpStatusCode.Created);
        Assert.StartsWith("whsec_", created.Secret);
        Assert.True(WebhookSignature.KeyOf(created.Secret).Length >= 24);
        return new Subscription(created.Subscription.Id, created.Secret);
    }

    /// <summary>Removes the subscription, so that later tests' events do not go to this test's receiver.</summary>
    private static async Task UnsubscribeAsync(HttpClient admin, Subscription s) =>
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/webhooks/{s.Id}")).StatusCode);

    private async Task<int> RunWorkerAsync()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<DeliverWebhooks>().HandleAsync(CancellationToken.None);
    }

    private async Task<PartnerView> CreatePartnerAsync(string name)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<SavePartner>().CreateAsync(Build.Partner(name), CancellationToken.None)).Value;
    }

    private static async Task<IReadOnlyList<WebhookDeliveryView>> DeliveriesAsync(HttpClient admin, Subscription s) =>
        await admin.GetAsync($"/api/v1/webhooks/{s.Id}/deliveries").ReadAsync<List<WebhookDeliveryView>>(HttpStatusCode.OK);

    private static void AssertSigned(WebhookReceiver.Request request, Subscription s)
    {
        Assert.StartsWith("v1,", request.Signature);
        Assert.True(WebhookSignature.Verify(s.Secret, request.Id, long.Parse(request.Timestamp, System.Globalization.CultureInfo.InvariantCulture), request.Body, request.Signature),
            "the signature does not verify with the subscription's secret");
        Assert.False(WebhookSignature.Verify(WebhookSignature.NewSecret(), request.Id, long.Parse(request.Timestamp, System.Globalization.CultureInfo.InvariantCulture), request.Body, request.Signature));
    }

    [Fact]
    public async Task A_new_partner_reaches_the_receiver_as_a_signed_partner_created_event()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await AdminAsync();
        var s = await SubscribeAsync(admin, receiver.Url, WebhookEventTypes.PartnerCreated);
        var name = Build.Unique("Hooked Partner ");
        var partner = await CreatePartnerAsync(name);

        await RunWorkerAsync();

        var request = Assert.Single(receiver.Received);
        AssertSigned(request, s);
        Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.Timestamp);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("partner.created", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(partner.Id, body.RootElement.GetProperty("data").GetProperty("id").GetGuid());
        Assert.Equal(name, body.RootElement.GetProperty("data").GetProperty("name").GetString());
        var delivery = Assert.Single(await DeliveriesAsync(admin, s));
        Assert.Equal("succeeded", delivery.Status);
        Assert.Equal(200, Assert.Single(delivery.Log).StatusCode);
        Assert.Equal("thanks", delivery.Log[0].ResponseBody);
        await UnsubscribeAsync(admin, s);
    }

    [Fact]
    public async Task One_pass_of_the_worker_delivers_a_backlog_of_several_batches()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await AdminAsync();
        var s = await SubscribeAsync(admin, receiver.Url, WebhookEventTypes.PartnerCreated);
        var k = Build.Unique("backlog");
        const int Partners = 450; // more than two of the worker's batches
        var csv = new StringBuilder("name,domain,subcategory,stage,country\n");
        for (var i = 0; i < Partners; i++) csv.Append($"Backlog {k} {i},{k}-{i}.com,resellers,active,DE\n");
        await using (var scope = app.Scope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ImportPartners>().HandleAsync(Encoding.UTF8.GetBytes(csv.ToString()), new ImportOptions(), null, CancellationToken.None);
            Assert.Equal((Partners, 0), (report.Created, report.Errors.Count));
        }

        await RunWorkerAsync();

        Assert.Equal(Partners, receiver.Received.Count(r => r.Body.Contains(k, StringComparison.Ordinal)));
        await UnsubscribeAsync(admin, s);
    }

    [Fact]
    public async Task The_outbox_is_written_with_the_change_and_only_for_subscribed_types()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await AdminAsync();
        var s = await SubscribeAsync(admin, receiver.Url, WebhookEventTypes.PartnerStageChanged);
        var partner = await CreatePartnerAsync(Build.Unique("Staged "));
        WebhookEvent created;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
            created = (await db.Set<WebhookEvent>().AsNoTracking().Where(e => db.Set<WebhookWaiting>().Any(w => w.EventId == e.Id)).ToListAsync())
                .Single(e => e.Payload.Contains(partner.Id.ToString(), StringComparison.Ordinal));
        }

        await RunWorkerAsync();
        Assert.Empty(receiver.Received); // a partner.created event is not a stage change
        Assert.Empty(await DeliveriesAsync(admin, s));
        await using (var scope = app.Scope())
        {
            // Fanned out: off the waiting list, its own row as it was written.
            var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
            Assert.False(await db.Set<WebhookWaiting>().AnyAsync(w => w.EventId == created.Id));
            var kept = await db.Set<WebhookEvent>().AsNoTracking().SingleAsync(e => e.Id == created.Id);
            Assert.Equal((created.Type, created.OccurredAt, created.Payload), (kept.Type, kept.OccurredAt, kept.Payload));
        }

        await UnsubscribeAsync(admin, s);
    }

    [Fact]
    public async Task A_receiver_that_fails_then_is_down_gets_the_event_once_it_recovers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await AdminAsync();
        var s = await SubscribeAsync(admin, receiver.Url, WebhookEventTypes.PartnerCreated);
        receiver.Mode = WebhookReceiver.Behaviour.Fail;
        await CreatePartnerAsync(Build.Unique("Outage "));

        await RunWorkerAsync(); // attempt 1: 500
        var delivery = Assert.Single(await DeliveriesAsync(admin, s));
        Assert.Equal("pending", delivery.Status);
        Assert.Equal(500, delivery.Log[0].StatusCode);
        Assert.Equal(app.Clock.GetUtcNow() + TimeSpan.FromSeconds(5), delivery.NextAttemptAt);

        await receiver.StopAsync();
        await RunWorkerAsync(); // not due yet: nothing is attempted early
        Assert.Single(Assert.Single(await DeliveriesAsync(admin, s)).Log);
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        await RunWorkerAsync(); // attempt 2: connection refused
        delivery = Assert.Single(await DeliveriesAsync(admin, s));
        Assert.Equal(2, delivery.Log.Count);
        Assert.Null(delivery.Log[1].StatusCode);
        Assert.Contains("Could not reach", delivery.Log[1].Error);

        receiver.Mode = WebhookReceiver.Behaviour.Accept;
        await receiver.RestartAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await RunWorkerAsync(); // attempt 3: delivered
        delivery = Assert.Single(await DeliveriesAsync(admin, s));
        Assert.Equal("succeeded", delivery.Status);
        Assert.Equal([1, 2, 3], delivery.Log.Select(a => a.Number));
        var requests = receiver.Received.ToArray();
        Assert.Equal(2, requests.Length); // the 500 and the success; the refused connection never arrived
        Assert.Equal(requests[0].Id, requests[1].Id); // the same message, so the receiver can deduplicate
        Assert.Equal(requests[0].Body, requests[1].Body);
        AssertSigned(requests[1], s);
        await UnsubscribeAsync(admin, s);
    }

    [Fact]
    public async Task A_hanging_receiver_times_out_and_is_retried()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await AdminAsync();
        var s = await SubscribeAsync(admin, receiver.Url, WebhookEventTypes.PartnerCreated);
        receiver.Mode = WebhookReceiver.Behaviour.Hang;
        await CreatePartnerAsync(Build.Unique("Hang "));

        await RunWorkerAsync();

        var delivery = Assert.Single(await DeliveriesAsync(admin, s));
        Assert.Equal("pending", delivery.Status);
        var attempt = Assert.Single(delivery.Log);
        Assert.Null(attempt.StatusCode);
        Assert.Contains("timeout", attempt.Error);
        Assert.InRange(attempt.DurationMs, 900, 10_000);
        await UnsubscribeAsync(admin, s);
    }

    [Fact]
    public async Task A_delivery_can_be_sent_again_by_hand()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await AdminAsync();
        var s = await SubscribeAsync(admin, receiver.Url, WebhookEventTypes.PartnerCreated);
        await CreatePartnerAsync(Build.Unique("Again "));
        await RunWorkerAsync();
        var delivery = Assert.Single(await DeliveriesAsync(admin, s));

        var again = await admin.PostAsync($"/api/v1/webhooks/deliveries/{delivery.Id}/redeliver", null).ReadAsync<WebhookDeliveryView>(HttpStatusCode.OK);
        Assert.Equal("pending", again.Status);
        await RunWorkerAsync();

        Assert.Equal(2, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
        Assert.Equal([true, true], Assert.Single(await DeliveriesAsync(admin, s)).Log.Select(a => a.Succeeded));
        await admin.PostAsync($"/api/v1/webhooks/deliveries/{Guid.NewGuid()}/redeliver", null).ProblemAsync(HttpStatusCode.NotFound);
        await UnsubscribeAsync(admin, s);
    }

    [Fact]
    public async Task A_subscription_failing_for_days_is_disabled_with_the_reason_and_keeps_its_events()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Mode = WebhookReceiver.Behaviour.Fail;
        var admin = await AdminAsync();
        var s = await SubscribeAsync(admin, receiver.Url, WebhookEventTypes.PartnerCreated);
        await CreatePartnerAsync(Build.Unique("Doomed "));
        await RunWorkerAsync();

        // Walk the whole retry schedule: the first delivery fails for good, the subscription is still on.
        foreach (var wait in WebhookSettings.DefaultRetrySchedule)
        {
            app.Clock.Advance(wait);
            await RunWorkerAsync();
        }

        var first = Assert.Single(await DeliveriesAsync(admin, s));
        Assert.Equal("failed", first.Status);
        Assert.Equal(WebhookSettings.DefaultRetrySchedule.Count + 1, first.Attempts);
        Assert.True((await admin.GetAsync($"/api/v1/webhooks/{s.Id}").ReadAsync<WebhookView>(HttpStatusCode.OK)).Enabled);

        // Days later, still failing: the next failure disables it.
        app.Clock.Advance(TimeSpan.FromDays(4));
        await CreatePartnerAsync(Build.Unique("Doomed too "));
        await RunWorkerAsync();
        var view = await admin.GetAsync($"/api/v1/webhooks/{s.Id}").ReadAsync<WebhookView>(HttpStatusCode.OK);
        Assert.False(view.Enabled);
        Assert.StartsWith("Disabled automatically: every delivery failed since", view.DisabledReason);
        Assert.Contains("500", view.DisabledReason);

        // Disabled: its pending retry waits, it is not sent; redelivery asks to enable first.
        var received = receiver.Received.Count;
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await RunWorkerAsync();
        Assert.Equal(received, receiver.Received.Count);
        await admin.PostAsync($"/api/v1/webhooks/deliveries/{first.Id}/redeliver", null).ProblemAsync(HttpStatusCode.Conflict);

        // Fixed and enabled again: the waiting retry goes out.
        receiver.Mode = WebhookReceiver.Behaviour.Accept;
        var get = await admin.GetAsync($"/api/v1/webhooks/{s.Id}");
        var current = await get.ReadAsync<WebhookView>(HttpStatusCode.OK);
        await admin.PutJsonAsync($"/api/v1/webhooks/{s.Id}", new { url = current.Url, eventTypes = current.EventTypes, enabled = true }, current.Version)
            .ReadAsync<WebhookView>(HttpStatusCode.OK);
        await RunWorkerAsync();
        Assert.Contains(await DeliveriesAsync(admin, s), d => d.Status == "succeeded");
        await UnsubscribeAsync(admin, s);
    }

    [Fact]
    public async Task A_deal_registered_by_a_partner_user_is_an_event_too()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await AdminAsync();
        var s = await SubscribeAsync(admin, receiver.Url, WebhookEventTypes.DealRegistered);
        var partner = await CreatePartnerAsync(Build.Unique("Dealer "));
        await using (var scope = app.Scope())
        {
            // A partner user's own write: the outbox row must be allowed in the partner's scope.
            scope.ServiceProvider.GetRequiredService<Actor>().ActAsUser(Guid.NewGuid(), "dealer@partner.example", new PartnerId(partner.Id), "test");
            var registered = await scope.ServiceProvider.GetRequiredService<PartnerHub.App.Deals.RegisterDeal>()
                .HandleAsync(new PartnerId(partner.Id), Deals.DealData.Details(Build.Unique("Hook Buyer "), Build.Unique("hookbuyer") + ".com"), CancellationToken.None);
            Assert.True(registered.IsSuccess);
        }

        await RunWorkerAsync();

        var request = Assert.Single(receiver.Received);
        AssertSigned(request, s);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("deal.registered", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(partner.Id, body.RootElement.GetProperty("data").GetProperty("partnerId").GetGuid());
        await UnsubscribeAsync(admin, s);
    }

    [Fact]
    public async Task Rotating_the_secret_signs_later_deliveries_with_the_new_one()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await AdminAsync();
        var s = await SubscribeAsync(admin, receiver.Url, WebhookEventTypes.PartnerCreated);
        var rotated = await admin.PostAsync($"/api/v1/webhooks/{s.Id}/rotate-secret", null).ReadAsync<WebhookWithSecret>(HttpStatusCode.OK);
        Assert.NotEqual(s.Secret, rotated.Secret);
        await CreatePartnerAsync(Build.Unique("Rotated "));
        await RunWorkerAsync();
        var request = Assert.Single(receiver.Received);
        AssertSigned(request, s with { Secret = rotated.Secret });
        Assert.False(WebhookSignature.Verify(s.Secret, request.Id, long.Parse(request.Timestamp, System.Globalization.CultureInfo.InvariantCulture), request.Body, request.Signature));
        await UnsubscribeAsync(admin, s);
    }
}

public sealed class WebhookDeliveryOnSqlite(WebhookSqliteApp app) : WebhookDeliveryTests<WebhookSqliteApp>(app);

public sealed class WebhookDeliveryOnPostgres(WebhookPostgresApp app) : WebhookDeliveryTests<WebhookPostgresApp>(app);
