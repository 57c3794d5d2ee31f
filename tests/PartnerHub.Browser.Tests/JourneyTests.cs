using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartnerHub.App.Identity;
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
        // The partner page has a "Notes" field of its own (the activity log), so wait for the edit form first.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit Vercel");

        var note = $"Renewal call booked {Guid.NewGuid():N}";
        await page.GetByLabel("Notes").FillAsync(note);
        await page.GetByLabel("Country (ISO code)").FillAsync("ZZ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByText("is not an ISO 3166-1 two-letter country code")).ToBeVisibleAsync();

        await page.GetByLabel("Country (ISO code)").FillAsync("US");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vercel");
        await Expect(page.Locator("p.notes")).ToHaveTextAsync(note);
        await Expect(page.Locator("ol.audit li").First).ToContainTextAsync($"updated by {Manager}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "console-partner.png"), FullPage = true });
    }

    /// <summary>
    /// The deal journey: a partner user registers a deal in the portal, a manager approves it from the console's
    /// queue, and the partner sees it protected; then the CRM reports the booking and billing the payment (through the
    /// API with an API key), the registration is won, and the partner sees the accrual with its explanation on their
    /// statements page.
    /// </summary>
    [Fact]
    public async Task A_partner_user_registers_a_deal_a_manager_approves_it_and_the_partner_sees_the_accrual_of_the_won_revenue()
    {
        var customer = $"Globex Journey {Guid.NewGuid().ToString("N")[..8]}";
        var partner = await app.SignInAsync(PartnerUser);
        await RegisterInPortalAsync(partner, customer);
        var dealId = new Uri(partner.Url).AbsolutePath.Split('/')[^1];

        var manager = await app.SignInAsync(Manager);
        await ApproveFromQueueAsync(manager, customer);

        await partner.GetByRole(AriaRole.Link, new() { Name = "Your deals", Exact = true }).ClickAsync();
        var row = partner.GetByRole(AriaRole.Row).Filter(new() { HasText = customer });
        await Expect(row).ToContainTextAsync("approved");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Request an extension" })).ToBeVisibleAsync();
        await partner.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "portal-deals.png"), FullPage = true });

        // The CRM's booking wins the registration; billing's payment names only the customer's domain.
        using var crm = await ApiClientAsync("revenue:write");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var domain = $"{customer.Replace(" ", "-", StringComparison.Ordinal).ToLowerInvariant()}.com";
        var booking = await crm.PostAsJsonAsync("/api/v1/revenue-events", new { id = $"bk-{dealId}", kind = "booking", occurredOn = today, amount = "48000.00", dealRegistrationId = dealId });
        Assert.True(booking.StatusCode == System.Net.HttpStatusCode.Created, await booking.Content.ReadAsStringAsync());
        var payment = await crm.PostAsJsonAsync("/api/v1/revenue-events", new { id = $"pay-{dealId}", kind = "payment", occurredOn = today, amount = "48000.00", customerDomain = domain, customer = domain });
        Assert.True(payment.StatusCode == System.Net.HttpStatusCode.Created, await payment.Content.ReadAsStringAsync());

        await partner.GetByRole(AriaRole.Link, new() { Name = "Your deals", Exact = true }).ClickAsync();
        await Expect(partner.GetByRole(AriaRole.Row).Filter(new() { HasText = customer })).ToContainTextAsync("won");
        await partner.GetByRole(AriaRole.Link, new() { Name = "Statements", Exact = true }).ClickAsync();
        var accrual = partner.GetByTestId("commission-activity").GetByRole(AriaRole.Row).Filter(new() { HasText = "48,000.00 USD" });
        await Expect(accrual).ToContainTextAsync("accrual · revenue-share");
        await Expect(accrual).ToContainTextAsync("Tier held on");
        await partner.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "portal-accrual.png"), FullPage = true });

        await manager.GetByRole(AriaRole.Link, new() { Name = "Revenue events", Exact = true }).ClickAsync();
        await Expect(manager.GetByTestId("recent-events")).ToContainTextAsync($"pay-{dealId}");
        await manager.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "console-revenue-events.png"), FullPage = true });
    }

    private async Task<HttpClient> ApiClientAsync(params string[] scopes)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var key = (await scope.ServiceProvider.GetRequiredService<ManageApiKeys>().CreateAsync(new NewApiKey("crm", scopes), CancellationToken.None)).Value;
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key.Secret);
        return client;
    }

    [Fact]
    public async Task Finance_closes_a_period_and_plans_payouts_and_a_partner_sees_their_statements()
    {
        var page = await app.SignInAsync("fiona.finance@partnerhub.demo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Statements", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Statements");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close period" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Closed ");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "console-statements.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Payouts", Exact = true }).ClickAsync();
        await page.GetByLabel("Minimum payout").FillAsync("abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create batch" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "console-payouts.png"), FullPage = true });
        Assert.DoesNotContain("Your deals", await page.Locator("nav.sidebar").InnerTextAsync()); // the console's navigation, not the portal's
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "DEMO-ACH-" + DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) })).ToBeVisibleAsync(); // the demo's paid batch

        // The demo paid balances of $1,000.00 and more; a batch of the smaller ones is planned, then withdrawn before payment.
        await page.GetByLabel("Minimum payout").FillAsync("50.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create batch" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Payout batch of");
        await page.GetByLabel("Reason").FillAsync("Two partners' bank details are missing.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel batch" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Cancelled.");
        await Expect(page.Locator(".status-cancelled")).ToHaveTextAsync("cancelled");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark paid" })).ToHaveCountAsync(0);

        var partner = await app.SignInAsync("pat.admin@zapier.com");
        await partner.GetByRole(AriaRole.Link, new() { Name = "Statements", Exact = true }).ClickAsync();
        await Expect(partner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Statements");
        await partner.GotoAsync("/payouts");
        await Expect(partner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("No access");
    }

    private static async Task RegisterInPortalAsync(IPage page, string customer)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Your deals", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Register a deal" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Register a deal");

        // A mistake first: the form says which field is wrong and keeps what was typed.
        await page.GetByLabel("Company name").FillAsync(customer);
        await page.GetByLabel("Website domain").FillAsync($"{customer.Replace(" ", "-", StringComparison.Ordinal).ToLowerInvariant()}.com");
        await page.GetByLabel("Contact name").FillAsync("Hank Scorpio");
        await page.GetByLabel("Contact email").FillAsync("hank@globex.example");
        await page.GetByLabel("Product or plan").FillAsync("Enterprise plan");
        await page.GetByLabel("Estimated value").FillAsync("48,000");
        await page.GetByLabel("Expected close date").FillAsync(DateTime.UtcNow.AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Register deal" }).ClickAsync();
        await Expect(page.Locator("#estimatedValue-errors")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Company name")).ToHaveValueAsync(customer);

        await page.GetByLabel("Estimated value").FillAsync("48000.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register deal" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(customer);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your deal is registered");
        await Expect(page.Locator(".card .status")).ToHaveTextAsync("submitted");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "portal-deal-registered.png"), FullPage = true });
    }

    private static async Task ApproveFromQueueAsync(IPage page, string customer)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Deals", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Deal registrations");
        var row = page.GetByTestId("deal-queue").GetByRole(AriaRole.Row).Filter(new() { HasText = customer });
        await Expect(row).ToContainTextAsync("Zapier");
        await Expect(row).ToContainTextAsync("Clear");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "console-deal-queue.png"), FullPage = true });

        await row.GetByRole(AriaRole.Link, new() { Name = customer }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(customer);
        await Expect(page.GetByTestId("conflict-outcome")).ToHaveTextAsync("Clear");
        await page.GetByLabel("Note for the partner (optional)").FillAsync("Welcome aboard; protected for 90 days.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve registration" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved");
        await Expect(page.Locator(".card .status")).ToHaveTextAsync("approved");
        await Expect(page.GetByRole(AriaRole.Table).Last).ToContainTextAsync(Manager);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "console-deal-approved.png"), FullPage = true });
    }

    [Fact]
    public async Task A_manager_tries_a_program_change_sees_who_would_move_and_opens_the_review_worklist()
    {
        var page = await app.SignInAsync(Manager);
        await page.GotoAsync("/program");
        await page.GetByRole(AriaRole.Link, new() { Name = "Try a change (what-if)" }).ClickAsync();
        var yaml = await page.GetByLabel("Candidate program (YAML)").InputValueAsync();
        await page.GetByLabel("Candidate program (YAML)").FillAsync(yaml.Replace("min: 100000.01", "min: 150000.01", StringComparison.Ordinal)
            .Replace("max: 100000.00", "max: 150000.00", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the what-if" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "change(s) from v1" })).ToBeVisibleAsync();
        await Expect(page.GetByText("$150,000.01").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "console-what-if.png"), FullPage = true });

        // The review worklist: what the next review decides, each line explained and linked to its partner.
        await page.GetByRole(AriaRole.Link, new() { Name = "Reviews", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reviews");
        await Expect(page.Locator("table.data tbody th a").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/partners/"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "console-reviews.png"), FullPage = true });
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
