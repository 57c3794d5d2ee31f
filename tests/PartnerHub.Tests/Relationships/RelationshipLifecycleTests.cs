using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Deals;
using PartnerHub.App.Identity;
using PartnerHub.App.Ledger;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Deals;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Relationships;

/// <summary>The timeline, health alerts, expansion candidates, churn and termination over the API, on SQLite and PostgreSQL.</summary>
public abstract class RelationshipLifecycleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task The_timeline_merges_activities_audit_and_tier_moves_newest_first_and_pages()
    {
        var partner = await RelationshipData.PreferredAsync(app);
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var url = $"/api/v1/partners/{partner.Id}";
        var qbr = await manager.PostAsJsonAsync($"{url}/activities", new
        {
            kind = "qbr", occurredAt = "2026-03-31T14:00:00Z", who = "maria.lopez@partnerhub.demo", participants = new[] { "Jana Novak", "Maria Lopez" },
            outcome = "Agreed the Q2 co-marketing plan", notes = "Jana wants a joint webinar in May.",
        }, HttpAssertions.Json);
        Assert.Equal(HttpStatusCode.Created, qbr.StatusCode);
        await manager.PostAsJsonAsync($"{url}/activities", new { kind = "call", occurredAt = "2026-06-10", who = "maria.lopez@partnerhub.demo", outcome = "Renewal call" }, HttpAssertions.Json);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await ChurnAsync(manager, partner.Id, "Moved to a competitor");

        var timeline = await Json(await manager.GetAsync($"{url}/timeline?pageSize=200"));
        var items = timeline.GetProperty("items").EnumerateArray().ToList();
        var summaries = items.Select(i => $"{i.GetProperty("source").GetString()}/{i.GetProperty("kind").GetString()}: {i.GetProperty("summary").GetString()}").ToList();
        Assert.Equal(
        [
            "audit/stage: Stage active → churned: Moved to a competitor",
            "audit/created: Partner created in stage active",
            "activity/call: Call by maria.lopez@partnerhub.demo: Renewal call",
            "activity/qbr: QBR by maria.lopez@partnerhub.demo: Agreed the Q2 co-marketing plan",
            "standing/tier: Tier Standard → Preferred at the review on 2025-07-01",
        ], summaries);
        var times = items.Select(i => i.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Equal(["Jana Novak", "Maria Lopez"], items[3].GetProperty("participants").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("Jana wants a joint webinar in May.", items[3].GetProperty("detail").GetString());
        Assert.StartsWith("Holds Preferred", items[4].GetProperty("detail").GetString());

        var page = await Json(await manager.GetAsync($"{url}/timeline?page=2&pageSize=2"));
        Assert.Equal((5, 3), (page.GetProperty("total").GetInt32(), page.GetProperty("pageCount").GetInt32()));
        Assert.Equal(summaries[2..4], page.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("source").GetString()}/{i.GetProperty("kind").GetString()}: {i.GetProperty("summary").GetString()}"));

        Assert.Equal(["pageSize"], (await (await manager.GetAsync($"{url}/timeline?pageSize=0")).ProblemAsync(HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(["page"], (await (await manager.GetAsync($"{url}/timeline?page=first")).ProblemAsync(HttpStatusCode.BadRequest)).Keys);
        var bad = await (await manager.PostAsJsonAsync($"{url}/activities", new { kind = "lunch", occurredAt = "2026-07-01", who = "" }, HttpAssertions.Json))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["kind", "occurredAt", "who"], bad.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("in the future", bad["occurredAt"][0]);
        Assert.Equal(5, (await Json(await manager.GetAsync($"{url}/timeline"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Health_alerts_flag_low_health_and_a_target_missed_at_two_reviews_in_a_row_with_the_engines_explanation()
    {
        var preferred = await RelationshipData.PreferredAsync(app);
        var idle = await RelationshipData.PartnerAsync(app, 0, default, default, rating: 0);
        // $30,000.00 once, in March 2025: the Standard revenue target is met at the review on 2026-01-01 and missed from 2026-04-01.
        var faded = await RelationshipData.PartnerAsync(app, 30000m, new DateOnly(2025, 3, 15), new DateOnly(2025, 3, 15), rating: 0);
        var manager = await app.ClientAsync(Roles.PartnerManager);

        var list = await Json(await manager.GetAsync("/api/v1/program/health-alerts?asOf=2026-06-15"));
        Assert.Equal((50m, 2), (list.GetProperty("healthAlertBelow").GetDecimal(), list.GetProperty("missedReviewsInARow").GetInt32()));
        var alerts = list.GetProperty("items").EnumerateArray().ToList();
        string[] Of(PartnerHub.App.Partners.PartnerView p) => alerts.Where(a => a.GetProperty("partnerId").GetGuid() == p.Id)
            .Select(a => $"{a.GetProperty("kind").GetString()}{(a.GetProperty("metric").GetString() is { } m ? ":" + m : "")}").Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["low-health", "target-missed:revenue"], Of(idle));
        var low = alerts.First(a => a.GetProperty("partnerId").GetGuid() == idle.Id && a.GetProperty("kind").GetString() == "low-health");
        Assert.Equal(0m, low.GetProperty("healthScore").GetDecimal());
        Assert.StartsWith("Health 0 is below the alert threshold 50.", low.GetProperty("explanation").GetString());

        // Preferred's health is above 50, but $61,200.00 missed its $100,000.00 revenue target at both of the last reviews.
        Assert.Equal(["target-missed:revenue"], Of(preferred));
        var missed = alerts.Single(a => a.GetProperty("partnerId").GetGuid() == preferred.Id);
        Assert.Equal(["2026-04-01", "2026-01-01"], missed.GetProperty("reviews").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("The revenue target was missed at the last 2 reviews in a row. 2026-04-01: Preferred revenue target missed: $61,200.00 < $100,000.00. "
            + "2026-01-01: Preferred revenue target missed: $61,200.00 < $100,000.00.", missed.GetProperty("explanation").GetString());

        // Missed once (2026-04-01) but met before (2026-01-01): not yet in a row. A quarter later it is, for revenue and growth,
        // and for customer retention (its one customer, paying in the prior 12 months, stopped paying).
        Assert.Equal(["low-health"], Of(faded));
        var later = (await Json(await manager.GetAsync("/api/v1/program/health-alerts?asOf=2026-07-15"))).GetProperty("items").EnumerateArray()
            .Where(a => a.GetProperty("partnerId").GetGuid() == faded.Id).Select(a => a.GetProperty("metric").GetString()).OfType<string>().Order(StringComparer.Ordinal);
        Assert.Equal(["growth", "retention", "revenue"], later);

        // A churned partner is no longer managed for health.
        await ChurnAsync(manager, idle.Id, "Never sold");
        var after = await Json(await manager.GetAsync("/api/v1/program/health-alerts?asOf=2026-06-15"));
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), a => a.GetProperty("partnerId").GetGuid() == idle.Id);
        Assert.Equal(["asOf"], (await (await manager.GetAsync("/api/v1/program/health-alerts?asOf=June")).ProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task Expansion_candidates_miss_one_criterion_of_the_next_tier_and_say_by_how_much()
    {
        var nearStrategic = await RelationshipData.PreferredAsync(app, rating: 5);
        var preferred = await RelationshipData.PreferredAsync(app, rating: 3);
        var nearPreferred = await RelationshipData.PartnerAsync(app, 1700m, new DateOnly(2025, 1, 10), new DateOnly(2026, 6, 10), rating: 3);
        var manager = await app.ClientAsync(Roles.PartnerManager);

        var list = await Json(await manager.GetAsync("/api/v1/program/expansion-candidates?asOf=2026-06-15"));
        var items = list.GetProperty("items").EnumerateArray().ToList();
        JsonElement? Of(PartnerHub.App.Partners.PartnerView p) => items.Cast<JsonElement?>().FirstOrDefault(i => i!.Value.GetProperty("partnerId").GetGuid() == p.Id);

        var strategic = Of(nearStrategic)!.Value;
        Assert.Equal(("preferred", "strategic", 4, 5), (strategic.GetProperty("tier").GetString(), strategic.GetProperty("nextTier").GetString(),
            strategic.GetProperty("criteriaMet").GetInt32(), strategic.GetProperty("criteriaTotal").GetInt32()));
        Assert.Equal("Qualifies for Preferred and meets 4 of 5 Strategic criteria; missing: trailing-12-month revenue $61,200.00 (needs ≥ $100,000.01, $38,800.01 short).",
            strategic.GetProperty("explanation").GetString());
        var up = Of(nearPreferred)!.Value;
        Assert.Equal("$4,600.00 short", up.GetProperty("missing").EnumerateArray().Single().GetProperty("gap").GetString());
        // Preferred with ratings of 3 misses the revenue and all four Strategic ratings: not close.
        Assert.Null(Of(preferred));
    }

    [Fact]
    public async Task Churn_shows_what_stays_open_then_moves_only_the_stage_and_the_ledger_is_untouched()
    {
        var partner = await RelationshipData.PreferredAsync(app);
        var id = new PartnerId(partner.Id);
        await using (var scope = app.Scope())
        {
            var deal = await scope.ServiceProvider.GetRequiredService<RegisterDeal>().HandleAsync(id, DealData.Details("Open Buyer Ltd"), CancellationToken.None);
            Assert.True(deal.IsSuccess, deal.Error?.Message);
            var basis = AccrualBasis.Rate("revenue-share", new Money(1_000_00, Currency.Usd), 10m, "preferred", "v1", "Revenue share 10% of 1,000.00.");
            (await scope.ServiceProvider.GetRequiredService<PostTransaction>()
                .HandleAsync(Commissions.Accrue($"churn:{id}", id, basis, new DateOnly(2026, 6, 1), app.Clock.GetUtcNow()).Value, CancellationToken.None)).Ok();
        }

        var (balanceBefore, linesBefore) = await LedgerAsync(id);
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var preview = await manager.GetAsync($"/api/v1/partners/{id}/exit-preview?to=terminated");
        var p = await preview.ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal($"\"{partner.Version}\"", preview.Headers.ETag?.Tag);
        Assert.True(p.GetProperty("allowed").GetBoolean());
        Assert.Equal(("Open Buyer Ltd", "submitted", "$61,200.50"), p.GetProperty("openDeals").EnumerateArray().Select(d =>
            (d.GetProperty("customerName").GetString(), d.GetProperty("status").GetString(), d.GetProperty("estimatedValue").GetString())).Single());
        var balance = p.GetProperty("balances").EnumerateArray().Single();
        Assert.Equal(("USD", "$100.00", "$0.00"), (balance.GetProperty("currency").GetString(), balance.GetProperty("held").GetString(), balance.GetProperty("payable").GetString()));
        Assert.Equal(JsonValueKind.Null, p.GetProperty("certification").ValueKind);

        var url = $"/api/v1/partners/{id}/churn";
        Assert.Equal(["reason"], (await Post(manager, url, new { reason = "  " }, partner.Version).ProblemAsync(HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(["reason"], (await Post(manager, url, new { }, partner.Version).ProblemAsync(HttpStatusCode.BadRequest)).Keys);
        await Post(manager, url, new { reason = "Stale" }, partner.Version + 5).ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(await app.ClientAsync(Roles.PartnerAdmin, id), url, new { reason = "Self-churn" }, partner.Version)).StatusCode);

        var churned = await Post(manager, url, new { reason = "Budget cut" }, partner.Version).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(("churned", "Budget cut"), (churned.GetProperty("stage").GetString(), churned.GetProperty("stageReason").GetString()));
        Assert.Equal(await LedgerAsync(id), (balanceBefore, linesBefore));
        var still = await Json(await manager.GetAsync($"/api/v1/partners/{id}/exit-preview?to=terminated"));
        Assert.Equal(1, still.GetProperty("openDeals").GetArrayLength());

        // The lifecycle decides: churned → churned is refused by field, churned → terminated is allowed, terminated is final.
        var again = await Post(manager, url, new { reason = "Twice" }, churned.GetProperty("version").GetInt32()).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("cannot move from churned to churned", again["stage"][0]);
        var terminated = await Post(manager, $"/api/v1/partners/{id}/terminate", new { reason = "Contract ended" }, churned.GetProperty("version").GetInt32())
            .ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal("terminated", terminated.GetProperty("stage").GetString());
        var final = await Post(manager, $"/api/v1/partners/{id}/terminate", new { reason = "Again" }, terminated.GetProperty("version").GetInt32()).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("nothing (final stage)", final["stage"][0]);
        Assert.Equal(await LedgerAsync(id), (balanceBefore, linesBefore));
    }

    [Fact]
    public async Task A_prospect_cannot_churn_and_the_preview_says_why()
    {
        var prospect = await RelationshipData.PartnerAsync(app, 0, default, default, rating: 0, stage: "prospect");
        var manager = await app.ClientAsync(Roles.PartnerManager);

        var preview = await Json(await manager.GetAsync($"/api/v1/partners/{prospect.Id}/exit-preview?to=churned"));
        Assert.False(preview.GetProperty("allowed").GetBoolean());
        Assert.Equal("A partner cannot move from prospect to churned. From prospect it can move to: qualified, terminated.", preview.GetProperty("refusal").GetString());
        var refused = await Post(manager, $"/api/v1/partners/{prospect.Id}/churn", new { reason = "Not interested" }, prospect.Version).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["stage"], refused.Keys);
        Assert.Equal(["to"], (await (await manager.GetAsync($"/api/v1/partners/{prospect.Id}/exit-preview?to=paused")).ProblemAsync(HttpStatusCode.BadRequest)).Keys);
        Assert.Equal("prospect", (await Json(await manager.GetAsync($"/api/v1/partners/{prospect.Id}"))).GetProperty("stage").GetString());
    }

    private async Task<(string Balances, int Lines)> LedgerAsync(PartnerId id)
    {
        await using var scope = app.Scope();
        var balances = (await scope.ServiceProvider.GetRequiredService<GetPartnerBalance>().HandleAsync(id, null, CancellationToken.None)).Ok();
        var lines = await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().LedgerEntries.CountAsync(e => e.PartnerId == id);
        return (string.Join("; ", balances.Select(b => $"{b.Held} {b.Payable} {b.Receivable}")), lines);
    }

    private static async Task ChurnAsync(HttpClient client, Guid partner, string reason)
    {
        var preview = await client.GetAsync($"/api/v1/partners/{partner}/exit-preview?to=churned");
        var version = int.Parse(preview.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
        (await Post(client, $"/api/v1/partners/{partner}/churn", new { reason }, version)).EnsureSuccessStatusCode();
    }

    private static Task<HttpResponseMessage> Post<T>(HttpClient client, string url, T body, int ifMatch) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: HttpAssertions.Json), Headers = { { "If-Match", $"\"{ifMatch}\"" } } });

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.ReadAsync<JsonElement>(HttpStatusCode.OK);
}

public sealed class RelationshipLifecycleOnSqlite(SqliteApp app) : RelationshipLifecycleTests<SqliteApp>(app);

public sealed class RelationshipLifecycleOnPostgres(PostgresApp app) : RelationshipLifecycleTests<PostgresApp>(app);
