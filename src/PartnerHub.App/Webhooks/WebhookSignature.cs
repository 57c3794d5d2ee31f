using System.Security.Cryptography;
using System.Text;

namespace PartnerHub.App.Webhooks;

/// <summary>
/// Standard Webhooks signing (https://www.standardwebhooks.com): the signature is
/// <c>v1,</c> + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")), the key being the base64 part of the <c>whsec_</c> secret.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    /// <summary>A new secret: 32 random bytes (the spec asks for 24 to 64).</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var content = Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), content));
    }

    /// <summary>True when any space-separated signature of the header matches (a header may carry several during a secret rotation).</summary>
    public static bool Verify(string secret, string id, long timestamp, string body, string signatureHeader)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, timestamp, body));
        return signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }
}
