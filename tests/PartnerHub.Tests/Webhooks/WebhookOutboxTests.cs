using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Deals;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.App.Webhooks;
using PartnerHub.Core.Common;
using PartnerHub.Tests.Deals;
using PartnerHub.Tests.Infrastructure;
using PartnerHub.Tests.Revenue;

namespace PartnerHub.Tests.Webhooks;

/// <summary>Which changes write which outbox rows, in the same save as the change; refusals and no-op saves write none.</summary>
public abstract class WebhookOutboxTests(DatabaseProvider provider)
{
    private static async Task<List<(string Type, string Payload)>> EventsAboutAsync(AppHarness app, Guid id)
    {
        await using var db = app.Open();
        var text = id.ToString();
        // Sorted by type: events of one frozen test instant have no order between them.
        return (await db.Set<WebhookEvent>().Select(e => new { e.Type, e.Payload }).ToListAsync())
            .Where(e => e.Payload.Contains(text, StringComparison.Ordinal)).Select(e => (e.Type, e.Payload)).OrderBy(e => e.Type, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task Deal_registration_and_decision_are_events_and_a_refused_decision_is_none()
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var partner = await app.PartnerAsync();
        var deal = await app.ApprovedAsync(partner);
        var refused = await app.Run<ApproveDeal, Result<DealView>>(a => a.HandleAsync(deal, null, CancellationToken.None), As.Manager);
        Assert.False(refused.IsSuccess);

        var events = await EventsAboutAsync(app, deal.Value);
        Assert.Equal(["deal.decided", "deal.registered"], events.Select(e => e.Type));
        Assert.Contains("\"status\":\"approved\"", events[0].Payload);
    }

    [Fact]
    public async Task A_partner_edit_is_a_change_event_and_an_edit_that_changes_nothing_is_none()
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var partner = await app.PartnerAsync();
        var view = await app.Run<GetPartner, Result<PartnerView>>(g => g.HandleAsync(partner, CancellationToken.None));
        var details = view.Value.ToDetails();
        Assert.True((await app.Run<SavePartner, Result<PartnerView>>(s => s.UpdateAsync(partner, details, view.Value.Version, CancellationToken.None))).IsSuccess);
        Assert.Equal(["partner.created"], (await EventsAboutAsync(app, partner.Value)).Select(e => e.Type));

        var renamed = details with { Notes = "Renamed in the test" };
        Assert.True((await app.Run<SavePartner, Result<PartnerView>>(s => s.UpdateAsync(partner, renamed, view.Value.Version, CancellationToken.None))).IsSuccess);
        var events = await EventsAboutAsync(app, partner.Value);
        Assert.Equal(["partner.changed", "partner.created"], events.Select(e => e.Type));
        Assert.Contains("Renamed in the test", events[0].Payload);
    }

    [Fact]
    public async Task A_new_attributed_revenue_event_is_an_event_whose_body_names_the_id_it_was_stored_under()
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var partner = await app.PartnerOfAsync("integration");
        var receipt = await app.SendAsync(RevenueData.Payment("hook-pay", "100.00", partner: partner.Value.ToString()));

        var (_, payload) = Assert.Single(await EventsAboutAsync(app, partner.Value), e => e.Type == "revenue.attributed");
        using var body = JsonDocument.Parse(payload);
        Assert.True(receipt.Event.Id > 0);
        Assert.Equal(receipt.Event.Id, body.RootElement.GetProperty("data").GetProperty("id").GetInt64());
    }
}

public sealed class WebhookOutboxOnSqlite() : WebhookOutboxTests(DatabaseProvider.Sqlite);

public sealed class WebhookOutboxOnPostgres() : WebhookOutboxTests(DatabaseProvider.Postgres);
