using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;
using PartnerHub.Tests.Standing;

namespace PartnerHub.Tests.Marketing;

/// <summary>
/// The console and portal pages, server-rendered: the partner's library lists only what its tier allows, its
/// co-marketing page shows its own budget and activities and never another partner's, and the console pages are the vendor's.
/// </summary>
public abstract class MarketingPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task Portal_pages_show_only_the_partners_own_and_allowed_material_and_the_console_is_kept_from_partners()
    {
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var suffix = Build.Unique();
        foreach (var (item, tier) in new[] { ($"Open deck {suffix}", (string?)null), ($"Strategic briefing {suffix}", "strategic") })
        {
            var form = new MultipartFormDataContent { { new StringContent(item), "title" }, { new StringContent("Sales Collateral"), "kind" } };
            if (tier is not null) form.Add(new StringContent(tier), "minTier");
            var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4 page"));
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
            form.Add(file, "file", "deck.pdf");
            (await manager.PostAsync("/api/v1/collateral", form)).EnsureSuccessStatusCode();
        }

        var console = await manager.GetStringAsync("/marketing/collateral");
        Assert.Contains($"Strategic briefing {suffix}", console);
        Assert.Contains("id=\"add-collateral\"", console);

        var preferred = await StandingData.PreferredPartnerAsync(app);
        PartnerView other;
        await using (var scope = app.Scope())
            other = (await scope.ServiceProvider.GetRequiredService<SavePartner>().CreateAsync(Build.Partner() with { AgreementStartsOn = new DateOnly(2025, 1, 1) }, CancellationToken.None)).Value;
        var user = await app.ClientAsync(Roles.PartnerUser, new PartnerId(preferred.Id));
        var stranger = await app.ClientAsync(Roles.PartnerUser, new PartnerId(other.Id));

        var library = await user.GetStringAsync("/portal/collateral");
        Assert.Contains($"Open deck {suffix}", library);
        Assert.DoesNotContain($"Strategic briefing {suffix}", library);
        Assert.Contains("Preferred partners", library);

        var title = $"Webinar {suffix}";
        (await user.PostAsJsonAsync($"/api/v1/partners/{preferred.Id}/mdf/activities",
            new { kind = "Joint Webinars", title, proposal = "Joint webinar.", plannedOn = "2026-06-20", amount = "500.00" }, HttpAssertions.Json)).EnsureSuccessStatusCode();
        var mine = await user.GetStringAsync("/portal/co-marketing");
        Assert.Contains(title, mine);
        Assert.Contains("id=\"mdf-budget\"", mine);
        Assert.Contains("id=\"request-form\"", mine);
        Assert.DoesNotContain(title, await stranger.GetStringAsync("/portal/co-marketing"));
        Assert.Contains(title, await manager.GetStringAsync("/marketing/co-marketing?status=requested"));

        Assert.NotEqual(HttpStatusCode.OK, (await user.GetAsync("/marketing/co-marketing")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await user.GetAsync("/marketing/collateral")).StatusCode);
    }
}

public sealed class MarketingPageOnSqlite(SqliteApp app) : MarketingPageTests<SqliteApp>(app);

public sealed class MarketingPageOnPostgres(PostgresApp app) : MarketingPageTests<PostgresApp>(app);
