using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartnerHub.App.Csv;
using PartnerHub.App.Facts;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.Core.Partners;
using static Microsoft.Playwright.Assertions;

namespace PartnerHub.Browser.Tests;

/// <summary>
/// Enablement in the browser: a partner's user enrols in Sales Fundamentals, completes its modules, passes the Certified
/// Partner Exam, is awarded the certification, sees it on its standing and certificate, and the public verification
/// page confirms it to someone who is not signed in.
/// </summary>
public sealed class TrainingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_partner_user_completes_a_course_passes_the_exam_and_is_certified_with_a_verifiable_certificate()
    {
        var (id, name, email) = await AlmostCertifiedPartnerAsync();

        var page = await app.SignInAsync(email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Training" }).ClickAsync();
        var course = page.Locator("#course-sales-fundamentals");
        await course.Locator("#enrol-sales-fundamentals").ClickAsync();
        foreach (var module in new[] { "value-story", "discovery", "deal-registration" })
        {
            await page.Locator($"#complete-sales-fundamentals-{module}").ClickAsync();
            await Expect(page.Locator($"#module-sales-fundamentals-{module}")).ToContainTextAsync("done");
        }

        await Expect(page.Locator("#course-sales-fundamentals")).ToContainTextAsync("completed");
        await page.Locator("#take-certified-exam").ClickAsync();
        await Expect(page.Locator("#exam-form")).ToBeVisibleAsync();
        foreach (var (question, options) in new (string, string[])[] { ("q1", ["b"]), ("q2", ["a"]), ("q3", ["a", "b", "d"]), ("q4", ["b"]) })
            foreach (var option in options)
                await page.Locator($"#question-{question} input[value={option}]").CheckAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "exam.png"), FullPage = true });
        await page.Locator("#submit-exam").ClickAsync();
        await Expect(page.Locator("#exam-result")).ToContainTextAsync("score 100");
        await Expect(page.Locator("#award-notice")).ToContainTextAsync("now Certified Partner");

        await page.Locator("#award-notice a").ClickAsync();
        await Expect(page.Locator("#certificate")).ToContainTextAsync(name);
        await Expect(page.Locator("#certificate")).ToContainTextAsync("Certified Partner");
        var verify = await page.Locator("#verify-link").GetAttributeAsync("href");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "certificate.png"), FullPage = true });

        await page.GotoAsync("/portal");
        await Expect(page.Locator("body")).ToContainTextAsync("Holds Certified Partner");

        // Someone who is not signed in checks the certificate id: holder, level and validity only.
        var stranger = await (await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl })).NewPageAsync();
        await stranger.GotoAsync(verify!);
        await Expect(stranger.Locator("#holder")).ToHaveTextAsync(name);
        await Expect(stranger.Locator("#level")).ToHaveTextAsync("Certified Partner");
        await Expect(stranger.Locator("#validity")).ToContainTextAsync("valid");
        await Expect(stranger.Locator("body")).Not.ToContainTextAsync(id.ToString());
        await stranger.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "certificate-verification.png"), FullPage = true });
    }

    /// <summary>
    /// A technology consultant eight months in that meets everything Certified Partner asks but Sales Fundamentals and
    /// the exam (new revenue, satisfaction and advocacy surveys, an annual commitment, Product Fundamentals), and its user.
    /// </summary>
    private async Task<(PartnerId Id, string Name, string Email)> AlmostCertifiedPartnerAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var name = $"Trainee Consulting {unique}";
        var created = await scope.ServiceProvider.GetRequiredService<SavePartner>().CreateAsync(new PartnerDetails
        {
            Name = name, Domain = $"trainee-{unique}.example.com", Subcategory = "technology-consultants", Stage = "active", Region = "EMEA", Country = "DE",
            Owner = "maria.lopez@partnerhub.demo", AgreementStartsOn = today.AddMonths(-8),
        }, CancellationToken.None);
        Assert.True(created.IsSuccess, created.Error?.Message);
        var id = new PartnerId(created.Value.Id);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var import = scope.ServiceProvider.GetRequiredService<ImportFacts>();
        foreach (var (kind, row) in new (string, Dictionary<string, string?>)[]
        {
            ("commitments", new() { ["partner"] = id.ToString(), ["starts_on"] = Day(-30), ["ends_on"] = Day(334) }),
            ("surveys", new() { ["external_id"] = $"sat-{unique}", ["partner"] = id.ToString(), ["kind"] = "satisfaction", ["answered_on"] = Day(-10), ["score"] = "95" }),
            ("surveys", new() { ["external_id"] = $"adv-{unique}", ["partner"] = id.ToString(), ["kind"] = "advocacy", ["answered_on"] = Day(-10), ["score"] = "90" }),
            ("revenue-events", new() { ["external_id"] = $"pay-{unique}", ["partner"] = id.ToString(), ["kind"] = "payment", ["occurred_on"] = Day(-20), ["amount"] = "1000.00" }),
            ("training", new() { ["partner"] = id.ToString(), ["track"] = "product-fundamentals", ["completed_on"] = Day(-5) }),
        })
        {
            var recorded = await import.RowsAsync(kind, [row], new ImportOptions(Strict: true), CancellationToken.None);
            Assert.True(recorded.IsSuccess && recorded.Value.Applied, kind);
        }

        var email = $"tia.{unique}@trainee-{unique}.example.com";
        var user = await scope.ServiceProvider.GetRequiredService<CreateUser>()
            .HandleAsync(new NewUser(email, "Tia Trainee", Roles.PartnerUser, id, BrowserApp.DemoPassword), CancellationToken.None);
        Assert.True(user.IsSuccess, user.Error?.Message);
        return (id, name, email);
    }
}
