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
    public static readonly Permission ProgramRead = new("program.read", Roles.Vendor, "program:read");
    public static readonly Permission ProgramPublish = new("program.publish", [Roles.ProgramAdmin], "program:publish");
    public static readonly Permission UsersManage = new("users.manage", [Roles.ProgramAdmin, Roles.PartnerAdmin], null);
    public static readonly Permission ApiKeysManage = new("api-keys.manage", [Roles.ProgramAdmin], null);
    public static readonly Permission PartnerInvite = new("partners.invite", [Roles.ProgramAdmin, Roles.PartnerManager, Roles.PartnerAdmin], null);
    /// <summary>Deal registrations: vendor staff read all; a partner user reads its own organization's (scope filter).</summary>
    public static readonly Permission DealsRead = new("deals.read", Roles.All, "deals:read");
    /// <summary>Register, import, ask for an extension, record a loss: a partner user for its own organization only.</summary>
    public static readonly Permission DealsRegister = new("deals.register", [Roles.ProgramAdmin, Roles.PartnerManager, .. Roles.Partner], "deals:write");
    /// <summary>Approve or reject, grant or deny extensions, record a win: the partner managers' decisions.</summary>
    public static readonly Permission DealsDecide = new("deals.decide", [Roles.ProgramAdmin, Roles.PartnerManager], "deals:decide");
    /// <summary>The vendor's direct customers, which partner registrations must not claim (a CRM sync).</summary>
    public static readonly Permission CustomersWrite = new("customers.write", [Roles.ProgramAdmin, Roles.PartnerManager], "customers:write");
    /// <summary>Statements and balances: finance reads all; a partner user reads its own organization's.</summary>
    public static readonly Permission LedgerRead = new("ledger.read", [Roles.ProgramAdmin, Roles.Finance, .. Roles.Partner], "ledger:read");
    public static readonly Permission StatementsClose = new("statements.close", [Roles.ProgramAdmin, Roles.Finance], "statements:close");
    public static readonly Permission PayoutsManage = new("payouts.manage", [Roles.ProgramAdmin, Roles.Finance], "payouts:write");
    public static readonly Permission Portal = new("portal", Roles.Partner, null);
    public static readonly Permission Console = new("console", Roles.Vendor, null);
    public static readonly Permission FactsRead = new("facts.read", Roles.Vendor, "facts:read");
    public static readonly Permission FactsWrite = new("facts.write", [Roles.ProgramAdmin, Roles.PartnerManager], "facts:write");
    /// <summary>Partner users hold it too: the partner scope confines them to their own partner's standing.</summary>
    public static readonly Permission StandingRead = new("standing.read", Roles.All, "standing:read");
    /// <summary>Revenue events of every partner and the unattributed ones: vendor staff only, never a partner user.</summary>
    public static readonly Permission RevenueRead = new("revenue.read", Roles.Vendor, "revenue:read");
    /// <summary>Send revenue events (API, batch, import): moves commission, so finance and admins, and the CRM or billing integration's key.</summary>
    public static readonly Permission RevenueWrite = new("revenue.write", [Roles.ProgramAdmin, Roles.Finance], "revenue:write");
    /// <summary>Attribute an unattributed event to a partner by hand, once.</summary>
    public static readonly Permission RevenueAttribute = new("revenue.attribute", Roles.Vendor, "revenue:attribute");
    /// <summary>Relationship plans: vendor staff read all; a partner user reads its own partner's plan (scope filter).</summary>
    public static readonly Permission RelationshipRead = new("relationship.read", Roles.All, "relationship:read");
    /// <summary>Edit plan goals and log activities: the partner managers' work, never a partner user's.</summary>
    public static readonly Permission RelationshipWrite = new("relationship.write", [Roles.ProgramAdmin, Roles.PartnerManager], "relationship:write");
    /// <summary>Prospects, opportunity assessments, outreach and the opportunity matrix: vendor staff only, never a partner user.</summary>
    public static readonly Permission ProspectsRead = new("prospects.read", Roles.Vendor, "prospects:read");
    /// <summary>Profile, assess, log outreach, qualify or cool a prospect: the partner managers' work.</summary>
    public static readonly Permission ProspectsWrite = new("prospects.write", [Roles.ProgramAdmin, Roles.PartnerManager], "prospects:write");
    /// <summary>Webhook subscriptions, their secrets and delivery logs: administrators and integration platforms' keys, never partner users.</summary>
    public static readonly Permission WebhooksManage = new("webhooks.manage", [Roles.ProgramAdmin], "webhooks:manage");

    /// <summary>A partner's onboarding journey and its evidence: vendor staff read all; a partner user reads its own partner's (scope filter).</summary>
    public static readonly Permission OnboardingRead = new("onboarding.read", Roles.All, "onboarding:read");
    /// <summary>
    /// Complete a journey step with evidence. The use case decides the side: a partner user completes its own partner's
    /// partner-owned steps, vendor staff and keys the vendor-owned ones. Finance does not onboard partners.
    /// </summary>
    public static readonly Permission OnboardingComplete = new("onboarding.complete", [Roles.ProgramAdmin, Roles.PartnerManager, .. Roles.Partner], "onboarding:complete");
    /// <summary>Start onboarding (qualified → onboarding): the partner managers' lifecycle action.</summary>
    public static readonly Permission OnboardingStart = new("onboarding.start", [Roles.ProgramAdmin, Roles.PartnerManager], "onboarding:start");
    /// <summary>The onboarding board across partners and the time-to-launch KPI: vendor staff only.</summary>
    public static readonly Permission OnboardingBoard = new("onboarding.board", Roles.Vendor, "onboarding:board");

    /// <summary>The training catalog, sessions, exams (never their answers) and certificates: everyone; a partner user reads its own progress.</summary>
    public static readonly Permission TrainingRead = new("training.read", Roles.All, "training:read");
    /// <summary>Enrol, complete modules and take exams: a partner's users, for their own organization only.</summary>
    public static readonly Permission TrainingTake = new("training.take", Roles.Partner, null);
    /// <summary>Schedule sessions, record attendance, award and confirm certifications: the partner managers' work.</summary>
    public static readonly Permission TrainingManage = new("training.manage", [Roles.ProgramAdmin, Roles.PartnerManager], "training:manage");
    /// <summary>The collateral library: vendor staff see every item; a partner user only what its tier and category allow (the use case decides).</summary>
    public static readonly Permission CollateralRead = new("collateral.read", Roles.All, "collateral:read");
    /// <summary>Add collateral and upload new versions: program admins and partner managers.</summary>
    public static readonly Permission CollateralManage = new("collateral.manage", [Roles.ProgramAdmin, Roles.PartnerManager], "collateral:write");
    /// <summary>MDF budgets and co-marketing activities: vendor staff read all; a partner user its own partner's (scope filter).</summary>
    public static readonly Permission MdfRead = new("mdf.read", Roles.All, "mdf:read");
    /// <summary>Request a co-marketing activity and claim its funds: a partner user for its own partner, managers on a partner's behalf.</summary>
    public static readonly Permission MdfRequest = new("mdf.request", [Roles.ProgramAdmin, Roles.PartnerManager, .. Roles.Partner], "mdf:request");
    /// <summary>Approve or reject requests and claims (an approved claim is paid through the ledger): the partner managers' decisions.</summary>
    public static readonly Permission MdfDecide = new("mdf.decide", [Roles.ProgramAdmin, Roles.PartnerManager], "mdf:decide");
    /// <summary>Support tickets and support KPIs: vendor staff read all; a partner user reads its own partner's (scope filter), never internal notes.</summary>
    public static readonly Permission SupportRead = new("support.read", Roles.All, "support:read");
    /// <summary>Open a ticket and reply in its conversation: a partner user for its own partner, the vendor's support staff for any.</summary>
    public static readonly Permission SupportWrite = new("support.write", [Roles.ProgramAdmin, Roles.PartnerManager, .. Roles.Partner], "support:write");
    /// <summary>Internal notes, escalation and closing: the vendor's support work, never a partner user's.</summary>
    public static readonly Permission SupportManage = new("support.manage", [Roles.ProgramAdmin, Roles.PartnerManager], "support:manage");
    /// <summary>Rate a closed ticket: only the partner who was helped, so neither vendor staff nor integration keys.</summary>
    public static readonly Permission SupportRate = new("support.rate", Roles.Partner, null);

    public static readonly IReadOnlyList<Permission> All =
    [
        PartnersRead, PartnersWrite, ProgramRead, ProgramPublish, UsersManage, ApiKeysManage, PartnerInvite,
        DealsRead, DealsRegister, DealsDecide, CustomersWrite, LedgerRead, StatementsClose, PayoutsManage, Portal, Console,
        FactsRead, FactsWrite, StandingRead, RevenueRead, RevenueWrite, RevenueAttribute,
        RelationshipRead, RelationshipWrite,
        ProspectsRead, ProspectsWrite,
        WebhooksManage,
        OnboardingRead, OnboardingComplete, OnboardingStart, OnboardingBoard,
        TrainingRead, TrainingTake, TrainingManage,
        CollateralRead, CollateralManage, MdfRead, MdfRequest, MdfDecide,
        SupportRead, SupportWrite, SupportManage, SupportRate,
    ];

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
