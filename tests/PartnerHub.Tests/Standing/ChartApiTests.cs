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
        Assert.Equal(["revenue", "tiers", "tier-moves", "targets", "tier-targets", "certification", "deals", "win-rate"],
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
        Assert.Contains("Your revenue by month", await user.GetStringAsync("/portal"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/v1/program/charts")).StatusCode);
        var other = await StandingData.PreferredPartnerAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/api/v1/partners/{other.Id}/charts/revenue")).StatusCode);
    }
}

public sealed class ChartApiOnSqlite(SqliteApp app) : ChartApiTests<SqliteApp>(app);

public sealed class ChartApiOnPostgres(PostgresApp app) : ChartApiTests<PostgresApp>(app);
