using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Marketing;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Marketing;

/// <summary>
/// Where a partner's market development funds stand for a period: the budget (fixed on first use from the tier held and
/// the trailing revenue on the period's first day, under the program then in force) and the position its activities make.
/// </summary>
public sealed class MdfBooks(PartnerHubDb db, PartnerMarketingStandings standings)
{
    /// <summary>The period a day falls in, under the program in force on that day.</summary>
    public async Task<Result<(MdfPeriod Period, MdfBudgetRecord Budget, bool Stored)>> BudgetAsync(PartnerId partner, DateOnly day, bool create, CancellationToken ct)
    {
        var onDay = await standings.AtAsync(partner, day, ct);
        if (!onDay.IsSuccess) return onDay.Error;
        var period = MdfPeriod.Of(onDay.Value.Program.Program.Marketing.Mdf.Period, day);
        var stored = await db.Set<MdfBudgetRecord>().FirstOrDefaultAsync(b => b.PartnerId == partner && b.Period == period.Label, ct);
        if (stored is not null) return (period, stored, true);

        var atStart = await standings.AtAsync(partner, period.FirstDay, ct);
        if (!atStart.IsSuccess) return atStart.Error;
        var s = atStart.Value;
        var budget = MdfRules.Budget(s.Program.Program.Marketing.Mdf, s.Tier, s.TierName, s.TrailingRevenue, period);
        var record = MdfBudgetRecord.Fix(partner, period, s.Tier, budget, s.Program.Label);
        if (create) db.Add(record);
        return (period, record, false);
    }

    public async Task<List<MdfActivity>> ActivitiesAsync(MdfBudgetRecord budget, CancellationToken ct) =>
        await db.Set<MdfActivity>().Where(a => a.BudgetId == budget.Id).ToListAsync(ct);

    public static MdfPosition Position(MdfBudgetRecord budget, IEnumerable<MdfActivity> activities) =>
        MdfRules.Position(budget.Amount, activities.Select(a => a.State));

    /// <summary>The activity views, with partner names and proof file names, for the API and the pages.</summary>
    public async Task<List<MdfActivityView>> ViewsAsync(IReadOnlyCollection<MdfActivity> activities, CancellationToken ct)
    {
        var partnerIds = activities.Select(a => a.PartnerId).Distinct().ToList();
        var names = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var proofIds = activities.Where(a => a.ProofId is not null).Select(a => a.ProofId!.Value).ToList();
        var proofs = await db.Set<MdfProof>().AsNoTracking().Where(p => proofIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FileName, ct);
        return activities.Select(a => View(a, names.GetValueOrDefault(a.PartnerId, ""), a.ProofId is { } p ? proofs.GetValueOrDefault(p) : null)).ToList();
    }

    public static MdfActivityView View(MdfActivity a, string partnerName, string? proofFileName) => new(
        a.Id, a.PartnerId.Value, partnerName, a.Period, a.Kind, a.Title, a.Proposal, a.PlannedOn, MdfActivity.Describe(a.Status), a.Currency.Code,
        a.AskedMinor, a.ApprovedMinor, a.ClaimMinor, a.PaidMinor, a.RequestedAt, a.RequestedBy, a.DecidedBy, a.DecidedAt, a.DecisionNote, a.ExecutedOn,
        a.ClaimNote, proofFileName, a.ClaimDecidedBy, a.ClaimDecidedAt, a.ClaimDecisionNote, a.LedgerTransactionId?.Value, a.Version);
}
