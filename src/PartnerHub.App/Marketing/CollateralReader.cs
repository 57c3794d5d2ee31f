using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;

namespace PartnerHub.App.Marketing;

/// <summary>Reads collateral without loading file bytes: the item, its current version's metadata and download counts.</summary>
internal static class CollateralReader
{
    public sealed record VersionMeta(Guid ItemId, int Number, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);

    public static VersionMeta Meta(CollateralVersion v) => new(v.ItemId, v.Number, v.FileName, v.ContentType, v.Size, v.Sha256, v.UploadedAt);

    public static CollateralView View(CollateralItem item, VersionMeta? current, int downloads) => new(
        item.Id, item.Title, item.Kind, item.Category, item.MinTier, item.TagList, item.Description, item.CurrentVersion,
        current?.FileName ?? "", current?.ContentType ?? "", current?.Size ?? 0, current?.Sha256 ?? "", item.UpdatedAt, downloads);

    /// <summary>The current version of each item, without its bytes.</summary>
    public static async Task<Dictionary<Guid, VersionMeta>> CurrentAsync(PartnerHubDb db, IReadOnlyCollection<CollateralItem> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToList();
        var versions = await db.Set<CollateralVersion>().AsNoTracking().Where(v => ids.Contains(v.ItemId))
            .Select(v => new VersionMeta(v.ItemId, v.Number, v.FileName, v.ContentType, v.Size, v.Sha256, v.UploadedAt)).ToListAsync(ct);
        var current = items.ToDictionary(i => i.Id, i => i.CurrentVersion);
        return versions.Where(v => current[v.ItemId] == v.Number).ToDictionary(v => v.ItemId);
    }
}
