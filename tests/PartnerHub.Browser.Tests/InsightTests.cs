using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PartnerHub.Browser.Tests;

/// <summary>The program at a glance: the ecosystem map and the roadmap's progress, on the demo data.</summary>
public sealed class InsightTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Manager = "maria.lopez@partnerhub.demo";

    [Fact]
    public async Task A_manager_opens_the_ecosystem_map_and_lists_the_partners_of_a_group()
    {
        var page = await app.SignInAsync(Manager);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ecosystem map" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ecosystem map");
        await Expect(page.Locator("svg.ecosystem-map .layer")).ToHaveCountAsync(5);

        await page.Locator("svg.ecosystem-map a[aria-label^='Integration Platforms']").ClickAsync();
        await Expect(page.Locator("#node-heading")).ToContainTextAsync("Integration Platforms");
        await Expect(page.Locator("#node-partners")).ToContainTextAsync("Zapier");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "console-ecosystem-map.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Zapier", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Zapier");
    }

    [Fact]
    public async Task The_roadmap_measures_its_goals_on_the_date_asked()
    {
        var page = await app.SignInAsync(Manager);
        await page.GetByRole(AriaRole.Link, new() { Name = "Roadmap" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Year 1: Foundation" })).ToBeVisibleAsync();
        var today = await page.Locator("#goal-first-partnerships td.num").First.InnerTextAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "console-roadmap.png"), FullPage = true });

        await page.GetByLabel("As of").FillAsync("2024-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator("p.muted").First).ToContainTextAsync("on 2024-01-01");
        var earlier = await page.Locator("#goal-first-partnerships td.num").First.InnerTextAsync();
        Assert.True(int.Parse(earlier, System.Globalization.CultureInfo.InvariantCulture) < int.Parse(today, System.Globalization.CultureInfo.InvariantCulture),
            $"{earlier} active partners on 2024-01-01, {today} today");
        await Expect(page.Locator("#goal-first-partnerships .goal-status")).ToHaveTextAsync("on track");
    }

    [Fact]
    public async Task The_dashboard_charts_the_demo_on_two_dates_and_a_bar_lists_its_partners()
    {
        var page = await app.SignInAsync(Manager);
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Expect(page.Locator("svg.chart")).ToHaveCountAsync(9);
        await Expect(page.Locator("#chart-commissions")).ToContainTextAsync("Commission accrued vs paid");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "console-dashboard.png"), FullPage = true });
        var today = await TierTableAsync(page);

        await page.GetByLabel("As of").FillAsync("2025-06-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator("#chart-tiers tbody tr").Last.Locator("th")).ToHaveTextAsync("Jun 2025"); // in the closed table view
        var earlier = await TierTableAsync(page);
        Assert.NotEqual(today, earlier);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "console-dashboard-2025-06-30.png"), FullPage = true });

        // A bar of the tiers chart: the partners holding that tier at that month's end.
        await page.Locator("#chart-tiers svg a").Last.ClickAsync();
        await Expect(page.Locator("#drill-heading")).ToContainTextAsync("Active partners per tier: 2025-06");
        Assert.True(await page.Locator("#chart-partners a.chip").CountAsync() > 0);

        var csv = await page.APIRequest.GetAsync("/api/v1/program/charts/revenue?asOf=2025-06-30&format=csv");
        Assert.StartsWith("point,label,", await csv.TextAsync(), StringComparison.Ordinal);

        var partner = await app.SignInAsync("uma.user@zapier.com");
        await Expect(partner.Locator("#chart-revenue svg.chart")).ToBeVisibleAsync();
        await partner.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "portal-revenue-chart.png"), FullPage = true });
    }

    private static async Task<string> TierTableAsync(IPage page) => await page.Locator("#chart-tiers table").TextContentAsync() ?? "";
}
