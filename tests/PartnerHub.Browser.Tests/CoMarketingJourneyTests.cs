using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartnerHub.App.Identity;
using PartnerHub.App.Marketing;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Partners;
using static Microsoft.Playwright.Assertions;

namespace PartnerHub.Browser.Tests;

/// <summary>
/// Enablement marketing in the browser: the partner manager adds Preferred and Strategic collateral; a Preferred partner's
/// user downloads the first and neither sees nor downloads the second (also refused over the API with its own cookie);
/// the user requests a co-marketing activity, the manager approves it, the user claims with a proof of performance, the
/// manager pays it, and the claim is on the partner's statement page.
/// </summary>
public sealed class CoMarketingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Manager = "maria.lopez@partnerhub.demo";

    [Fact]
    public async Task A_partner_downloads_tier_gated_collateral_and_is_paid_for_an_approved_co_marketing_claim()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var preferredTitle = $"Preferred playbook {suffix}";
        var strategicTitle = $"Strategic roadmap {suffix}";
        var manager = await app.SignInAsync(Manager);
        await AddCollateralAsync(manager, preferredTitle, "preferred", "playbook.pdf");
        await AddCollateralAsync(manager, strategicTitle, "strategic", "roadmap.pdf");
        await Expect(manager.Locator($"#collateral tr[data-collateral='{strategicTitle}']")).ToContainTextAsync("strategic");

        // A demo partner that holds Preferred today, with a new user of its own.
        PartnerId partnerId = default;
        Guid strategicId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
            var standings = scope.ServiceProvider.GetRequiredService<PartnerMarketingStandings>();
            var today = scope.ServiceProvider.GetRequiredService<ProgramStore>().Today;
            foreach (var candidate in await db.Partners.Where(p => p.Stage == LifecycleStage.Active).OrderBy(p => p.Name).Select(p => p.Id).ToListAsync())
            {
                var standing = await standings.AtAsync(candidate, today, CancellationToken.None);
                if (standing.IsSuccess && standing.Value.Tier == "preferred")
                {
                    partnerId = candidate;
                    break;
                }
            }

            strategicId = (await db.Set<CollateralItem>().SingleAsync(i => i.Title == strategicTitle)).Id;
        }

        Assert.NotEqual(default, partnerId);
        var email = $"pia.marketing.{suffix}@example.com";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateUser>()
                .HandleAsync(new NewUser(email, "Pia Marketing", Roles.PartnerUser, partnerId, BrowserApp.DemoPassword), CancellationToken.None);
            Assert.True(created.IsSuccess, created.Error?.Message);
        }

        var partner = await app.SignInAsync(email);
        await partner.GetByRole(AriaRole.Link, new() { Name = "Collateral" }).ClickAsync();
        await Expect(partner.Locator("#collateral-audience")).ToContainTextAsync("Preferred");
        await Expect(partner.Locator($"#collateral tr[data-collateral='{preferredTitle}']")).ToBeVisibleAsync();
        await Expect(partner.Locator($"#collateral tr[data-collateral='{strategicTitle}']")).ToHaveCountAsync(0);
        var download = await partner.RunAndWaitForDownloadAsync(() => partner.Locator($"#collateral tr[data-collateral='{preferredTitle}'] a").ClickAsync());
        Assert.Equal("playbook.pdf", download.SuggestedFilename);
        Assert.Equal($"%PDF-1.4 {preferredTitle}", await File.ReadAllTextAsync((await download.PathAsync())!));
        var refused = await partner.Context.APIRequest.GetAsync($"/api/v1/collateral/{strategicId}/download");
        Assert.Equal(404, refused.Status);
        await partner.ReloadAsync();
        await Expect(partner.Locator($"#collateral tr[data-collateral='{preferredTitle}']")).ToContainTextAsync("1"); // its download counted
        await partner.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "portal-collateral.png"), FullPage = true });

        // The partner asks for funds for a joint webinar.
        var title = $"Joint webinar {suffix}";
        var on = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await partner.GetByRole(AriaRole.Link, new() { Name = "Co-marketing" }).ClickAsync();
        await Expect(partner.Locator("#mdf-budget")).ToContainTextAsync("Available");
        await partner.Locator("#kind").SelectOptionAsync("Joint Webinars");
        await partner.Locator("#title").FillAsync(title);
        await partner.Locator("#proposal").FillAsync("A co-hosted webinar on AI campaigns for our agency customers.");
        await partner.Locator("#plannedOn").FillAsync(on);
        await partner.Locator("#amount").FillAsync("1000.00");
        await partner.Locator("#request").ClickAsync();
        await Expect(partner.Locator($"tr[data-activity='{title}'] td.status")).ToHaveTextAsync("requested");

        Guid activityId;
        await using (var scope = app.Services.CreateAsyncScope())
            activityId = (await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Set<MdfActivity>().SingleAsync(a => a.Title == title)).Id;

        await manager.GotoAsync("/marketing/co-marketing?status=requested");
        await manager.Locator($"#amount-{activityId}").FillAsync("900.00");
        await manager.Locator($"#approve-{activityId}").ClickAsync();
        await Expect(manager.Locator($"tr[data-activity='{title}'] td.status")).ToHaveCountAsync(0); // no longer requested
        await manager.GotoAsync("/marketing/co-marketing?status=approved");
        await Expect(manager.Locator($"tr[data-activity='{title}']")).ToContainTextAsync("900.00 USD");

        // Executed: the partner claims with its proof of performance; a claim over the approval is refused on its field first.
        await partner.ReloadAsync();
        await partner.Locator($"#claim-amount-{activityId}").FillAsync("950.00");
        await partner.Locator($"#claim-executed-{activityId}").FillAsync(on);
        await partner.Locator($"#claim-file-{activityId}").SetInputFilesAsync(new FilePayload
        {
            Name = "webinar-report.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4 214 attendees"),
        });
        await partner.Locator($"#claim-{activityId}").ClickAsync();
        await Expect(partner.Locator("#amount-errors")).ToContainTextAsync("approved for this activity");
        await partner.Locator($"#claim-amount-{activityId}").FillAsync("850.00");
        await partner.Locator($"#claim-executed-{activityId}").FillAsync(on);
        await partner.Locator($"#claim-file-{activityId}").SetInputFilesAsync(new FilePayload
        {
            Name = "webinar-report.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4 214 attendees"),
        });
        await partner.Locator($"#claim-{activityId}").ClickAsync();
        await Expect(partner.Locator($"tr[data-activity='{title}'] td.status")).ToHaveTextAsync("claimed");

        await manager.GotoAsync("/marketing/co-marketing?status=claimed");
        await Expect(manager.Locator($"tr[data-activity='{title}']")).ToContainTextAsync("webinar-report.pdf");
        await manager.Locator($"#pay-{activityId}").ClickAsync();
        await manager.GotoAsync("/marketing/co-marketing?status=paid");
        await Expect(manager.Locator($"tr[data-activity='{title}']")).ToContainTextAsync("850.00 USD");

        await partner.GetByRole(AriaRole.Link, new() { Name = "Statements" }).ClickAsync();
        var line = partner.Locator("[data-testid=commission-activity] tr", new() { HasText = "mdf claim" });
        await Expect(line).ToContainTextAsync("850.00 USD");
        await Expect(line).ToContainTextAsync(title);
        await partner.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "portal-mdf-statement.png"), FullPage = true });
    }

    private static async Task AddCollateralAsync(IPage page, string title, string minTier, string file)
    {
        await page.GotoAsync("/marketing/collateral");
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#minTier").SelectOptionAsync(minTier);
        await page.Locator("#tags").FillAsync("playbook");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = file, MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes($"%PDF-1.4 {title}") });
        await page.Locator("#add").ClickAsync();
        await Expect(page.Locator($"#collateral tr[data-collateral='{title}']")).ToBeVisibleAsync();
    }
}
