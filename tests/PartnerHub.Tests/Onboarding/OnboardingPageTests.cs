using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using PartnerHub.App.Identity;
using PartnerHub.App.Onboarding;
using PartnerHub.App.Partners;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;
using PartnerHub.Tests.Prospects;

namespace PartnerHub.Tests.Onboarding;

/// <summary>
/// The onboarding pages over HTTP as a browser posts them: the manager starts onboarding and records the integration
/// check on the partner page, the board flags it; the partner uploads its agreement in the portal checklist and never
/// sees the vendor's note or another partner's journey.
/// </summary>
public abstract partial class OnboardingPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [Fact]
    public async Task Manager_starts_and_checks_on_the_partner_page_and_the_partner_uploads_in_the_portal()
    {
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var p = await (await manager.PostAsJsonAsync("/api/v1/partners", ProspectData.Prospect("ai-ml-platforms", stage: "qualified"), HttpAssertions.Json))
            .ReadAsync<PartnerView>(HttpStatusCode.Created);
        var detail = await manager.GetStringAsync($"/partners/{p.Id}");
        Assert.Contains("id=\"start-onboarding\"", detail);

        var started = await TestApp.PostFormAsync(manager, $"/partners/{p.Id}", $"/partners/{p.Id}", new() { ["_handler"] = "onboarding-start" });
        Assert.True(started.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)started.StatusCode}");
        Assert.Equal("onboarding", (await manager.GetFromJsonAsync<PartnerView>($"/api/v1/partners/{p.Id}", HttpAssertions.Json))!.Stage);
        var checkedIn = await TestApp.PostFormAsync(manager, $"/partners/{p.Id}", $"/partners/{p.Id}",
            new() { ["_handler"] = "onboarding-check-integration", ["check-note"] = "Vendor-only: sandbox keys issued" });
        Assert.True(checkedIn.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)checkedIn.StatusCode}");
        Assert.Contains("Vendor-only: sandbox keys issued", await manager.GetStringAsync($"/partners/{p.Id}"));
        var board = await manager.GetStringAsync("/onboarding");
        Assert.Contains(p.Name, board);
        Assert.Contains("id=\"onboarding-metrics\"", board);
        var program = await manager.GetStringAsync("/program");
        Assert.Contains("id=\"onboarding-journeys\"", program);
        Assert.Contains("Referral Tracking Setup (vendor, day 14, integration-check)", program);

        var partnerUser = await app.ClientAsync(Roles.PartnerUser, new PartnerId(p.Id));
        var checklist = await partnerUser.GetStringAsync("/portal/onboarding");
        Assert.Contains("id=\"file-agreement\"", checklist);
        Assert.DoesNotContain("sandbox keys", checklist);
        Assert.NotEqual(HttpStatusCode.OK, (await partnerUser.GetAsync("/onboarding")).StatusCode);

        var form = new MultipartFormDataContent
        {
            { new StringContent("upload-agreement"), "_handler" },
            { new StringContent(Token().Match(checklist).Groups[1].Value), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4 signed in the portal"));
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
        form.Add(file, "file", "signed-agreement.pdf");
        var uploaded = await partnerUser.PostAsync("/portal/onboarding", form);
        Assert.True(uploaded.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)uploaded.StatusCode}");
        var journey = (await partnerUser.GetFromJsonAsync<JourneyView>($"/api/v1/partners/{p.Id}/onboarding", HttpAssertions.Json))!;
        Assert.Equal(("signed-agreement.pdf", true), (journey.Steps[0].Document?.FileName, journey.Steps[0].Done));
        Assert.Contains("signed-agreement.pdf", await partnerUser.GetStringAsync("/portal/onboarding"));

        // Another partner's user sees no journey at all, let alone this one.
        var other = await (await manager.PostAsJsonAsync("/api/v1/partners", ProspectData.Prospect("resellers", stage: "qualified"), HttpAssertions.Json))
            .ReadAsync<PartnerView>(HttpStatusCode.Created);
        var stranger = await app.ClientAsync(Roles.PartnerUser, new PartnerId(other.Id));
        var strangerView = await stranger.GetStringAsync("/portal/onboarding");
        Assert.Contains("has not started yet", strangerView);
        Assert.DoesNotContain("signed-agreement.pdf", strangerView);
    }
}

public sealed class OnboardingPageOnSqlite(SqliteApp app) : OnboardingPageTests<SqliteApp>(app);

public sealed class OnboardingPageOnPostgres(PostgresApp app) : OnboardingPageTests<PostgresApp>(app);
