using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartnerHub.App.Persistence;

namespace PartnerHub.App.ScaleOut;

/// <summary>One data-protection key (the XML the key manager writes), stored where every instance reads it.</summary>
public sealed class DataProtectionKeyRecord
{
    public long Id { get; init; }

    public string FriendlyName { get; init; } = "";

    public string Xml { get; init; } = "";
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRecord> k)
    {
        k.ToTable("data_protection_keys");
        k.HasKey(x => x.Id);
        k.Property(x => x.FriendlyName).HasMaxLength(200);
    }
}

/// <summary>
/// Keeps the data-protection key ring (what signs sign-in cookies, antiforgery tokens and invitation links) in
/// PartnerHub's database, on SQLite and PostgreSQL alike: every instance on the database, and the CLI, read the same
/// keys, so a cookie issued by one host is accepted by another. The key manager calls this synchronously and rarely
/// (at start, then about once a day; a write every 90 days), so plain synchronous queries are fine.
/// </summary>
public sealed class DatabaseKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        return db.Set<DataProtectionKeyRecord>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var xml = element.ToString(SaveOptions.DisableFormatting);
        // Raw SQL: keys are infrastructure, not audited business data (and the context allows only asynchronous saves).
        db.Database.ExecuteSql($"INSERT INTO data_protection_keys (friendly_name, xml) VALUES ({friendlyName}, {xml})");
    }
}

public static class DataProtectionKeys
{
    /// <summary>
    /// Data protection with the keys in the database and one application name, so instances installed in different
    /// folders (the default name is the content root) share cookies. With <c>DataProtection:Certificate</c> set, each new
    /// key is encrypted with that certificate before it is stored (see <see cref="KeyCertificates"/>, ADR 29).
    /// </summary>
    public static IServiceCollection AddDatabaseDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection().SetApplicationName("PartnerHub");
        if (KeyCertificates.Load(configuration) is { } certificates)
            protection.ProtectKeysWithCertificate(certificates.Current).UnprotectKeysWithAnyCertificate([certificates.Current, .. certificates.Retired]);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        return services;
    }
}

/// <summary>
/// The certificates that encrypt the data-protection keys at rest: <c>DataProtection:Certificate</c> (a PKCS#12 file
/// with its private key; <c>DataProtection:CertificatePassword</c>) encrypts every new key, and
/// <c>DataProtection:RetiredCertificates:N:Path</c> (<c>…:Password</c>) only decrypt, so the keys a replaced certificate
/// encrypted stay readable until they expire. Every instance and the CLI need the same files. Nothing set: keys are
/// stored as ASP.NET Core writes them, unencrypted (and it says so at start).
/// </summary>
public sealed record KeyCertificates(X509Certificate2 Current, IReadOnlyList<X509Certificate2> Retired)
{
    /// <summary>The configured certificates, null when none is; a file that is missing, unreadable or without a private key stops the start with the setting named.</summary>
    public static KeyCertificates? Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("DataProtection");
        if (section["Certificate"] is not { Length: > 0 } path) return null;
        var retired = section.GetSection("RetiredCertificates").GetChildren()
            .Select(c => Read($"DataProtection:RetiredCertificates:{c.Key}:Path", c["Path"], c["Password"])).ToList();
        return new KeyCertificates(Read("DataProtection:Certificate", path, section["CertificatePassword"]), retired);
    }

    private static X509Certificate2 Read(string setting, string? path, string? password)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new InvalidOperationException($"{setting} is empty: give the path of a PKCS#12 (.pfx) file.");
        if (!File.Exists(path)) throw new InvalidOperationException($"{setting}: there is no file '{path}'.");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"{setting}: '{path}' cannot be read as a PKCS#12 file with the password given ({e.Message.TrimEnd('.')}).", e);
        }

        return certificate.HasPrivateKey ? certificate
            : throw new InvalidOperationException($"{setting}: '{path}' holds no private key, which decrypting the keys needs.");
    }
}
