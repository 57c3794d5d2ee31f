using System.Net;
using PartnerHub.App.Identity;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Relationships;

/// <summary>The console's relationship panel and pages, server-rendered, on SQLite and PostgreSQL: forms post as a browser posts them.</summary>
public abstract class RelationshipPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task The_partner_page_plans_logs_shows_the_timeline_and_churns_after_a_preview()
    {
        var partner = await RelationshipData.PreferredAsync(app);
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var page = $"/partners/{partner.Id}";

        var html = await PageAsync(manager, page);
        foreach (var id in new[] { "goal-title", "goal-kpi", "goal-target", "goal-due", "goal-owner", "activity-kind", "activity-at", "activity-who", "activity-notes", "exit-to" })
            Assert.Contains($"id=\"{id}\"", html);
        Assert.Contains("Tier Standard → Preferred at the review on 2025-07-01", html);

        var goal = await TestApp.PostFormAsync(manager, page, page, new()
        {
            ["_handler"] = "relationship-goal", ["GoalTitle"] = "Reach Strategic", ["GoalKpi"] = "partner-revenue", ["GoalTarget"] = "100000", ["GoalDue"] = "2026-12-31", ["GoalOwner"] = "maria",
        });
        Assert.Equal(HttpStatusCode.Redirect, goal.StatusCode);
        var logged = await TestApp.PostFormAsync(manager, page, page, new()
        {
            ["_handler"] = "relationship-activity", ["ActivityKindText"] = "qbr", ["ActivityAt"] = "2026-06-01T10:00", ["ActivityWho"] = "maria",
            ["ActivityParticipants"] = "Jana Novak, Max Weber", ["ActivityOutcome"] = "Agreed the webinar", ["ActivityNotes"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        html = await PageAsync(manager, page);
        Assert.Contains("Reach Strategic", html);
        Assert.Contains("$61,200.00 (Preferred target $100,000.00)", html);
        Assert.Contains("QBR by maria: Agreed the webinar", html);
        Assert.Contains("with Jana Novak, Max Weber", html);

        // A bad activity stays on the page with the field's message, and logs nothing.
        var bad = await TestApp.PostFormAsync(manager, page, page, new()
        {
            ["_handler"] = "relationship-activity", ["ActivityKindText"] = "qbr", ["ActivityAt"] = "2027-06-01T10:00", ["ActivityWho"] = "maria",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("in the future", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));

        var preview = await PageAsync(manager, $"{page}?exit=churned");
        Assert.Contains("id=\"exit-preview\"", preview);
        Assert.Contains("Open deal registrations: none", preview);
        var noReason = await TestApp.PostFormAsync(manager, $"{page}?exit=churned", $"{page}?exit=churned", new()
        {
            ["_handler"] = "relationship-exit", ["ExitTo"] = "churned", ["ExitVersion"] = $"{partner.Version}", ["ExitReason"] = "",
        });
        Assert.Contains("This field is required.", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()));
        var churned = await TestApp.PostFormAsync(manager, $"{page}?exit=churned", $"{page}?exit=churned", new()
        {
            ["_handler"] = "relationship-exit", ["ExitTo"] = "churned", ["ExitVersion"] = $"{partner.Version}", ["ExitReason"] = "Budget cut",
        });
        Assert.Equal(HttpStatusCode.Redirect, churned.StatusCode);
        html = await PageAsync(manager, page);
        Assert.Contains("stage-churned", html);
        Assert.Contains("Stage active → churned: Budget cut", html);
    }

    [Fact]
    public async Task The_alerts_and_expansion_pages_list_partners_with_the_engines_explanation()
    {
        var near = await RelationshipData.PreferredAsync(app, rating: 5);
        var manager = await app.ClientAsync(Roles.PartnerManager);

        var alerts = await PageAsync(manager, "/health-alerts?asOf=2026-06-15");
        Assert.Contains(near.Name, alerts);
        Assert.Contains("revenue target missed", alerts);
        var expansion = await PageAsync(manager, "/expansion?asOf=2026-06-15");
        Assert.Contains(near.Name, expansion);
        Assert.Contains("$38,800.01 short", expansion);

        var user = await app.ClientAsync(Roles.PartnerUser, new PartnerHub.Core.Partners.PartnerId(near.Id));
        var denied = await user.GetAsync("/expansion");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    [Fact]
    public async Task A_manager_assesses_an_active_partner_for_another_category_on_its_page_and_it_shows_on_the_expansion_page()
    {
        var partner = await RelationshipData.PreferredAsync(app);
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var page = await PageAsync(manager, $"/partners/{partner.Id}");
        Assert.Contains("Expansion into another category", page);
        Assert.DoesNotContain("<option value=\"" + partner.Category + "\">", page); // only other categories are offered

        var form = new Dictionary<string, string>
        {
            ["_handler"] = "expansion-assess", ["expansion-category"] = "education", ["expansion-notes"] = "Runs a bootcamp on the side",
            ["expansion-score-strategic-fit"] = "5", ["expansion-score-audience-overlap"] = "4", ["expansion-score-technical-capability"] = "4",
        };
        var refused = await TestApp.PostFormAsync(manager, $"/partners/{partner.Id}", $"/partners/{partner.Id}", form);
        Assert.Contains("from 1 to 5", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        form["expansion-score-revenue-potential"] = "5";
        var assessed = await TestApp.PostFormAsync(manager, $"/partners/{partner.Id}", $"/partners/{partner.Id}", form);
        Assert.True(assessed.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)assessed.StatusCode}");

        Assert.Contains("id=\"other-category-assessments\"", await PageAsync(manager, $"/partners/{partner.Id}"));
        var expansion = await PageAsync(manager, "/expansion");
        Assert.Contains("id=\"category-expansion\"", expansion);
        Assert.Contains("assessed for Education Partners", expansion);
    }

    /// <summary>The page as text: Razor encodes non-ASCII characters such as "→" as entities.</summary>
    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));
}

public sealed class RelationshipPageOnSqlite(SqliteApp app) : RelationshipPageTests<SqliteApp>(app);

public sealed class RelationshipPageOnPostgres(PostgresApp app) : RelationshipPageTests<PostgresApp>(app);
