using PartnerHub.Core.Partners;

namespace PartnerHub.Tests.Infrastructure;

/// <summary>Test data with sensible defaults; every partner gets a unique name and domain so tests never collide.</summary>
public static class Build
{
    public static string Unique(string prefix = "p") => $"{prefix}{Guid.NewGuid().ToString("N")[..10]}";

    public static PartnerDetails Partner(string? name = null) => new()
    {
        Name = name ?? Unique("Partner "),
        Domain = Unique("d") + ".example.com",
        Subcategory = "resellers",
        Stage = "active",
        Region = "EMEA",
        Country = "DE",
        Owner = "maria.lopez@partnerhub.demo",
        Contacts = [new Contact("Jana Novak", "jana@example.com", "Partner lead")],
        Tags = ["emea"],
    };
}
