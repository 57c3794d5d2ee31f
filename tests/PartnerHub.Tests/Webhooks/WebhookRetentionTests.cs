using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.App.Webhooks;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Webhooks;

/// <summary>A webhook app whose retry schedule is one step: a delivery fails for good at its second failed attempt.</summary>
public abstract class WebhookRetentionApp(DatabaseProvider provider) : WebhookApp(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Webhooks:RetrySchedule", "00:00:01");
    }
}

public sealed class WebhookRetentionSqliteApp() : WebhookRetentionApp(DatabaseProvider.Sqlite);

public sealed class WebhookRetentionPostgresApp() : WebhookRetentionApp(DatabaseProvider.Postgres);

/// <summary>
/// Settled outbox events older than the retention leave with their deliveries and attempts; anything still to be sent
/// (waiting for the fan-out, or a delivery pending) stays, and goes once it is settled and old.
/// </summary>
public abstract class WebhookRetentionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : WebhookRetentionApp
{
    [Fact]
    public async Task Old_settled_events_go_with_their_deliveries_and_attempts_and_what_is_still_to_be_sent_stays()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = (await app.ApiKeyClientAsync("webhooks:manage")).Client;
        var subscription = (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { WebhookEventTypes.PartnerCreated } })
            .ReadAsync<WebhookWithSecret>(HttpStatusCode.Created)).Subscription.Id;

        var delivered = await EventOfNewPartnerAsync();
        await RunAsync<DeliverWebhooks>(d => d.HandleAsync(CancellationToken.None));
        receiver.Mode = WebhookReceiver.Behaviour.Fail;
        var failed = await EventOfNewPartnerAsync();
        await RunAsync<DeliverWebhooks>(d => d.HandleAsync(CancellationToken.None));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await RunAsync<DeliverWebhooks>(d => d.HandleAsync(CancellationToken.None)); // the second failure: failed for good
        var retrying = await EventOfNewPartnerAsync();
        await RunAsync<DeliverWebhooks>(d => d.HandleAsync(CancellationToken.None)); // one failure: a retry is due
        var waiting = await EventOfNewPartnerAsync(); // not fanned out yet
        var settledDeliveries = await DeliveryIdsAsync(delivered, failed);
        Assert.Equal(2, settledDeliveries.Count);
        Assert.Equal(3, await AttemptsAsync(settledDeliveries)); // one success, two failures

        app.Clock.Advance(TimeSpan.FromDays(31));
        var recent = await EventOfNewPartnerAsync();
        await PrunedAsync(); // with other tests' old events, if any

        Assert.Equal([retrying, waiting, recent], await StoredAsync(delivered, failed, retrying, waiting, recent));
        Assert.Empty(await DeliveryIdsAsync(delivered, failed));
        Assert.Equal(0, await AttemptsAsync(settledDeliveries));
        Assert.Single(await DeliveryIdsAsync(retrying)); // pending, with its attempt
        Assert.Equal(0, await PrunedAsync()); // nothing more is due

        // The receiver recovers: the retry and the waiting events are delivered, and the old ones are then settled.
        receiver.Mode = WebhookReceiver.Behaviour.Accept;
        await RunAsync<DeliverWebhooks>(d => d.HandleAsync(CancellationToken.None));
        Assert.Equal(2, await PrunedAsync());
        Assert.Equal([recent], await StoredAsync(retrying, waiting, recent));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/webhooks/{subscription}")).StatusCode);
    }

    [Fact]
    public async Task With_retention_off_nothing_is_removed()
    {
        var old = await EventOfNewPartnerAsync();
        await RunAsync<DeliverWebhooks>(d => d.HandleAsync(CancellationToken.None));
        app.Clock.Advance(TimeSpan.FromDays(31));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var settings = scope.ServiceProvider.GetRequiredService<WebhookSettings>() with { Retention = null };
        Assert.Equal(0, await new PruneWebhooks(db, settings).HandleAsync(CancellationToken.None));
        Assert.Equal([old], await StoredAsync(old));
    }

    /// <summary>Prunes; checks that the count it reports is what left the outbox.</summary>
    private async Task<int> PrunedAsync()
    {
        var before = await OutboxSizeAsync();
        var removed = await RunAsync<PruneWebhooks>(p => p.HandleAsync(CancellationToken.None));
        Assert.Equal(before - removed, await OutboxSizeAsync());
        return removed;
    }

    private async Task<int> OutboxSizeAsync()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Set<WebhookEvent>().CountAsync();
    }

    private async Task<Guid> EventOfNewPartnerAsync()
    {
        await using var scope = app.Scope();
        var partner = (await scope.ServiceProvider.GetRequiredService<SavePartner>().CreateAsync(Build.Partner(Build.Unique("Kept ")), CancellationToken.None)).Value;
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var id = partner.Id.ToString();
        return (await db.Set<WebhookEvent>().AsNoTracking().Select(e => new { e.Id, e.Payload }).ToListAsync()).Single(e => e.Payload.Contains(id, StringComparison.Ordinal)).Id;
    }

    private async Task<int> RunAsync<TUseCase>(Func<TUseCase, Task<int>> run) where TUseCase : notnull
    {
        await using var scope = app.Scope();
        return await run(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    /// <summary>Which of <paramref name="events"/> are still in the outbox, in the order given.</summary>
    private async Task<List<Guid>> StoredAsync(params Guid[] events)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var stored = await db.Set<WebhookEvent>().Where(e => events.Contains(e.Id)).Select(e => e.Id).ToListAsync();
        return events.Where(stored.Contains).ToList();
    }

    private async Task<List<Guid>> DeliveryIdsAsync(params Guid[] events)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Set<WebhookDelivery>().Where(d => events.Contains(d.EventId)).Select(d => d.Id).ToListAsync();
    }

    private async Task<int> AttemptsAsync(List<Guid> deliveries)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Set<WebhookAttempt>().CountAsync(a => deliveries.Contains(a.DeliveryId));
    }
}

public sealed class WebhookRetentionOnSqlite(WebhookRetentionSqliteApp app) : WebhookRetentionTests<WebhookRetentionSqliteApp>(app);

public sealed class WebhookRetentionOnPostgres(WebhookRetentionPostgresApp app) : WebhookRetentionTests<WebhookRetentionPostgresApp>(app);

public sealed class WebhookRetentionSettingsTests
{
    [Theory]
    [InlineData(null, 30.0)]
    [InlineData("7", 7.0)]
    [InlineData("0", null)]
    public void Retention_comes_from_RetentionDays_and_0_keeps_events_forever(string? days, double? expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Webhooks:RetentionDays"] = days }).Build();
        Assert.Equal(expected, WebhookSettings.From(configuration, production: false).Retention?.TotalDays);
    }
}
