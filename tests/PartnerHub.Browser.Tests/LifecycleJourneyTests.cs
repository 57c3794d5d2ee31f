using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PartnerHub.Browser.Tests;

/// <summary>
/// The partnership development process in the browser, as a partner manager runs it: a prospect is created, scored
/// against the qualification criteria, found on the opportunity matrix and qualified.
/// </summary>
public sealed class LifecycleJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Manager = "maria.lopez@partnerhub.demo";

    [Fact]
    public async Task A_prospect_is_created_scored_placed_on_the_matrix_and_qualified()
    {
        var page = await app.SignInAsync(Manager);
        var name = $"Journey Integrations {Guid.NewGuid():N}"[..28];
        await CreateProspectAsync(page, name);
        await ScoreAndQualifyAsync(page, name);
    }

    private static async Task CreateProspectAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Prospects", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New prospect" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New partner");
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#domain").FillAsync($"{name.Replace(" ", "-", StringComparison.Ordinal).ToLowerInvariant()}.example");
        await page.Locator("#subcategory").SelectOptionAsync("technology/integration");
        await page.Locator("#stage").SelectOptionAsync("prospect");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create partner" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Expect(page.Locator("#latest-assessment")).ToContainTextAsync("Not assessed yet");
    }

    /// <summary>Scores below the technology threshold first (refused to qualify), then well above it.</summary>
    private static async Task ScoreAndQualifyAsync(IPage page, string name)
    {
        await ScoreAsync(page, strategicFit: "2");
        await Expect(page.Locator("#latest-assessment")).ToContainTextAsync("does not pass");
        await page.GetByRole(AriaRole.Button, new() { Name = "Qualify" }).ClickAsync();
        await Expect(page.Locator(".prospect-panel")).ToContainTextAsync("The latest assessment does not pass");
        await Expect(page.Locator(".prospect-panel .stage").First).ToHaveTextAsync("prospect");

        await ScoreAsync(page, strategicFit: "5");
        await Expect(page.Locator("#latest-assessment")).ToContainTextAsync("passes");

        // On the matrix: a pursue chip in the integration row, with its fit score.
        var url = page.Url;
        await page.GotoAsync("/prospects");
        await Expect(page.Locator("#matrix-integration")).ToContainTextAsync($"{name} (");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "lifecycle-matrix.png"), FullPage = true });
        await page.GotoAsync(url);

        await page.GetByRole(AriaRole.Button, new() { Name = "Qualify" }).ClickAsync();
        await Expect(page.Locator(".prospect-panel .stage").First).ToHaveTextAsync("qualified");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "lifecycle-qualified.png"), FullPage = true });
    }

    private static async Task ScoreAsync(IPage page, string strategicFit)
    {
        await page.Locator("#score-strategic-fit").SelectOptionAsync(strategicFit);
        await page.Locator("#score-audience-overlap").SelectOptionAsync("4");
        await page.Locator("#score-technical-capability").SelectOptionAsync("4");
        await page.Locator("#score-revenue-potential").SelectOptionAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Score" }).ClickAsync();
    }
}
