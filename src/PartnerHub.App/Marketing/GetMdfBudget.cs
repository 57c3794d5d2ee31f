using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Marketing;

/// <summary>
/// A partner's market development funds for the period a day falls in (today when none is given): budget with its
/// explanation, committed, paid and available, and the period's activities. Before the period's first request the
/// budget is shown as it would be fixed (not stored). A partner user reaches only its own partner.
/// </summary>
public sealed class GetMdfBudget(PartnerHubDb db, ProgramStore programs, MdfBooks books)
{
    public async Task<Result<MdfBudgetView>> HandleAsync(PartnerId partner, DateOnly? day, CancellationToken ct)
    {
        var name = await db.Partners.AsNoTracking().Where(p => p.Id == partner).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (name is null) return PartnerErrors.NotFound(partner);
        var read = await books.BudgetAsync(partner, day ?? programs.Today, create: false, ct);
        if (!read.IsSuccess) return read.Error;
        var (period, budget, stored) = read.Value;
        var activities = stored ? await books.ActivitiesAsync(budget, ct) : [];
        var position = MdfBooks.Position(budget, activities);
        var views = await books.ViewsAsync(activities.OrderBy(a => a.RequestedAt).ToList(), ct);
        return new MdfBudgetView(partner.Value, name, period.Label, period.FirstDay, period.LastDay, budget.Tier, budget.Currency.Code, budget.AmountMinor,
            position.Committed.Minor, position.Paid.Minor, position.Available.Minor, budget.Explanation, stored, views);
    }
}
