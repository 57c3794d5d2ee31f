namespace PartnerHub.App.Identity;

/// <summary>
/// Named permissions: the authorization policies every endpoint and page asks for. Each lists the roles that hold it
/// and the API-key scope that grants it to an integration. One table, so the authorization matrix test reads the same truth.
/// </summary>
public static class Permissions
{
    public sealed record Permission(string Name, string[] Roles, string? Scope);

    public static readonly Permission PartnersRead = new("partners.read", Roles.Vendor, "partners:read");
    public static readonly Permission PartnersWrite = new("partners.write", [Roles.ProgramAdmin, Roles.PartnerManager], "partners:write");
    /// <summary>A partner admin manages the users of their own organization; the use case confines them to it.</summary>
    public static readonly Permission UsersManage = new("users.manage", [Roles.ProgramAdmin, Roles.PartnerAdmin], null);
    public static readonly Permission ApiKeysManage = new("api-keys.manage", [Roles.ProgramAdmin], null);
    public static readonly Permission PartnerInvite = new("partners.invite", [Roles.ProgramAdmin, Roles.PartnerManager, Roles.PartnerAdmin], null);
    public static readonly Permission Portal = new("portal", Roles.Partner, null);
    public static readonly Permission Console = new("console", Roles.Vendor, null);
    public static readonly Permission FactsRead = new("facts.read", Roles.Vendor, "facts:read");
    public static readonly Permission FactsWrite = new("facts.write", [Roles.ProgramAdmin, Roles.PartnerManager], "facts:write");
    /// <summary>Partner users hold it too: the partner scope confines them to their own partner's standing.</summary>
    public static readonly Permission StandingRead = new("standing.read", Roles.All, "standing:read");
    public static readonly Permission ProgramStandingRead = new("program-standing.read", Roles.Vendor, "standing:read");

    public static readonly IReadOnlyList<Permission> All = [PartnersRead, PartnersWrite, UsersManage, ApiKeysManage, PartnerInvite, Portal, Console, FactsRead, FactsWrite, StandingRead, ProgramStandingRead];

    /// <summary>Every scope an API key can be given.</summary>
    public static IEnumerable<string> Scopes => All.Select(p => p.Scope).OfType<string>().Distinct();
}

/// <summary>The claim types PartnerHub adds to a signed-in principal.</summary>
public static class PartnerHubClaims
{
    public const string PartnerId = "partnerhub:partner";
    public const string Scope = "partnerhub:scope";
    public const string ApiKeyId = "partnerhub:api-key";
}
