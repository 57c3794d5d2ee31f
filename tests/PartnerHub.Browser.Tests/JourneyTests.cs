using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PartnerHub.Browser.Tests;

/// <summary>Journeys through the real UI in Chromium, as the demo users.</summary>
public sealed partial class JourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string PartnerUser = "uma.user@zapier.com";
    private const string Manager = "maria.lopez@partnerhub.demo";

    [Fact]
    public async Task A_partner_user_sees_their_own_portal_and_nothing_of_another_partner()
    {
        var page = await app.SignInAsync(PartnerUser);
        await Expect(page).ToHaveURLAsync(new Regex("/portal$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Zapier");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "portal-home.png"), FullPage = true });
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("Make", text.Split('\n').Where(l => !l.Contains("Zapier", StringComparison.Ordinal)));
        Assert.DoesNotContain("Partners", await page.Locator("nav.sidebar").InnerTextAsync()); // no console navigation

        // Another partner's page by URL: the console is closed to partner users.
        var manager = await app.SignInAsync(Manager);
        await manager.GotoAsync("/partners?search=make.com");
        var makeUrl = await manager.GetByRole(AriaRole.Link, new() { Name = "Make", Exact = true }).GetAttributeAsync("href");
        await page.GotoAsync(makeUrl!);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("No access");
        Assert.DoesNotContain("make.com", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        var api = await page.APIRequest.GetAsync($"/api/v1/partners/{makeUrl!.Split('/')[^1]}");
        Assert.Equal(403, api.Status);
    }

    [Fact]
    public async Task A_manager_signs_in_to_the_console_and_edits_a_partner()
    {
        var page = await app.SignInAsync(Manager);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Partner ecosystem");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "console-home.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Partners", Exact = true }).ClickAsync();
        await page.GetByLabel("Search").FillAsync("vercel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Vercel", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();

        var note = $"Renewal call booked {Guid.NewGuid():N}";
        await page.GetByLabel("Notes").FillAsync(note);
        await page.GetByLabel("Country (ISO code)").FillAsync("ZZ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByText("is not an ISO 3166-1 two-letter country code")).ToBeVisibleAsync();

        await page.GetByLabel("Country (ISO code)").FillAsync("US");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vercel");
        await Expect(page.Locator(".notes")).ToHaveTextAsync(note);
        await Expect(page.Locator("ol.audit li").First).ToContainTextAsync($"updated by {Manager}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "console-partner.png"), FullPage = true });
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var page = await app.SignInAsync("rui.user@make.com", "not the password 1");
        for (var i = 2; i <= 5; i++)
        {
            await page.GetByLabel("Email").FillAsync("rui.user@make.com");
            await page.GetByLabel("Password").FillAsync($"not the password {i}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        }

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked");
        var correct = await app.SignInAsync("rui.user@make.com");
        await Expect(correct.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked");
    }
}
