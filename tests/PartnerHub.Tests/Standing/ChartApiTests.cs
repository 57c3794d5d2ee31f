using System.Net;
using PartnerHub.App.Identity;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Standing;

/// <summary>The dashboard's charts from stored facts on SQLite and PostgreSQL: values, CSV, the partners behind a value, and the portal's own chart.</summary>
public abstract class ChartApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task Charts_show_stored_revenue_by_month_and_name_the_partners_behind_a_value()
    {
        var partner = await StandingData.PreferredPartnerAsync(app); // a reseller: $5,100.00 on the 10th of each month to 2026-06
        var client = await app.ClientAsync(Roles.PartnerManager);

        var charts = await StandingData.JsonAsync(await client.GetAsync("/api/v1/program/charts?asOf=2026-06-15"), HttpStatusCode.OK);
        Assert.Equal(["revenue", "tiers", "tier-moves", "targets", "tier-targets", "certification", "deals", "win-rate", "commissions"],
            charts.EnumerateArray().Select(c => c.GetProperty("key").GetString()));
        var revenue = charts.EnumerateArray().First();
        Assert.Equal("2026-06", revenue.GetProperty("points")[11].GetProperty("key").GetString());
        var channel = revenue.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "channel");
        Assert.True(channel.GetProperty("values")[11].GetDecimal() >= 5100m);

        var behind = await StandingData.JsonAsync(await client.GetAsync("/api/v1/program/charts/revenue/partners?asOf=2026-06-15&point=2026-06&series=channel"), HttpStatusCode.OK);
        Assert.Contains(behind.GetProperty("partners").EnumerateArray(), p => p.GetProperty("id").GetGuid() == partner.Id);
        var july = await StandingData.JsonAsync(await client.GetAsync("/api/v1/program/charts/revenue/partners?asOf=2026-07-31&point=2026-07&series=channel"), HttpStatusCode.OK);
        Assert.DoesNotContain(july.GetProperty("partners").EnumerateArray(), p => p.GetProperty("id").GetGuid() == partner.Id);
        var active = await StandingData.JsonAsync(await client.GetAsync("/api/v1/program/charts/targets/partners?asOf=2026-06-15&point=resellers&series=active"), HttpStatusCode.OK);
        Assert.Contains(active.GetProperty("partners").EnumerateArray(), p => p.GetProperty("id").GetGuid() == partner.Id);
    }

    [Fact]
    public async Task A_chart_downloads_as_csv_and_bad_requests_are_field_errors()
    {
        var client = await app.ClientAsync(Roles.PartnerManager);
        var csv = await client.GetAsync("/api/v1/program/charts/tiers?asOf=2026-06-15&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("point,label,strategic,preferred,standard", lines[0]);
        Assert.Equal(13, lines.Length);
        Assert.StartsWith("2026-06,Jun 2026,", lines[12], StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/program/charts/horoscope")).StatusCode);
        Assert.Contains("format", (await (await client.GetAsync("/api/v1/program/charts/tiers?format=pdf")).ProblemAsync(HttpStatusCode.BadRequest)).Keys);
        Assert.Contains("point", (await (await client.GetAsync("/api/v1/program/charts/tiers/partners?series=standard")).ProblemAsync(HttpStatusCode.BadRequest)).Keys);
        Assert.Contains("asOf", (await (await client.GetAsync("/api/v1/program/charts?asOf=June")).ProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task A_partner_user_sees_its_own_revenue_chart_and_no_program_chart()
    {
        var partner = await StandingData.PreferredPartnerAsync(app);
        var user = await app.ClientAsync(Roles.PartnerUser, new PartnerId(partner.Id));

        var own = await StandingData.JsonAsync(await user.GetAsync($"/api/v1/partners/{partner.Id}/charts/revenue?asOf=2026-06-15"), HttpStatusCode.OK);
        Assert.Equal(["channel", "trailing-12"], own.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("key").GetString()));
        Assert.Equal(5100m, own.GetProperty("series")[0].GetProperty("values")[11].GetDecimal());
        Assert.Equal(61200m, own.GetProperty("series")[1].GetProperty("values")[11].GetDecimal());
        var portal = await user.GetStringAsync("/portal");
        Assert.Contains("Your revenue by month", portal, StringComparison.Ordinal);
        Assert.Contains("Progress to Strategic", portal, StringComparison.Ordinal);

        var progress = await StandingData.JsonAsync(await user.GetAsync($"/api/v1/partners/{partner.Id}/charts/next-tier?asOf=2026-06-15"), HttpStatusCode.OK);
        Assert.Equal("revenue", progress.GetProperty("points")[0].GetProperty("key").GetString());
        Assert.Equal(61.2m, progress.GetProperty("series")[0].GetProperty("values")[0].GetDecimal()); // $61,200.00 of $100,000.01
        Assert.Contains("trailing-12-month revenue $61,200.00 of $100,000.01", progress.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        var before = await StandingData.JsonAsync(await user.GetAsync($"/api/v1/partners/{partner.Id}/charts/next-tier?asOf=2020-01-01"), HttpStatusCode.OK);
        Assert.Equal(0, before.GetProperty("points").GetArrayLength());

        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/v1/program/charts")).StatusCode);
        var other = await StandingData.PreferredPartnerAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/api/v1/partners/{other.Id}/charts/revenue")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/api/v1/partners/{other.Id}/charts/next-tier")).StatusCode);
    }
}

/// <summary>Partner performance reports on SQLite and PostgreSQL: CSV and XLSX downloads, printable pages, partner users confined to their own.</summary>
public abstract class ReportApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task The_program_report_has_a_row_per_partner_with_its_figures_and_explanation_link()
    {
        var partner = await StandingData.PreferredPartnerAsync(app);
        var client = await app.ClientAsync(Roles.PartnerManager);

        var csv = await client.GetAsync("/api/v1/program/report?asOf=2026-06-15");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("partner,domain,category,subcategory,stage,region,active,tier,certification,trailing_12_month_revenue_usd,growth_percent,win_rate_percent,health,explanation", lines[0]);
        var row = lines.Single(l => l.Contains(partner.Domain, StringComparison.Ordinal));
        Assert.Contains(",channel,resellers,active,EMEA,yes,preferred,,61200,", row, StringComparison.Ordinal);
        Assert.EndsWith($"/partners/{partner.Id}?asOf=2026-06-15", row, StringComparison.Ordinal);

        var xlsx = await client.GetAsync("/api/v1/program/report?asOf=2026-06-15&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
        Assert.Contains("format", (await (await client.GetAsync("/api/v1/program/report?format=pdf")).ProblemAsync(HttpStatusCode.BadRequest)).Keys);

        var page = await client.GetStringAsync("/reports/program?asOf=2026-06-15");
        Assert.Contains("Partner program report", page, StringComparison.Ordinal);
        Assert.Contains("Roadmap goals on 2026-06-15", page, StringComparison.Ordinal);
        Assert.Contains("Why this tier", await client.GetStringAsync($"/reports/partners/{partner.Id}?asOf=2026-06-15"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_report_explains_every_figure_and_a_partner_user_gets_only_its_own()
    {
        var partner = await StandingData.PreferredPartnerAsync(app);
        var user = await app.ClientAsync(Roles.PartnerUser, new PartnerId(partner.Id));

        var csv = await (await user.GetAsync($"/api/v1/partners/{partner.Id}/report?asOf=2026-06-15")).Content.ReadAsStringAsync();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("key,figure,value,target,explanation", lines[0]);
        Assert.StartsWith("tier,Tier held,Preferred", lines[1], StringComparison.Ordinal);
        Assert.Contains(",\"Preferred, because trailing-12-month revenue $61,200.00", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("kpi:partner-revenue,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("target:revenue,", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/v1/program/report")).StatusCode);
        var other = await StandingData.PreferredPartnerAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/api/v1/partners/{other.Id}/report")).StatusCode);
    }

    [Fact]
    public async Task The_digest_preview_is_the_last_ended_period_with_links_and_a_bad_kind_is_a_field_error()
    {
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var digest = await StandingData.JsonAsync(await manager.GetAsync("/api/v1/program/digest?kind=monthly&asOf=2026-06-15"), HttpStatusCode.OK);
        Assert.Equal(("2026-05", "2026-05-31"), (digest.GetProperty("period").GetString(), digest.GetProperty("end").GetString()));
        var links = digest.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("link").GetString()).ToList();
        Assert.Contains("/health-alerts?asOf=2026-05-31", links);
        Assert.Equal("2026-W24", (await StandingData.JsonAsync(await manager.GetAsync("/api/v1/program/digest?asOf=2026-06-15"), HttpStatusCode.OK)).GetProperty("period").GetString());
        Assert.Equal("kind", Assert.Single(await manager.GetAsync("/api/v1/program/digest?kind=yearly").ProblemAsync(HttpStatusCode.BadRequest)).Key);
        var user = await app.ClientAsync(Roles.PartnerUser, new PartnerId((await StandingData.PreferredPartnerAsync(app)).Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/v1/program/digest")).StatusCode);
    }
}

public sealed class ReportApiOnSqlite(SqliteApp app) : ReportApiTests<SqliteApp>(app);

public sealed class ReportApiOnPostgres(PostgresApp app) : ReportApiTests<PostgresApp>(app);

public sealed class ChartApiOnSqlite(SqliteApp app) : ChartApiTests<SqliteApp>(app);

public sealed class ChartApiOnPostgres(PostgresApp app) : ChartApiTests<PostgresApp>(app);
