using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PartnerHub.Browser.Tests;

/// <summary>
/// Technical support in the browser: a partner user opens a ticket in the portal, the vendor answers it from the queue
/// inside the SLA (the queue shows the clock running, then met), writes an internal note and closes the ticket; the
/// partner sees the answer but not the note, and rates the ticket after close.
/// </summary>
public sealed class SupportTicketTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string PartnerUser = "uma.user@zapier.com";
    private const string Manager = "maria.lopez@partnerhub.demo";

    [Fact]
    public async Task A_partner_opens_a_ticket_the_vendor_answers_within_sla_and_the_partner_rates_it_after_close()
    {
        var subject = $"Zap runs stall after OAuth refresh {Guid.NewGuid():N}"[..44];
        var partner = await app.SignInAsync(PartnerUser);
        await partner.GetByRole(AriaRole.Link, new() { Name = "Support", Exact = true }).ClickAsync();
        await partner.Locator("#new-ticket").ClickAsync();
        await partner.Locator("#subject").FillAsync(subject);
        await partner.Locator("#description").FillAsync("Since this morning every Zap using our trigger stalls after the token refresh.");
        await partner.Locator("#level").SelectOptionAsync("1");
        await partner.Locator("#channel").SelectOptionAsync("email");
        await partner.Locator("#submit-ticket").ClickAsync();
        await Expect(partner.Locator("h1")).ToHaveTextAsync(subject);
        await Expect(partner.GetByTestId("first-response").First).ToHaveTextAsync("Running");
        var ticketUrl = partner.Url;

        var manager = await app.SignInAsync(Manager);
        await manager.GetByRole(AriaRole.Link, new() { Name = "Support queue" }).ClickAsync();
        var row = manager.Locator("#support-queue tr", new() { HasText = subject });
        await Expect(row.GetByTestId("first-response")).ToHaveTextAsync("Running");
        await Expect(row).ToContainTextAsync("business hours");
        await row.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await manager.Locator("#reply-text").FillAsync("We reproduced it: the refresh token was rotated twice. A fix is rolling out now.");
        await manager.Locator("#send-reply").ClickAsync();
        await Expect(manager.GetByTestId("first-response").First).ToHaveTextAsync("Met");
        await manager.Locator("#note-text").FillAsync("Internal: caused by the token cache change in release 4.2");
        await manager.Locator("#add-note").ClickAsync();
        await Expect(manager.Locator("#internal-notes")).ToContainTextAsync("token cache change");
        await manager.Locator("#close-text").FillAsync("Fixed in release 4.2.1; please confirm your Zaps run again.");
        await manager.Locator("#close-ticket").ClickAsync();
        await Expect(manager.GetByTestId("ticket-status")).ToHaveTextAsync("closed");
        await Expect(manager.GetByTestId("resolution").First).ToHaveTextAsync("Met");

        await manager.GotoAsync("/support?status=closed");
        var closedRow = manager.Locator("#support-queue tr", new() { HasText = subject });
        await Expect(closedRow.GetByTestId("first-response")).ToHaveTextAsync("Met");
        await Expect(closedRow.GetByTestId("resolution")).ToHaveTextAsync("Met");
        await manager.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "support-queue.png"), FullPage = true });

        await partner.GotoAsync(ticketUrl);
        await Expect(partner.Locator("#conversation")).ToContainTextAsync("Fixed in release 4.2.1");
        await Expect(partner.Locator("body")).Not.ToContainTextAsync("token cache change");
        await partner.Locator("#rating-5").CheckAsync();
        await partner.Locator("#rating-comment").FillAsync("Fast and clear, thank you");
        await partner.Locator("#send-rating").ClickAsync();
        await Expect(partner.GetByTestId("ticket-rating")).ToContainTextAsync("5 / 5");
        await Expect(partner.Locator("#rate-form")).ToHaveCountAsync(0);
        await partner.GotoAsync("/portal/support");
        await Expect(partner.Locator("#support-kpis")).ToContainTextAsync("Satisfaction after close");
        await partner.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "portal-support.png"), FullPage = true });
    }
}
