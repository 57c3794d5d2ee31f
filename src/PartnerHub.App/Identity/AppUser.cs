using Microsoft.AspNetCore.Identity;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Identity;

/// <summary>A person who signs in: vendor staff (no partner) or a user of exactly one partner organization.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public PartnerId? PartnerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
    }

    public AppRole(string name) : base(name) => NormalizedName = name.ToUpperInvariant();
}

/// <summary>The five roles of the program: three on the vendor side, two on the partner side.</summary>
public static class Roles
{
    public const string ProgramAdmin = nameof(ProgramAdmin);
    public const string PartnerManager = nameof(PartnerManager);
    public const string Finance = nameof(Finance);
    public const string PartnerAdmin = nameof(PartnerAdmin);
    public const string PartnerUser = nameof(PartnerUser);

    public static readonly string[] Vendor = [ProgramAdmin, PartnerManager, Finance];
    public static readonly string[] Partner = [PartnerAdmin, PartnerUser];
    public static readonly string[] All = [.. Vendor, .. Partner];
}
