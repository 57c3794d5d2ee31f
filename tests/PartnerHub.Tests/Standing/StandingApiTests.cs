using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Csv;
using PartnerHub.App.Facts;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.App.Programs;
using PartnerHub.App.Standing;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Standing;

/// <summary>A partner with a year of facts whose standing is known by hand: Preferred on $61,200.00 with every rating 3.</summary>
internal static class StandingData
{
    /// <summary>
    /// Started 2025-01-01; $5,100.00 collected on the 10th of every month from 2025-01 to 2026-06 ($61,200.00 in any 12
    /// months from 2025-06 on); every criterion rated 3 on 2025-01-05. Preferred needs $25,000.00–$100,000.00 and ratings ≥ 3.
    /// </summary>
    public static async Task<PartnerView> PreferredPartnerAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var partner = (await scope.ServiceProvider.GetRequiredService<SavePartner>()
            .CreateAsync(Build.Partner() with { AgreementStartsOn = new DateOnly(2025, 1, 1) }, CancellationToken.None)).Value;
        var import = scope.ServiceProvider.GetRequiredService<ImportFacts>();
        var revenue = new StringBuilder("external_id,partner,kind,occurred_on,amount,customer\n");
        for (var month = new DateOnly(2025, 1, 10); month <= new DateOnly(2026, 6, 10); month = month.AddMonths(1))
            revenue.Append($"{partner.Domain}-{month:yyyyMM},{partner.Domain},payment,{month:yyyy-MM-dd},5100.00,acme\n");
        var ratings = new StringBuilder("partner,criterion,rated_on,score\n");
        foreach (var criterion in new[] { "strategic-value", "market-position", "innovation", "commitment" })
            ratings.Append($"{partner.Domain},{criterion},2025-01-05,3\n");
        foreach (var (kind, csv) in new[] { ("revenue-events", revenue), ("ratings", ratings) })
        {
            var report = (await import.CsvAsync(kind, Encoding.UTF8.GetBytes(csv.ToString()), new ImportOptions(Strict: true), null, CancellationToken.None)).Value;
            Assert.True(report.Applied, string.Join("; ", report.Errors));
        }

        return partner;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

/// <summary>The standing API on SQLite and PostgreSQL: explanations from stored facts, and partner users confined to their own partner.</summary>
public abstract class StandingApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task The_standing_explains_the_tier_from_stored_facts()
    {
        var partner = await StandingData.PreferredPartnerAsync(app);
        var client = await app.ClientAsync(Roles.PartnerManager);

        var s = await StandingData.JsonAsync(await client.GetAsync($"/api/v1/partners/{partner.Id}/standing?asOf=2026-06-15"), HttpStatusCode.OK);
        Assert.Equal("preferred", s.GetProperty("tier").GetProperty("held").GetString());
        Assert.Equal("v1", s.GetProperty("programVersion").GetString());
        Assert.StartsWith("Preferred, because trailing-12-month revenue $61,200.00 ≥ $25,000.00 and ≤ $100,000.00",
            s.GetProperty("tier").GetProperty("explanation").GetString());
        var revenueCheck = s.GetProperty("tier").GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("tier").GetString() == "strategic" && c.GetProperty("criterion").GetString() == "trailing-12-month revenue");
        Assert.Equal(("$61,200.00", "≥ $100,000.01", false),
            (revenueCheck.GetProperty("input").GetString(), revenueCheck.GetProperty("threshold").GetString(), revenueCheck.GetProperty("passed").GetBoolean()));
        var next = s.GetProperty("nextTier");
        Assert.Equal(("strategic", 3880001L), (next.GetProperty("tier").GetString(), next.GetProperty("revenueGapMinor").GetInt64()));
        Assert.Contains(s.GetProperty("kpis").EnumerateArray(), k => k.GetProperty("key").GetString() == "partner-revenue" && k.GetProperty("value").GetDecimal() == 61200m);
        Assert.Equal(5, s.GetProperty("targets").GetArrayLength());

        // Before the partnership had a year of revenue: $5,100.00 × 4 months on 2025-04-15 is Standard.
        var early = await StandingData.JsonAsync(await client.GetAsync($"/api/v1/partners/{partner.Id}/standing?asOf=2025-04-15"), HttpStatusCode.OK);
        Assert.Equal("standard", early.GetProperty("tier").GetProperty("held").GetString());

        var problem = await (await client.GetAsync($"/api/v1/partners/{partner.Id}/standing?asOf=15/06/2026")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("asOf", problem.Keys);
    }

    [Fact]
    public async Task A_partner_user_sees_its_own_standing_and_a_foreign_partner_exactly_like_a_missing_one()
    {
        var own = await StandingData.PreferredPartnerAsync(app);
        var other = await StandingData.PreferredPartnerAsync(app);
        var client = await app.ClientAsync(Roles.PartnerUser, new PartnerId(own.Id));

        var s = await StandingData.JsonAsync(await client.GetAsync($"/api/v1/partners/{own.Id}/standing"), HttpStatusCode.OK);
        Assert.Equal(own.Id, s.GetProperty("partnerId").GetGuid());
        // The vendor's revenue and costs stay with the vendor: KPIs built on them are left out for partners.
        var partnerKpis = s.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("key").GetString()).ToList();
        Assert.Empty(partnerKpis.Intersect(GetStanding.VendorOnlyKpis));
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var vendor = await StandingData.JsonAsync(await manager.GetAsync($"/api/v1/partners/{own.Id}/standing"), HttpStatusCode.OK);
        var vendorKpis = vendor.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("key").GetString()!).ToList();
        Assert.Equal(vendorKpis.Except(GetStanding.VendorOnlyKpis), partnerKpis);

        var foreign = await client.GetAsync($"/api/v1/partners/{other.Id}/standing");
        var missing = await client.GetAsync($"/api/v1/partners/{Guid.CreateVersion7()}/standing");
        await foreign.ProblemAsync(HttpStatusCode.NotFound);
        await missing.ProblemAsync(HttpStatusCode.NotFound);
        var (a, b) = (await StandingData.JsonAsync(foreign, HttpStatusCode.NotFound), await StandingData.JsonAsync(missing, HttpStatusCode.NotFound));
        Assert.Equal((a.GetProperty("code").GetString(), a.GetProperty("title").GetString()), (b.GetProperty("code").GetString(), b.GetProperty("title").GetString()));
        Assert.DoesNotContain(other.Name, await foreign.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/program/overview")).StatusCode);
        var portal = await client.GetStringAsync("/portal");
        Assert.Contains("Your standing", portal);
        Assert.Contains("Preferred", portal);
    }

    [Fact]
    public async Task The_partner_page_and_the_overview_show_the_standing()
    {
        var partner = await StandingData.PreferredPartnerAsync(app);
        var client = await app.ClientAsync(Roles.PartnerManager);

        var page = await client.GetStringAsync($"/partners/{partner.Id}?asOf=2026-06-15");
        Assert.Contains("Why this tier", page);
        Assert.Contains("$61,200.00", page);
        var overview = await StandingData.JsonAsync(await client.GetAsync("/api/v1/program/overview?asOf=2026-06-15"), HttpStatusCode.OK);
        Assert.True(overview.GetProperty("standing").GetProperty("tiers").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "preferred").GetProperty("count").GetInt32() >= 1);
        Assert.Contains("Tiers against their target counts", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Facts_of_a_partner_without_an_agreement_start_are_left_out_of_the_overview_without_breaking_it()
    {
        // Such a partner is not in the program yet, so the bulk load skips its rows mid-row (the PostgreSQL reader
        // once failed on exactly that). Several rows, so the skip happens between rows, not only at the end.
        await StandingData.PreferredPartnerAsync(app);
        await using (var scope = app.Scope())
        {
            var outsider = (await scope.ServiceProvider.GetRequiredService<SavePartner>().CreateAsync(Build.Partner(), CancellationToken.None)).Value;
            var csv = new StringBuilder("external_id,partner,kind,occurred_on,amount,customer\n");
            for (var day = 1; day <= 5; day++) csv.Append($"{outsider.Domain}-{day},{outsider.Domain},payment,2026-05-0{day},100.00,acme\n");
            var report = (await scope.ServiceProvider.GetRequiredService<ImportFacts>()
                .CsvAsync("revenue-events", Encoding.UTF8.GetBytes(csv.ToString()), new ImportOptions(Strict: true), null, CancellationToken.None)).Value;
            Assert.True(report.Applied, string.Join("; ", report.Errors));
        }

        var client = await app.ClientAsync(Roles.PartnerManager);
        var overview = await StandingData.JsonAsync(await client.GetAsync("/api/v1/program/overview?asOf=2026-06-15"), HttpStatusCode.OK);
        Assert.True(overview.GetProperty("standing").GetProperty("tiers").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "preferred").GetProperty("count").GetInt32() >= 1);
    }
}

public sealed class StandingApiOnSqlite(SqliteApp app) : StandingApiTests<SqliteApp>(app);

public sealed class StandingApiOnPostgres(PostgresApp app) : StandingApiTests<PostgresApp>(app);

/// <summary>
/// Time travel: a second program version raises the Preferred minimum to $70,000.00 from 2026-07-01. Today (after it)
/// the partner is Standard under v2; asked as of a date before it, the same facts give Preferred under v1. Each class
/// has its own database and clock, so publishing here touches no other test.
/// </summary>
public abstract class StandingTimeTravelTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task A_past_date_is_evaluated_with_the_program_version_in_force_then()
    {
        var partner = await StandingData.PreferredPartnerAsync(app);
        await using (var scope = app.Scope())
        {
            var yaml = ProgramStore.DefaultYaml()
                .Replace("revenue: { min: 25000.00, max: 100000.00 }", "revenue: { min: 70000.00, max: 100000.00 }", StringComparison.Ordinal)
                .Replace("revenue: { max: 24999.99 }", "revenue: { max: 69999.99 }", StringComparison.Ordinal);
            var published = await scope.ServiceProvider.GetRequiredService<PublishProgram>().HandleAsync(yaml, "raised.yaml", new DateOnly(2026, 7, 1), CancellationToken.None);
            Assert.True(published.IsSuccess, published.IsSuccess ? "" : published.Error.Message + string.Join(" ", published.Error.Fields?.SelectMany(f => f.Value) ?? []));
        }

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 20, 9, 0, 0, TimeSpan.Zero));
        var client = await app.ClientAsync(Roles.ProgramAdmin);
        var today = await StandingData.JsonAsync(await client.GetAsync($"/api/v1/partners/{partner.Id}/standing"), HttpStatusCode.OK);
        Assert.Equal(("v2", "2026-07-20", "standard"),
            (today.GetProperty("programVersion").GetString(), today.GetProperty("asOf").GetString(), today.GetProperty("tier").GetProperty("held").GetString()));
        Assert.Contains("< $70,000.00", today.GetProperty("tier").GetProperty("explanation").GetString());

        var past = await StandingData.JsonAsync(await client.GetAsync($"/api/v1/partners/{partner.Id}/standing?asOf=2026-06-15"), HttpStatusCode.OK);
        Assert.Equal(("v1", "preferred"), (past.GetProperty("programVersion").GetString(), past.GetProperty("tier").GetProperty("held").GetString()));

        await using var check = app.Scope();
        var overview = await check.ServiceProvider.GetRequiredService<GetProgramOverview>().HandleAsync(new DateOnly(2026, 6, 15), CancellationToken.None);
        Assert.Equal("v1", overview.ProgramVersion);
    }
}

public sealed class StandingTimeTravelOnSqlite(SqliteApp app) : StandingTimeTravelTests<SqliteApp>(app);

public sealed class StandingTimeTravelOnPostgres(PostgresApp app) : StandingTimeTravelTests<PostgresApp>(app);
