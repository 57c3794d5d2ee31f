using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.App.ScaleOut;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.ScaleOut;

/// <summary>
/// Data-protection keys encrypted at rest with a certificate (<see cref="KeyCertificates"/>): real hosts on a fresh
/// database, signing in on one and reading the cookie on the next, as instances and restarts do.
/// </summary>
public sealed class KeyEncryptionTests : IDisposable
{
    private const string Password = "pfx-password";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _folder = Directory.CreateTempSubdirectory("ph-keys-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Keys_are_stored_encrypted_and_a_host_with_the_same_certificate_reads_the_sign_in_of_another(DatabaseProvider provider)
    {
        var database = await TestDatabases.CreateAsync(provider);
        var certificate = Certificate("current");
        var cookies = new CookieContainer();
        await using (var first = await RunningHost.StartAsync(database, Settings(certificate)))
            await SignInAsync(first, cookies);

        await using (var db = TestDatabases.Open(database))
        {
            var keys = await db.Set<DataProtectionKeyRecord>().Select(k => k.Xml).ToListAsync(Ct);
            Assert.NotEmpty(keys);
            Assert.All(keys, xml => Assert.Contains("<encryptedSecret", xml));
            Assert.All(keys, xml => Assert.DoesNotContain("<masterKey", xml)); // the unencrypted form
        }

        await using (var next = await RunningHost.StartAsync(database, Settings(certificate)))
            Assert.Equal(HttpStatusCode.OK, (await next.Client(cookies).GetAsync("/api/v1/partners", Ct)).StatusCode);

        // A host started without the setting cannot read the keys, refuses the sign-in and makes a key of its own,
        // unencrypted (docs/operations.md: set it everywhere at once).
        await using (var without = await RunningHost.StartAsync(database))
            Assert.Equal(HttpStatusCode.Unauthorized, (await without.Client(cookies).GetAsync("/api/v1/partners", Ct)).StatusCode);
        await using (var db = TestDatabases.Open(database))
            Assert.Single(await db.Set<DataProtectionKeyRecord>().Select(k => k.Xml).ToListAsync(Ct), xml => xml.Contains("<masterKey"));
        await TestDatabases.DropAsync(database);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_replaced_certificate_kept_as_retired_still_decrypts_the_keys_it_encrypted(DatabaseProvider provider)
    {
        var database = await TestDatabases.CreateAsync(provider);
        var (old, replacement) = (Certificate("old"), Certificate("new"));
        var cookies = new CookieContainer();
        await using (var first = await RunningHost.StartAsync(database, Settings(old)))
            await SignInAsync(first, cookies);

        // Without the old certificate the key that signed the cookie cannot be read.
        await using (var without = await RunningHost.StartAsync(database, Settings(replacement)))
            Assert.Equal(HttpStatusCode.Unauthorized, (await without.Client(cookies).GetAsync("/api/v1/partners", Ct)).StatusCode);

        await using (var with = await RunningHost.StartAsync(database, [.. Settings(replacement),
                         $"DataProtection:RetiredCertificates:0:Path={old}", $"DataProtection:RetiredCertificates:0:Password={Password}"]))
            Assert.Equal(HttpStatusCode.OK, (await with.Client(cookies).GetAsync("/api/v1/partners", Ct)).StatusCode);
        await TestDatabases.DropAsync(database);
    }

    [Fact]
    public async Task A_certificate_setting_that_cannot_be_used_stops_the_start_and_names_the_setting()
    {
        var missing = Path.Combine(_folder, "missing.pfx");
        Assert.Contains($"DataProtection:Certificate: there is no file '{missing}'",
            Refusal(new() { ["DataProtection:Certificate"] = missing }));
        Assert.Contains("DataProtection:Certificate: '", Refusal(new() { ["DataProtection:Certificate"] = Certificate("c"), ["DataProtection:CertificatePassword"] = "wrong" }));
        Assert.Contains("DataProtection:RetiredCertificates:0:Path is empty", Refusal(new()
        {
            ["DataProtection:Certificate"] = Certificate("c"), ["DataProtection:CertificatePassword"] = Password, ["DataProtection:RetiredCertificates:0:Password"] = Password,
        }));

        var publicOnly = Path.Combine(_folder, "public-only.pfx");
        using (var withKey = X509CertificateLoader.LoadPkcs12FromFile(Certificate("p"), Password))
            await File.WriteAllBytesAsync(publicOnly, X509CertificateLoader.LoadCertificate(withKey.Export(X509ContentType.Cert)).Export(X509ContentType.Pfx, Password), Ct);
        Assert.Contains("holds no private key", Refusal(new() { ["DataProtection:Certificate"] = publicOnly, ["DataProtection:CertificatePassword"] = Password }));

        // The host refuses to start with it, before it serves anything.
        var database = await TestDatabases.CreateAsync(DatabaseProvider.Sqlite);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningHost.StartAsync(database, $"DataProtection:Certificate={missing}"));
        Assert.Contains("DataProtection:Certificate", refused.Message);
        Assert.Null(KeyCertificates.Load(new ConfigurationBuilder().Build())); // nothing set: keys as ASP.NET Core stores them
    }

    private static string Refusal(Dictionary<string, string?> settings) =>
        Assert.Throws<InvalidOperationException>(() => KeyCertificates.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())).Message;

    private static string[] Settings(string certificate) => [$"DataProtection:Certificate={certificate}", $"DataProtection:CertificatePassword={Password}"];

    private static async Task SignInAsync(RunningHost host, CookieContainer cookies)
    {
        var user = await host.UserAsync(Roles.ProgramAdmin);
        var signIn = await TestApp.PostFormAsync(host.Client(cookies), "/account/login", "/account/login",
            new() { ["Email"] = user.Email!, ["Password"] = TestApp.Password, ["ReturnUrl"] = "/" });
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await host.Client(cookies).GetAsync("/api/v1/partners", Ct)).StatusCode);
    }

    /// <summary>A new self-signed certificate with its private key, as a PKCS#12 file under <see cref="Password"/>.</summary>
    private string Certificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = new CertificateRequest($"CN=PartnerHub keys {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        var file = Path.Combine(_folder, $"{name}-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(file, certificate.Export(X509ContentType.Pfx, Password));
        return file;
    }
}
