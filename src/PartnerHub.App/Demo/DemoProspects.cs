using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.App.Prospects;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;
using PartnerHub.Core.Prospects;

namespace PartnerHub.App.Demo;

/// <summary>
/// Phase 1 in the demo: named prospects spread across the opportunity matrix (every category, passing and failing
/// scores, one qualified by override), each with a source, fit notes and an outreach log, some follow-ups overdue.
/// A dozen partners and one save, so the demo's start-up barely notices.
/// </summary>
internal static class DemoProspects
{
    /// <summary>One demo prospect: scores (strategic, audience, technical, revenue), how it was found, its last contact and next step.</summary>
    private sealed record Seed(string Name, string Domain, string Subcategory, int[] Scores, ProspectSource Source, string FitNotes,
        OutreachChannel Channel, OutreachOutcome Outcome, int ContactedDaysAgo, string? NextStep, int? DueInDays, string? Qualify = null);

    private static readonly Seed[] Seeds =
    [
        new("Mistral AI", "mistral.ai", "ai-ml-platforms", [5, 4, 5, 5], ProspectSource.MarketResearch, "Open-weight models our EU customers ask for.",
            OutreachChannel.Meeting, OutreachOutcome.Interested, 6, "Send the integration proposal", 2, Qualify: ""),
        new("Cohere", "cohere.com", "ai-ml-platforms", [4, 3, 4, 2], ProspectSource.Event, "Met at the AI Engineer Summit; enterprise focus.",
            OutreachChannel.Event, OutreachOutcome.Replied, 20, "Book a technical deep-dive", -5),
        new("Netlify", "netlify.com", "cloud-infrastructure", [3, 4, 5, 3], ProspectSource.Inbound, "Asked for a hosting template partnership.",
            OutreachChannel.Email, OutreachOutcome.Replied, 3, "Share the template brief", 4),
        new("n8n", "n8n.io", "integration", [5, 5, 5, 3], ProspectSource.Referral, "Referred by Zapier's team; strong self-hosted audience.",
            OutreachChannel.Introduction, OutreachOutcome.MeetingBooked, 2, "Demo call", 1),
        new("Pipedream", "pipedream.com", "integration", [3, 3, 4, 2], ProspectSource.MarketResearch, "Developer audience, small today.",
            OutreachChannel.Email, OutreachOutcome.NoResponse, 15, "Follow up by phone", -8),
        new("Northbridge University", "northbridge.edu", "universities", [4, 3, 2, 2], ProspectSource.Inbound, "Marketing faculty wants a course lab.",
            OutreachChannel.Call, OutreachOutcome.Interested, 4, "Send the academic program terms", 3,
            Qualify: "Flagship university for the education launch"),
        new("SkillForge Academy", "skillforge-academy.com", "training-organizations", [2, 3, 2, 2], ProspectSource.Event, "Generic training catalogue.",
            OutreachChannel.LinkedIn, OutreachOutcome.NotNow, 30, null, null),
        new("Brightline Digital", "brightline-digital.com", "marketing-agencies", [4, 4, 3, 4], ProspectSource.Referral, "40 clients on our target stack.",
            OutreachChannel.Meeting, OutreachOutcome.Interested, 9, "Workshop with their strategists", -2),
        new("Keystone Advisory", "keystone-advisory.com", "technology-consultants", [3, 2, 4, 3], ProspectSource.MarketResearch, "Implementation partner candidate.",
            OutreachChannel.Email, OutreachOutcome.Replied, 1, "Scope a pilot", 6),
        new("Atlas SaaS Resale", "atlas-saas-resale.com", "resellers", [4, 3, 3, 4], ProspectSource.Inbound, "Reseller in LATAM with a marketing catalogue.",
            OutreachChannel.Call, OutreachOutcome.MeetingBooked, 5, "Pricing call", 0, Qualify: ""),
        new("Growth Circle", "growthcircle.io", "referral", [2, 2, 1, 1], ProspectSource.Event, "Community newsletter; tiny reach.",
            OutreachChannel.Email, OutreachOutcome.NoResponse, 40, "Last try before dropping", -20),
        new("Funnel Theory", "funneltheory.co", "marketing-agencies", [3, 4, 2, 3], ProspectSource.Inbound, "Not contacted yet.",
            OutreachChannel.Email, OutreachOutcome.NoResponse, -1, null, null),
    ];

    public static async Task LoadAsync(PartnerHubDb db, SavePartner save, DateOnly today, CancellationToken ct)
    {
        var published = await new ProgramStore(db).CurrentAsync(ct);
        if (published.Program.Qualification is not { } policy) return; // a program without qualification criteria has no matrix to fill
        var now = db.Clock.GetUtcNow();
        var created = new List<(Seed Seed, PartnerId Id)>();
        for (var i = 0; i < Seeds.Length; i++)
        {
            var s = Seeds[i];
            var details = new PartnerDetails
            {
                Name = s.Name, Domain = s.Domain, Subcategory = s.Subcategory, Stage = "prospect", Owner = DemoEcosystem.Managers[i % DemoEcosystem.Managers.Length],
            };
            var partner = await save.CreateAsync(details, ct);
            DemoData.Ensure(partner.Error, s.Name);
            created.Add((s, new PartnerId(partner.Value.Id)));
        }

        var ids = created.Select(c => c.Id).ToList();
        var partners = await db.Partners.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var (s, id) in created)
        {
            var partner = partners[id];
            var profile = ProspectProfile.Empty(id);
            DemoData.Ensure(profile.Update(ProspectKeys.Key(s.Source), s.FitNotes, 1, "system", now).Error, s.Name);
            db.Add(profile);
            if (s.ContactedDaysAgo < 0) continue; // on the plan as "not contacted yet"

            var scores = policy.Criteria.Select((c, i) => (c.Key, Score: (int?)s.Scores[i])).ToDictionary(x => x.Key, x => x.Score);
            var fit = FitScoring.Score(policy, partner.Category, scores);
            DemoData.Ensure(fit.Error, s.Name);
            var contacted = now.AddDays(-s.ContactedDaysAgo);
            db.Add(OpportunityAssessment.Record(id, fit.Value, published.Label, "Scored after the first call.", partner.Owner ?? "system", contacted));
            db.Add(OutreachAttempt.Log(id, s.Channel, s.Outcome, s.FitNotes, s.NextStep, s.DueInDays is { } due ? today.AddDays(due) : null,
                partner.Owner ?? "system", contacted));
            if (s.Qualify is null) continue;
            var reason = s.Qualify.Length == 0 ? $"Qualified: {fit.Value.Explanation}" : $"Qualified by override: {s.Qualify} (assessment: {fit.Value.Explanation})";
            DemoData.Ensure(partner.MoveTo(LifecycleStage.Qualified, reason, now).Error, s.Name);
        }

        await AssessForAnotherCategoryAsync(db, published, policy, now, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Two seed-named active partners assessed for the education category (expansion): one passes, one does not, so the
    /// expansion page shows a partner qualified for another category and the partner page shows both verdicts.
    /// </summary>
    private static async Task AssessForAnotherCategoryAsync(PartnerHubDb db, PublishedProgram published, QualificationPolicy policy, DateTimeOffset now,
        CancellationToken ct)
    {
        const string target = "education";
        if (published.Program.FindCategory(target) is null) return;
        var named = (await db.Partners.Where(p => p.Stage == LifecycleStage.Active && p.Category != target).OrderBy(p => p.Name).ToListAsync(ct))
            .Where(p => p.Tags.Contains("seed")).Take(2).ToList();
        int[][] scores = [[5, 4, 4, 4], [2, 3, 2, 1]];
        for (var i = 0; i < named.Count; i++)
        {
            var partner = named[i];
            var byCriterion = policy.Criteria.Select((c, k) => (c.Key, Score: (int?)scores[i][k % 4])).ToDictionary(x => x.Key, x => x.Score);
            var fit = FitScoring.Score(policy, target, byCriterion);
            DemoData.Ensure(fit.Error, partner.Name);
            db.Add(OpportunityAssessment.Record(partner.Id, fit.Value, published.Label, "Asked about running certification courses for their customers.",
                partner.Owner ?? "system", now.AddDays(-10 - i)));
        }
    }
}
