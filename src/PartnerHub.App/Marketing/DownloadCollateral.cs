using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Marketing;

namespace PartnerHub.App.Marketing;

/// <summary>
/// Hands out a collateral file (the current version, or a given one). For a partner user the item must be visible to its
/// tier and category (otherwise it is not found, like an item that does not exist), and the download is counted: one
/// row per download and the partner's <c>download</c> engagement count for the day, in one transaction with the facts'
/// generation bump so that standings see it.
/// </summary>
public sealed class DownloadCollateral(PartnerHubDb db, ProgramStore programs, PartnerMarketingStandings standings)
{
    /// <summary>The engagement kind a download counts as (program file: measurement.engagement.points).</summary>
    public const string EngagementKind = "download";

    public async Task<Result<MarketingFile>> HandleAsync(Guid id, int? versionNumber, CancellationToken ct)
    {
        var item = await db.Set<CollateralItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return MarketingErrors.CollateralNotFound(id);
        var partner = db.Actor.PartnerScope;
        if (partner is { } own)
        {
            var standing = await standings.AtAsync(own, programs.Today, ct);
            if (!standing.IsSuccess) return standing.Error;
            var s = standing.Value;
            if (!CollateralRules.CanSee(s.Program.Program, item.MinTier, item.Category, s.Tier, s.Category)) return MarketingErrors.CollateralNotFound(id);
        }

        var number = versionNumber ?? item.CurrentVersion;
        var version = await db.Set<CollateralVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.ItemId == id && v.Number == number, ct);
        if (version is null) return Error.NotFound($"Version {number} of collateral", id);

        if (partner is { } who)
        {
            var now = db.Clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Add(CollateralDownload.Record(who, id, number, db.Actor.Name, now));
            var engagement = await db.Set<EngagementRecord>().FirstOrDefaultAsync(e => e.PartnerId == who && e.Kind == EngagementKind && e.OccurredOn == today, ct);
            if (engagement is null) db.Add(new EngagementRecord { PartnerId = who, Kind = EngagementKind, OccurredOn = today, Count = 1 });
            else engagement.Count++;
            await db.SaveChangesAsync(ct);
            await FactWrites.BumpAsync(db, ct);
            await transaction.CommitAsync(ct);
        }

        return new MarketingFile(version.FileName, version.ContentType, version.Sha256, version.Content);
    }
}
