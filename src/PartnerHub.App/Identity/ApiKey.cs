using System.Security.Cryptography;
using System.Text;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Identity;

/// <summary>
/// A key an integration uses instead of a password. Only its SHA-256 hash is stored; the key itself is shown once.
/// Keys look like <c>phk_AbC123…</c> so they are recognizable in logs and by secret scanners.
/// </summary>
public sealed class ApiKey : IAudited
{
    public const string Prefix = "phk_";

    private ApiKey()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The first characters of the key, enough to tell keys apart in lists and logs.</summary>
    public string Hint { get; private set; } = "";

    public string Hash { get; private set; } = "";
    public IReadOnlyList<string> Scopes { get; private set; } = [];
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    string IAudited.AuditEntity => "api-key";

    string IAudited.AuditId => Id.ToString();

    public static (ApiKey Key, string Secret) Create(string name, IReadOnlyList<string> scopes, string createdBy, DateTimeOffset now)
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(), Name = name, Hint = secret[..12], Hash = HashOf(secret), Scopes = scopes,
            CreatedBy = createdBy, CreatedAt = now,
        };
        return (key, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["name"] = Name,
        ["hint"] = Hint,
        ["scopes"] = string.Join(", ", Scopes),
        ["revokedAt"] = RevokedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
