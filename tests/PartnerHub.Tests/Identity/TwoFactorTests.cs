using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using PartnerHub.App.Identity;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Identity;

/// <summary>Authenticator-app two-factor sign-in for vendor staff, through the real pages and form posts.</summary>
public abstract partial class TwoFactorTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task Enabling_two_factor_makes_sign_in_ask_for_a_code()
    {
        var user = await app.UserAsync(Roles.PartnerManager);
        var client = (await app.SignInAsync(user.Email!, TestApp.Password))!;
        var key = KeyPattern().Match(await client.GetStringAsync("/account/security")).Groups[1].Value;
        Assert.NotEmpty(key);

        var wrong = await TestApp.PostFormAsync(client, "/account/security", "/account/2fa/enable", new() { ["Code"] = "000000" });
        Assert.True(wrong.Headers.Location?.OriginalString == "/account/security?error=code", $"{(int)wrong.StatusCode} {await wrong.Content.ReadAsStringAsync()}");
        var enabled = await TestApp.PostFormAsync(client, "/account/security", "/account/2fa/enable", new() { ["Code"] = Totp(key) });
        Assert.Equal("/account/security?done=enabled", enabled.Headers.Location?.OriginalString);

        // A password alone no longer signs in: the browser is sent to the code page.
        var next = app.CreateClient(new() { AllowAutoRedirect = false });
        var login = await TestApp.PostFormAsync(next, "/account/login", "/account/login", new() { ["Email"] = user.Email!, ["Password"] = TestApp.Password, ["ReturnUrl"] = "/" });
        Assert.StartsWith("/account/2fa", login.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await next.GetAsync("/api/v1/partners")).StatusCode);

        var verified = await TestApp.PostFormAsync(next, "/account/2fa", "/account/2fa", new() { ["Code"] = Totp(key), ["ReturnUrl"] = "/" });
        Assert.Equal("/", verified.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/api/v1/partners")).StatusCode);
    }

    /// <summary>RFC 6238 with the authenticator defaults (SHA-1, 30 s, 6 digits), as an authenticator app computes it.</summary>
    private static string Totp(string base32Key)
    {
        var key = Base32(base32Key);
        var counter = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30; // Identity checks codes against the system clock
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian) Array.Reverse(message);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.Trim().TrimEnd('=').ToUpperInvariant().Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([A-Z2-7]+)<")]
    private static partial Regex KeyPattern();
}

public sealed class TwoFactorOnSqlite(SqliteApp app) : TwoFactorTests<SqliteApp>(app);

public sealed class TwoFactorOnPostgres(PostgresApp app) : TwoFactorTests<PostgresApp>(app);
