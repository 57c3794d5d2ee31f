using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Marketing;

namespace PartnerHub.App.Marketing;

/// <summary>
/// The collateral library. Vendor staff see every item with all downloads; a partner user sees only the items its held
/// tier and category allow (<see cref="CollateralRules.CanSee"/>), with its own download counts. Optional filters by kind and tag.
/// </summary>
public sealed class ListCollateral(PartnerHubDb db, ProgramStore programs, PartnerMarketingStandings standings)
{
    public async Task<Result<CollateralLibrary>> HandleAsync(string? kind, string? tag, CancellationToken ct)
    {
        var query = db.Set<CollateralItem>().AsNoTracking().Where(i => i.CurrentVersion > 0);
        if (!string.IsNullOrWhiteSpace(kind)) query = query.Where(i => i.Kind == kind.Trim());
        var items = (await query.OrderBy(i => i.Kind).ThenBy(i => i.Title).ToListAsync(ct))
            .Where(i => string.IsNullOrWhiteSpace(tag) || i.TagList.Contains(tag.Trim().ToLowerInvariant())).ToList();

        MarketingStanding? standing = null;
        if (db.Actor.PartnerScope is { } own)
        {
            var read = await standings.AtAsync(own, programs.Today, ct);
            if (!read.IsSuccess) return read.Error;
            standing = read.Value;
            items = items.Where(i => CollateralRules.CanSee(standing.Program.Program, i.MinTier, i.Category, standing.Tier, standing.Category)).ToList();
        }

        var ids = items.Select(i => i.Id).ToList();
        // The partner scope filter confines a partner user's counts to its own downloads.
        var counts = await db.Set<CollateralDownload>().AsNoTracking().Where(d => ids.Contains(d.ItemId))
            .GroupBy(d => d.ItemId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var current = await CollateralReader.CurrentAsync(db, items, ct);
        var views = items.Select(i => CollateralReader.View(i, current.GetValueOrDefault(i.Id), counts.GetValueOrDefault(i.Id))).ToList();
        return new CollateralLibrary(standing?.Tier, standing?.TierName, standing?.Category, views);
    }
}
