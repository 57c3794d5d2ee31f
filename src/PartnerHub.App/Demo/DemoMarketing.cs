using System.Text;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Marketing;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Demo;

/// <summary>
/// Enablement marketing in the demo: a collateral library with one item per kind of material, some kept to higher tiers
/// or to one category, one with a second version; and co-marketing requests of a few active partners this period, one
/// still waiting for a decision and one approved, each fitting the partner's budget as the rules fix it.
/// </summary>
internal static class DemoMarketing
{
    private static readonly (string Title, string Kind, string? Category, string? MinTier, string Tags, string File)[] Library =
    [
        ("Platform overview deck", "Sales Collateral", null, null, "overview, pitch", "platform-overview.pdf"),
        ("Agency success story: 3× campaign output", "Case Studies", null, null, "agency, results", "agency-case-study.pdf"),
        ("Enterprise pricing playbook", "Sales Collateral", null, "preferred", "pricing, enterprise", "enterprise-pricing.pdf"),
        ("Integration demo script", "Demo Materials", "technology", null, "demo, api", "integration-demo.txt"),
        ("Quarterly roadmap briefing", "Webinar Content", null, "strategic", "roadmap, webinar", "roadmap-briefing.pdf"),
        ("Launch social media kit", "Social Media", null, null, "social, launch", "launch-social-kit.txt"),
    ];

    public static async Task LoadAsync(PartnerHubDb db, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        CollateralItem? first = null;
        foreach (var (title, kind, category, minTier, tags, file) in Library)
        {
            var item = CollateralItem.Create(title, kind, category, minTier, tags.Split(", "), $"Demo: {kind.ToLowerInvariant()} for partners.", "system", now.AddDays(-30));
            first ??= item;
            db.Add(item);
            db.Add(CollateralVersion.Store(item.Id, item.NextVersion(now.AddDays(-30)), file, file.EndsWith(".txt", StringComparison.Ordinal) ? "text/plain" : "application/pdf",
                Content(title, 1), null, "system", now.AddDays(-30)));
        }

        db.Add(CollateralVersion.Store(first!.Id, first.NextVersion(now.AddDays(-5)), "platform-overview-v2.pdf", "application/pdf", Content(first.Title, 2),
            "Demo: new pricing slide.", "system", now.AddDays(-5)));
        await db.SaveChangesAsync(ct);

        // Requests of three active partners with agreements, through the budget rules, as their partner managers would see them.
        var programs = new ProgramStore(db);
        using var cache = new ProgramFactsCache();
        var books = new MdfBooks(db, new PartnerMarketingStandings(db, programs, new FactStore(db, cache, new KeptRevenueFacts())));
        var kinds = (await programs.CurrentAsync(ct)).Program.Marketing.CoMarketingActivities;
        var partners = (await db.Partners.Where(p => p.Stage == LifecycleStage.Active).OrderBy(p => p.Name).ToListAsync(ct))
            .Where(p => p.Agreement.StartsOn is not null).Take(3).ToList();
        var today = programs.Today;
        for (var i = 0; i < partners.Count && kinds.Count > 0; i++)
        {
            var read = await books.BudgetAsync(partners[i].Id, today, create: true, ct);
            if (!read.IsSuccess || read.Value.Budget.AmountMinor < 100_00) continue;
            var budget = read.Value.Budget;
            var asked = new Money(Math.Min(budget.AmountMinor / 2, 2_500_00), budget.Currency);
            var kind = kinds[i % kinds.Count];
            var activity = MdfActivity.Request(partners[i].Id, budget, kind.Name, $"{kind.Name} with {partners[i].Name}", $"Demo: {kind.Text.ToLowerInvariant()} for our shared customers.",
                today, asked, partners[i].Owner ?? "system", now.AddDays(-3));
            if (i == 0) DemoData.Ensure(activity.Approve(asked, "Demo: good fit for the quarter's campaign.", partners[i].Owner ?? "system", now.AddDays(-1)).Error, "MDF approval");
            db.Add(activity);
            budget.Touch();
        }

        await db.SaveChangesAsync(ct);
    }

    private static byte[] Content(string title, int version) => Encoding.UTF8.GetBytes($"%PDF-1.4\n% Demo collateral: {title}, version {version}.\n");
}
