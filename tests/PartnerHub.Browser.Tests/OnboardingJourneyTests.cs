using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartnerHub.App.Csv;
using PartnerHub.App.Facts;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using static Microsoft.Playwright.Assertions;

namespace PartnerHub.Browser.Tests;

/// <summary>
/// Phase 2 in the browser: the partner manager starts a qualified demo partner's onboarding and records the integration
/// check; the partner's user uploads the signed agreement in the portal checklist; training and the exam are recorded
/// and complete their steps; the partner uploads its launch plan and is active.
/// </summary>
public sealed class OnboardingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Manager = "maria.lopez@partnerhub.demo";
    private const string Domain = "atlas-saas-resale.com"; // a demo prospect qualified by the demo

    [Fact]
    public async Task A_qualified_partner_is_onboarded_with_the_partner_completing_its_steps_in_the_portal_and_launched()
    {
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
            id = (await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Partners.SingleAsync(p => p.Domain == Domain)).Id.Value;

        var manager = await app.SignInAsync(Manager);
        await manager.GotoAsync($"/partners/{id}");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Start onboarding" }).ClickAsync();
        await Expect(manager.Locator("#onboarding-journey")).ToBeVisibleAsync();
        await manager.Locator("#check-note-integration").FillAsync("Referral links tracked end to end");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Record the check" }).ClickAsync();
        await Expect(manager.Locator("#onboarding-journey tr[data-step=integration]")).ToContainTextAsync("done");

        var email = $"ana.onboarding.{Guid.NewGuid():N}"[..24] + "@" + Domain;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateUser>()
                .HandleAsync(new NewUser(email, "Ana Onboarding", Roles.PartnerUser, new Core.Partners.PartnerId(id), BrowserApp.DemoPassword), CancellationToken.None);
            Assert.True(created.IsSuccess, created.Error?.Message);
        }

        var partner = await app.SignInAsync(email);
        await partner.GetByRole(AriaRole.Link, new() { Name = "Onboarding checklist" }).ClickAsync();
        await Expect(partner.Locator("#onboarding-checklist")).ToBeVisibleAsync();
        await Expect(partner.Locator("#onboarding-checklist")).Not.ToContainTextAsync("Referral links tracked"); // the vendor's note
        await UploadAsync(partner, "agreement", "signed-agreement.pdf");
        await Expect(partner.Locator("#onboarding-checklist tr[data-step=agreement]")).ToContainTextAsync("signed-agreement.pdf");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<ImportFacts>();
            var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (kind, row) in new (string, Dictionary<string, string?>)[]
            {
                ("training", new() { ["partner"] = id.ToString(), ["track"] = "sales-fundamentals", ["completed_on"] = today }),
                ("exams", new() { ["partner"] = id.ToString(), ["exam"] = "certified-exam", ["taken_on"] = today, ["score"] = "88" }),
            })
            {
                var recorded = await import.RowsAsync(kind, [row], new ImportOptions(false, false), CancellationToken.None);
                Assert.True(recorded.IsSuccess && recorded.Value.Applied, kind);
            }
        }

        await partner.ReloadAsync();
        await Expect(partner.Locator("#onboarding-checklist tr[data-step=certification]")).ToContainTextAsync("from the recorded facts");
        await partner.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "onboarding-checklist.png"), FullPage = true });
        await UploadAsync(partner, "launch", "launch-plan.pdf");
        await Expect(partner.Locator("p.lead")).ToContainTextAsync("Launched on");

        await manager.GotoAsync($"/partners/{id}");
        await Expect(manager.Locator("dd .stage").First).ToHaveTextAsync("active");
        await manager.GotoAsync("/onboarding");
        await Expect(manager.Locator("#onboarding-metrics")).ToContainTextAsync("channel");
        await manager.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "onboarding-board.png"), FullPage = true });
    }

    private static async Task UploadAsync(IPage page, string step, string name)
    {
        await page.Locator($"#file-{step}").SetInputFilesAsync(new FilePayload
        {
            Name = name, MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes($"%PDF-1.4 {name}"),
        });
        await page.Locator($"#upload-{step}").ClickAsync();
    }
}
