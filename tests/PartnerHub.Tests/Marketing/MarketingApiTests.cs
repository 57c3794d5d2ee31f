using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Facts;
using PartnerHub.App.Identity;
using PartnerHub.App.Marketing;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;
using PartnerHub.Tests.Standing;

namespace PartnerHub.Tests.Marketing;

/// <summary>
/// The collateral library and co-marketing with market development funds through the API, as partner managers and
/// partner users run them: tier- and category-gated downloads counted as engagement, versions, a request approved and
/// claimed with proof and paid through the ledger onto the partner's statement; every kind of bad input refused field
/// by field with nothing written. On SQLite and PostgreSQL.
/// </summary>
public abstract class MarketingApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4 partner case study");

    private static MultipartFormDataContent Form(Dictionary<string, string> fields, byte[]? file, string type = "application/pdf", string name = "deck.pdf")
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            form.Add(content, "file", name);
        }

        return form;
    }

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, string title, string? minTier = null, string? category = null, byte[]? file = null,
        string type = "application/pdf", string name = "deck.pdf", string kind = "Sales Collateral")
    {
        var fields = new Dictionary<string, string> { ["title"] = title, ["kind"] = kind, ["tags"] = "ai, Launch ,ai" };
        if (minTier is not null) fields["minTier"] = minTier;
        if (category is not null) fields["category"] = category;
        return client.PostAsync("/api/v1/collateral", Form(fields, file ?? Pdf, type, name));
    }

    private async Task<PartnerView> StandardPartnerAsync()
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<SavePartner>()
            .CreateAsync(Build.Partner() with { AgreementStartsOn = new DateOnly(2025, 1, 1) }, CancellationToken.None)).Value;
    }

    private async Task<int> CountAsync<T>() where T : class
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Set<T>().CountAsync();
    }

    [Fact]
    public async Task Partners_see_and_download_only_what_their_tier_and_category_allow_and_downloads_count_as_engagement()
    {
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var everyone = await AddAsync(manager, Build.Unique("Pitch deck "), file: Pdf).ReadAsync<CollateralView>(HttpStatusCode.Created);
        Assert.Equal(["ai", "launch"], everyone.Tags);
        Assert.Equal((1, Convert.ToHexStringLower(SHA256.HashData(Pdf))), (everyone.Version, everyone.Sha256));
        var preferredOnly = await AddAsync(manager, Build.Unique("Preferred case study "), minTier: "preferred").ReadAsync<CollateralView>(HttpStatusCode.Created);
        var strategicOnly = await AddAsync(manager, Build.Unique("Strategic roadmap "), minTier: "strategic").ReadAsync<CollateralView>(HttpStatusCode.Created);
        var technologyOnly = await AddAsync(manager, Build.Unique("Integration demo script "), category: "technology", kind: "Demo Materials")
            .ReadAsync<CollateralView>(HttpStatusCode.Created);

        var preferred = await StandingData.PreferredPartnerAsync(app); // a reseller (channel) holding Preferred
        var standard = await StandardPartnerAsync();
        var preferredUser = await app.ClientAsync(Roles.PartnerUser, new PartnerId(preferred.Id));
        var standardUser = await app.ClientAsync(Roles.PartnerUser, new PartnerId(standard.Id));

        var seenByPreferred = await preferredUser.GetFromJsonAsync<CollateralLibrary>("/api/v1/collateral", HttpAssertions.Json);
        Assert.Equal(("preferred", "channel"), (seenByPreferred!.Tier, seenByPreferred.Category));
        var ids = seenByPreferred.Items.Select(i => i.Id).ToList();
        Assert.Contains(everyone.Id, ids);
        Assert.Contains(preferredOnly.Id, ids);
        Assert.DoesNotContain(strategicOnly.Id, ids);
        Assert.DoesNotContain(technologyOnly.Id, ids);
        var seenByStandard = (await standardUser.GetFromJsonAsync<CollateralLibrary>("/api/v1/collateral", HttpAssertions.Json))!.Items.Select(i => i.Id).ToList();
        Assert.Contains(everyone.Id, seenByStandard);
        Assert.DoesNotContain(preferredOnly.Id, seenByStandard);
        var seenByVendor = (await manager.GetFromJsonAsync<CollateralLibrary>("/api/v1/collateral", HttpAssertions.Json))!.Items.Select(i => i.Id).ToList();
        Assert.Contains(strategicOnly.Id, seenByVendor);

        // Above its tier or outside its category, an item answers exactly like one that does not exist.
        await preferredUser.GetAsync($"/api/v1/collateral/{strategicOnly.Id}/download").ProblemAsync(HttpStatusCode.NotFound);
        await preferredUser.GetAsync($"/api/v1/collateral/{technologyOnly.Id}/download").ProblemAsync(HttpStatusCode.NotFound);
        await standardUser.GetAsync($"/api/v1/collateral/{preferredOnly.Id}/download").ProblemAsync(HttpStatusCode.NotFound);
        await preferredUser.GetAsync($"/api/v1/collateral/{Guid.NewGuid()}/download").ProblemAsync(HttpStatusCode.NotFound);

        var download = await preferredUser.GetAsync($"/api/v1/collateral/{preferredOnly.Id}/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(("application/pdf", "nosniff"), (download.Content.Headers.ContentType?.MediaType, download.Headers.GetValues("X-Content-Type-Options").Single()));
        (await preferredUser.GetAsync($"/api/v1/collateral/{everyone.Id}/download")).EnsureSuccessStatusCode();

        // A new version becomes what partners download; the first stays stored.
        var v2Bytes = Encoding.ASCII.GetBytes("%PDF-1.4 case study, second edition");
        var v2 = await manager.PostAsync($"/api/v1/collateral/{preferredOnly.Id}/versions", Form(new() { ["note"] = "New figures" }, v2Bytes, name: "case-study-v2.pdf"))
            .ReadAsync<CollateralView>(HttpStatusCode.OK);
        Assert.Equal((2, "case-study-v2.pdf", 1), (v2.Version, v2.FileName, v2.Downloads));
        Assert.Equal(v2Bytes, await preferredUser.GetByteArrayAsync($"/api/v1/collateral/{preferredOnly.Id}/download"));
        Assert.Equal(Pdf, await preferredUser.GetByteArrayAsync($"/api/v1/collateral/{preferredOnly.Id}/download?version=1"));

        // Three downloads of the Preferred partner: its own counts in the library, and its engagement fact for the day.
        var mine = (await preferredUser.GetFromJsonAsync<CollateralLibrary>("/api/v1/collateral", HttpAssertions.Json))!.Items;
        Assert.Equal((3, 1), (mine.Single(i => i.Id == preferredOnly.Id).Downloads, mine.Single(i => i.Id == everyone.Id).Downloads));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var engagement = await db.Set<EngagementRecord>().AsNoTracking().SingleAsync(e => e.PartnerId == new PartnerId(preferred.Id) && e.Kind == "download" && e.OccurredOn == today);
        Assert.Equal(4, engagement.Count);
        Assert.False(await db.Set<EngagementRecord>().AnyAsync(e => e.PartnerId == new PartnerId(standard.Id) && e.Kind == "download"));
        // Vendor downloads are not partner engagement.
        (await manager.GetAsync($"/api/v1/collateral/{strategicOnly.Id}/download")).EnsureSuccessStatusCode();
        Assert.Equal(0, (await manager.GetFromJsonAsync<CollateralLibrary>("/api/v1/collateral", HttpAssertions.Json))!.Items.Single(i => i.Id == strategicOnly.Id).Downloads);

        // Partner users cannot add material.
        await AddAsync(preferredUser, "Mine").ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_uploads_are_refused_field_by_field_with_nothing_written()
    {
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var items = await CountAsync<CollateralItem>();
        var versions = await CountAsync<CollateralVersion>();

        var tooBig = await AddAsync(manager, "Huge", file: new byte[20 * 1024 * 1024 + 1]).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("the program allows at most 20,971,520", tooBig["file"][0], StringComparison.Ordinal);
        var exe = await AddAsync(manager, "Tool", type: "application/x-msdownload", name: "tool.exe").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("'application/x-msdownload' are not allowed", exe["file"][0], StringComparison.Ordinal);
        var path = await AddAsync(manager, "Sneaky", name: "../../etc/passwd.pdf").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("is a path", path["file"][0], StringComparison.Ordinal);
        var many = await manager.PostAsync("/api/v1/collateral", Form(new() { ["kind"] = "Brochures", ["minTier"] = "platinum", ["category"] = "aliens" }, null))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["category", "file", "kind", "minTier", "title"], many.Keys.Order(StringComparer.Ordinal));
        await manager.PostAsJsonAsync("/api/v1/collateral", new { title = "json" }).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var item = await AddAsync(manager, Build.Unique("Kit ")).ReadAsync<CollateralView>(HttpStatusCode.Created);
        var badVersion = await manager.PostAsync($"/api/v1/collateral/{item.Id}/versions", Form(new(), Pdf, name: "C:\\kits\\kit.pdf")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("file", badVersion.Keys);
        await manager.PostAsync($"/api/v1/collateral/{Guid.NewGuid()}/versions", Form(new(), Pdf)).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal((items + 1, versions + 1), (await CountAsync<CollateralItem>(), await CountAsync<CollateralVersion>()));
    }

    [Fact]
    public async Task A_partner_requests_an_activity_is_approved_claims_with_proof_and_is_paid_on_its_statement()
    {
        var preferred = await StandingData.PreferredPartnerAsync(app);
        var other = await StandardPartnerAsync();
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var user = await app.ClientAsync(Roles.PartnerUser, new PartnerId(preferred.Id));
        var otherUser = await app.ClientAsync(Roles.PartnerUser, new PartnerId(other.Id));

        // 2026-Q2's budget, explained: Preferred on 2026-04-01, $5,000.00 + 1% of $61,200.00 trailing revenue.
        var budget = await user.GetFromJsonAsync<MdfBudgetView>($"/api/v1/partners/{preferred.Id}/mdf", HttpAssertions.Json);
        Assert.Equal(("2026-Q2", "preferred", 561_200L, 561_200L, false), (budget!.Period, budget.Tier, budget.BudgetMinor, budget.AvailableMinor, budget.Fixed));
        Assert.Equal("2026-Q2 budget $5,612.00: Preferred on 2026-04-01, $5,000.00 fixed + 1% of trailing-12-month revenue $61,200.00 = $612.00.", budget.Explanation);
        await otherUser.GetAsync($"/api/v1/partners/{preferred.Id}/mdf").ProblemAsync(HttpStatusCode.NotFound);

        var request = new { kind = "Joint Webinars", title = "AI for agencies webinar", proposal = "A co-hosted webinar for 300 agency owners.", plannedOn = "2026-06-25", amount = "4000.00" };
        var overBudget = await user.PostAsJsonAsync($"/api/v1/partners/{preferred.Id}/mdf/activities", request with { amount = "6000.00" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("$6,000.00 is more than the $5,612.00 of market development funds left for 2026-Q2.", overBudget["amount"].Single());
        var bad = await user.PostAsJsonAsync($"/api/v1/partners/{preferred.Id}/mdf/activities", new { kind = "Skywriting", plannedOn = "2026-02-30", amount = "-5" })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["amount", "kind", "plannedOn", "proposal", "title"], bad.Keys.Order(StringComparer.Ordinal));
        await otherUser.PostAsJsonAsync($"/api/v1/partners/{preferred.Id}/mdf/activities", request).ProblemAsync(HttpStatusCode.NotFound);

        var requested = await user.PostAsJsonAsync($"/api/v1/partners/{preferred.Id}/mdf/activities", request).ReadAsync<MdfActivityView>(HttpStatusCode.Created);
        Assert.Equal(("requested", "2026-Q2", 400_000L), (requested.Status, requested.Period, requested.AskedMinor));
        await user.PostAsJsonAsync($"/api/v1/mdf/activities/{requested.Id}/decision", new { approve = true }).ProblemAsync(HttpStatusCode.Forbidden);
        await otherUser.GetAsync($"/api/v1/mdf/activities/{requested.Id}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await otherUser.GetFromJsonAsync<List<MdfActivityView>>("/api/v1/mdf/activities", HttpAssertions.Json) ?? [], a => a.Id == requested.Id);

        // A second request takes the rest; approving both in full would overcommit the budget.
        var second = await user.PostAsJsonAsync($"/api/v1/partners/{preferred.Id}/mdf/activities", request with { title = "Case study", kind = "Case Studies", amount = "2000.00" })
            .ReadAsync<MdfActivityView>(HttpStatusCode.Created);
        Assert.Equal("amount", (await manager.PostAsJsonAsync($"/api/v1/mdf/activities/{requested.Id}/decision", new { approve = true, amount = "4500.00" })
            .ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());
        var approved = await manager.PostAsJsonAsync($"/api/v1/mdf/activities/{requested.Id}/decision", new { approve = true, amount = "3800.00", note = "Great audience" })
            .ReadAsync<MdfActivityView>(HttpStatusCode.OK);
        Assert.Equal(("approved", 380_000L), (approved.Status, approved.ApprovedMinor));
        var tooMuch = await manager.PostAsJsonAsync($"/api/v1/mdf/activities/{second.Id}/decision", new { approve = true }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("$2,000.00 is more than the $1,812.00 of market development funds left for 2026-Q2.", tooMuch["amount"].Single());
        Assert.Equal("note", (await manager.PostAsJsonAsync($"/api/v1/mdf/activities/{second.Id}/decision", new { approve = false }).ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());
        Assert.Equal("rejected", (await manager.PostAsJsonAsync($"/api/v1/mdf/activities/{second.Id}/decision", new { approve = false, note = "Not this quarter" })
            .ReadAsync<MdfActivityView>(HttpStatusCode.OK)).Status);
        await manager.PostAsJsonAsync($"/api/v1/mdf/activities/{requested.Id}/decision", new { approve = true }).ProblemAsync(HttpStatusCode.Conflict);

        // Claims: without proof, over the approval, of a file that is not allowed — each refused on its field, nothing stored.
        var proofs = await CountAsync<MdfProof>();
        var noProof = await user.PostAsync($"/api/v1/mdf/activities/{requested.Id}/claim", Form(new() { ["amount"] = "3500.00", ["executedOn"] = "2026-06-14" }, null))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("proof of performance", noProof["file"].Single(), StringComparison.Ordinal);
        var overApproved = await user.PostAsync($"/api/v1/mdf/activities/{requested.Id}/claim", Form(new() { ["amount"] = "3900.00", ["executedOn"] = "2026-06-14" }, Pdf))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("$3,900.00 is more than the $3,800.00 approved for this activity.", overApproved["amount"].Single());
        var future = await user.PostAsync($"/api/v1/mdf/activities/{requested.Id}/claim", Form(new() { ["amount"] = "3500.00", ["executedOn"] = "2026-07-01" }, Pdf, "application/zip", "x.zip"))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["executedOn", "file"], future.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(proofs, await CountAsync<MdfProof>());

        var report = Encoding.ASCII.GetBytes("%PDF-1.4 312 attendees, 41 trials");
        var claimed = await user.PostAsync($"/api/v1/mdf/activities/{requested.Id}/claim",
            Form(new() { ["amount"] = "3500.00", ["executedOn"] = "2026-06-14", ["note"] = "312 attendees" }, report, name: "webinar-report.pdf")).ReadAsync<MdfActivityView>(HttpStatusCode.OK);
        Assert.Equal(("claimed", 350_000L, "webinar-report.pdf"), (claimed.Status, claimed.ClaimMinor, claimed.ProofFileName));
        Assert.Equal(report, await manager.GetByteArrayAsync($"/api/v1/mdf/activities/{requested.Id}/proof"));
        await otherUser.GetAsync($"/api/v1/mdf/activities/{requested.Id}/proof").ProblemAsync(HttpStatusCode.NotFound);

        var paid = await manager.PostAsJsonAsync($"/api/v1/mdf/activities/{requested.Id}/claim/decision", new { approve = true, note = "Report checked" })
            .ReadAsync<MdfActivityView>(HttpStatusCode.OK);
        Assert.Equal(("paid", 350_000L), (paid.Status, paid.PaidMinor));
        Assert.NotNull(paid.LedgerTransactionId);
        await manager.PostAsJsonAsync($"/api/v1/mdf/activities/{requested.Id}/claim/decision", new { approve = true }).ProblemAsync(HttpStatusCode.Conflict);
        var after = (await user.GetFromJsonAsync<MdfBudgetView>($"/api/v1/partners/{preferred.Id}/mdf", HttpAssertions.Json))!;
        Assert.Equal((true, 0L, 350_000L, 211_200L), (after.Fixed, after.CommittedMinor, after.PaidMinor, after.AvailableMinor));

        // Owed to the partner now, and on June's statement as an MDF claim line.
        var balance = await StandingData.JsonAsync(await user.GetAsync($"/api/v1/partners/{preferred.Id}/balance"), HttpStatusCode.OK);
        Assert.Equal(350_000L, balance[0].GetProperty("payable").GetProperty("minor").GetInt64());
        app.Clock.Advance(TimeSpan.FromDays(20));
        var finance = await app.ClientAsync(Roles.Finance);
        (await finance.PostAsJsonAsync("/api/v1/statements/close", new { period = "2026-06" })).EnsureSuccessStatusCode();
        user = await app.ClientAsync(Roles.PartnerUser, new PartnerId(preferred.Id));
        var statements = await StandingData.JsonAsync(await user.GetAsync("/api/v1/statements?period=2026-06"), HttpStatusCode.OK);
        var statementId = statements.EnumerateArray().Single().GetProperty("id").GetGuid();
        var statement = await StandingData.JsonAsync(await user.GetAsync($"/api/v1/statements/{statementId}"), HttpStatusCode.OK);
        var line = statement.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("kind").GetString()!.Equals("MdfClaim", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(350_000L, line.GetProperty("amount").GetProperty("minor").GetInt64());
        Assert.Contains("AI for agencies webinar", line.GetProperty("explanation").GetString(), StringComparison.Ordinal);

        // Every decision is in the audit trail.
        await using var scope = app.Scope();
        var trail = await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().AuditEntries.AsNoTracking()
            .Where(e => e.Entity == "mdf-activity" && e.EntityId == requested.Id.ToString()).CountAsync();
        Assert.Equal(4, trail); // requested, approved, claimed, paid
    }
}

public sealed class MarketingApiOnSqlite(SqliteApp app) : MarketingApiTests<SqliteApp>(app);

public sealed class MarketingApiOnPostgres(PostgresApp app) : MarketingApiTests<PostgresApp>(app);
