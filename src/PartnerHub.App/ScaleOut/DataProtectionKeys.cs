using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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
    /// folders (the default name is the content root) share cookies.
    /// </summary>
    public static IServiceCollection AddDatabaseDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("PartnerHub");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        return services;
    }
}
