using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Standing;

/// <summary>
/// What a review would decide for one partner, and why. <c>Kind</c>: promotion, demotion, demotion-held (inside the
/// grace period), certification (eligible for a higher level) or renewal (the level held expires soon).
/// </summary>
public sealed record ReviewItem(Guid PartnerId, string PartnerName, string Kind, string From, string To, DateOnly? EffectiveOn, string Explanation);

/// <summary>The partner manager's review worklist on a date, with the version that decided it.</summary>
public sealed record ReviewList(string ProgramVersion, DateOnly AsOf, IReadOnlyList<ReviewItem> Items);

/// <summary>
/// The tier and certification review as a worklist: every active partner whose tier the program proposes to change at
/// its next review (promotions, demotions, and demotions held back by the grace period), every partner eligible for a
/// higher certification level than it holds, and every level held that is due for renewal. All partners are evaluated
/// in one batch; only those on the list are evaluated again with explanations.
/// </summary>
public sealed class ListReviews(PartnerHubDb db, ProgramStore programs, FactStore facts)
{
    public async Task<ReviewList> HandleAsync(DateOnly? asOf, CancellationToken ct)
    {
        var date = asOf ?? programs.Today;
        var published = await programs.AtAsync(date, ct);
        var program = published.Program;
        var all = await facts.ForProgramAsync(program.Currency, ct);
        var summaries = Evaluator.EvaluateAll(program, published.Label, all, date).Partners;

        var levels = program.Certification.Levels;
        var items = new List<ReviewItem>();
        for (var i = 0; i < summaries.Length; i++)
        {
            var s = summaries[i];
            var renewalDue = s.CertificationHeld >= 0 && s.CertificationExpiresOn is { } expires && expires.AddDays(-levels[s.CertificationHeld].RenewalWindowDays) <= date;
            if (!s.Active || (s.ProposedChange == TierChange.None && s.CertificationEligible <= s.CertificationHeld && !renewalDue)) continue;

            var standing = Evaluator.Evaluate(program, published.Label, all.Partners[i], date);
            var id = standing.PartnerId.Value;
            var (tier, certification) = (standing.Tier, standing.Certification);
            if (tier.Change != TierChange.None)
                items.Add(new ReviewItem(id, "", Kind(tier.Change), TierName(program, tier.Held), TierName(program, tier.ProposedTier), tier.EffectiveOn, tier.ChangeExplanation));
            if (s.CertificationEligible > s.CertificationHeld && certification.Eligible is { } eligible)
                items.Add(new ReviewItem(id, "", "certification", LevelName(program, certification.Held), LevelName(program, eligible), null, certification.Explanation));
            if (certification.RenewalDue && certification.Held is { } held) // "to": what renewing today would give
                items.Add(new ReviewItem(id, "", "renewal", LevelName(program, held), LevelName(program, certification.Eligible), certification.ExpiresOn, certification.Explanation));
        }

        var ids = items.Select(x => new Core.Partners.PartnerId(x.PartnerId)).Distinct().ToList();
        var names = await db.Partners.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id.Value, p => p.Name, ct);
        var list = items.Select(x => x with { PartnerName = names.GetValueOrDefault(x.PartnerId, x.PartnerId.ToString()) })
            .OrderBy(x => Order(x.Kind)).ThenBy(x => x.EffectiveOn ?? DateOnly.MaxValue).ThenBy(x => x.PartnerName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new ReviewList(published.Label, date, list);
    }

    private static string Kind(TierChange change) => change switch
    {
        TierChange.Promotion => "promotion",
        TierChange.Demotion => "demotion",
        _ => "demotion-held",
    };

    private static int Order(string kind) => Array.IndexOf(["promotion", "demotion", "demotion-held", "certification", "renewal"], kind);

    private static string TierName(PartnerProgram program, string key) => program.Tiers.FirstOrDefault(t => t.Key == key)?.Name ?? key;

    private static string LevelName(PartnerProgram program, string? key) =>
        key is null ? "none" : program.Certification.Levels.FirstOrDefault(l => l.Key == key)?.Name ?? key;
}
