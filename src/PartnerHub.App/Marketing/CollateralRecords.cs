using System.Globalization;
using System.Security.Cryptography;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Marketing;

/// <summary>
/// One piece of the collateral library (a deck, a case study, a demo script, webinar content, a social media kit): its
/// kind from the program's materials, an optional category it is meant for and minimum tier, tags, and the number of its
/// current version. Vendor data that partner users read through the tier and category rule, never directly.
/// </summary>
public sealed class CollateralItem : IAudited
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 2000;

    private CollateralItem()
    {
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string? Category { get; private set; }
    public string? MinTier { get; private set; }
    public string Tags { get; private set; } = "";
    public string? Description { get; private set; }
    public int CurrentVersion { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    string IAudited.AuditEntity => "collateral";

    string IAudited.AuditId => Id.ToString();

    public IReadOnlyList<string> TagList => Tags.Length == 0 ? [] : Tags.Split(',');

    public static CollateralItem Create(string title, string kind, string? category, string? minTier, IReadOnlyList<string> tags, string? description,
        string by, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(), Title = title, Kind = kind, Category = category, MinTier = minTier, Tags = string.Join(',', tags),
            Description = description, CurrentVersion = 0, CreatedAt = now, CreatedBy = by, UpdatedAt = now,
        };

    /// <summary>The next version's number, now current.</summary>
    public int NextVersion(DateTimeOffset now)
    {
        CurrentVersion++;
        UpdatedAt = now;
        return CurrentVersion;
    }

    public IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["title"] = Title,
        ["kind"] = Kind,
        ["category"] = Category,
        ["minTier"] = MinTier,
        ["tags"] = Tags,
        ["currentVersion"] = CurrentVersion.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>One version of a collateral file: the bytes in the database with their SHA-256, size and type.</summary>
public sealed class CollateralVersion : IAudited
{
    private CollateralVersion()
    {
    }

    public Guid Id { get; private set; }
    public Guid ItemId { get; private set; }
    public int Number { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public string? Note { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public string UploadedBy { get; private set; } = "";

    string IAudited.AuditEntity => "collateral-version";

    string IAudited.AuditId => $"{ItemId}/{Number}";

    public static CollateralVersion Store(Guid item, int number, string fileName, string contentType, byte[] content, string? note, string by, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(), ItemId = item, Number = number, FileName = fileName, ContentType = contentType, Size = content.LongLength,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Content = content, Note = note, UploadedAt = at, UploadedBy = by,
    };

    public IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["fileName"] = FileName,
        ["contentType"] = ContentType,
        ["size"] = Size.ToString(CultureInfo.InvariantCulture),
        ["sha256"] = Sha256,
        ["note"] = Note,
    };
}

/// <summary>A partner user's download of a collateral version: the per-partner count behind the library's numbers.</summary>
public sealed class CollateralDownload : IPartnerOwned
{
    private CollateralDownload()
    {
    }

    public long Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public Guid ItemId { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset DownloadedAt { get; private set; }
    public string DownloadedBy { get; private set; } = "";

    public static CollateralDownload Record(PartnerId partner, Guid item, int version, string by, DateTimeOffset at) => new()
    {
        PartnerId = partner, ItemId = item, Version = version, DownloadedAt = at, DownloadedBy = by,
    };
}
