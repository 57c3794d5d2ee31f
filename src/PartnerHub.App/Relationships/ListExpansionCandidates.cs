using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Relationships;

namespace PartnerHub.App.Relationships;

public sealed record ExpansionItem(Guid PartnerId, string PartnerName, string Tier, string NextTier, int CriteriaMet, int CriteriaTotal,
    IReadOnlyList<MissingCriterion> Missing, string Explanation);

public sealed record ExpansionList(string ProgramVersion, DateOnly AsOf, int MaxMissing, IReadOnlyList<ExpansionItem> Items);

/// <summary>
/// Active partners that meet all but a few of the next tier's criteria (<see cref="Expansion"/>), on any date, each
/// with what it misses and by how much: where a partner manager's effort moves a partner up.
/// </summary>
public sealed class ListExpansionCandidates(PartnerHubDb db, ProgramStore programs, FactStore facts)
{
    public async Task<ExpansionList> HandleAsync(DateOnly? asOf, CancellationToken ct)
    {
        var date = asOf ?? programs.Today;
        var published = await programs.AtAsync(date, ct);
        var program = published.Program;
        var active = await ListHealthAlerts.ActivePartnersAsync(db, ct);
        var all = await facts.ForProgramAsync(program.Currency, ct);
        var items = all.Partners.Where(p => active.ContainsKey(p.PartnerId))
            .Select(p => Expansion.Check(program, p, date)).OfType<ExpansionCandidate>()
            .Select(c => new ExpansionItem(c.PartnerId.Value, active[c.PartnerId], c.Tier, c.NextTier, c.CriteriaMet, c.CriteriaTotal, c.Missing, c.Explanation))
            .OrderBy(c => program.TierRank(c.NextTier)).ThenBy(c => c.PartnerName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new ExpansionList(published.Label, date, program.Relationship.ExpansionMaxMissing, items);
    }
}
