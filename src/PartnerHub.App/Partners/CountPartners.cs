using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Partners;

/// <summary>How many live partners there are per category, subcategory and lifecycle stage.</summary>
public sealed class CountPartners(PartnerHubDb db)
{
    public sealed record Row(string Category, string Subcategory, LifecycleStage Stage, int Count);

    public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken ct) =>
        await db.Partners.AsNoTracking().Where(p => p.ArchivedAt == null)
            .GroupBy(p => new { p.Category, p.Subcategory, p.Stage })
            .Select(g => new Row(g.Key.Category, g.Key.Subcategory, g.Key.Stage, g.Count()))
            .ToListAsync(ct);
}
