using System.Security.Claims;
using PartnerHub.App.Identity;
using Roles = PartnerHub.App.Identity.Roles;

namespace PartnerHub.Web.Components.Layout;

/// <summary>
/// The navigation of the vendor console and of the partner portal. A feature adds its entry here when it is built,
/// with the roles that see it; no entry points at an empty page.
/// </summary>
public static class NavItems
{
    public sealed record Item(string Label, string Href, string[] Roles);

    public static readonly IReadOnlyList<Item> All =
    [
        new("Overview", "/", Roles.Vendor),
        new("Partners", "/partners", Permissions.PartnersRead.Roles),
        new("Program", "/program", Permissions.ProgramRead.Roles),
        new("Reviews", "/reviews", Permissions.ProgramRead.Roles),
        new("Deals", "/deals", [.. Permissions.DealsRead.Roles.Intersect(Roles.Vendor)]),
        new("Revenue events", "/revenue-events", Permissions.RevenueRead.Roles),
        new("Statements", "/statements", [.. Permissions.LedgerRead.Roles.Intersect(Roles.Vendor)]),
        new("Payouts", "/payouts", Permissions.PayoutsManage.Roles),
        new("Users", "/admin/users", [Roles.ProgramAdmin]),
        new("API keys", "/admin/api-keys", Permissions.ApiKeysManage.Roles),
        new("Dashboard", "/dashboard", Permissions.ProgramRead.Roles),
        new("Ecosystem map", "/ecosystem", Permissions.ProgramRead.Roles),
        new("Roadmap", "/roadmap", Permissions.ProgramRead.Roles),
        new("Webhooks", "/admin/webhooks", Permissions.WebhooksManage.Roles),
        new("Health alerts", "/health-alerts", Permissions.ProgramRead.Roles),
        new("Expansion", "/expansion", Permissions.ProgramRead.Roles),
        new("Prospects", "/prospects", Permissions.ProspectsRead.Roles),
        new("Onboarding", "/onboarding", Permissions.OnboardingBoard.Roles),
        new("Training", "/training", [.. Permissions.TrainingRead.Roles.Intersect(Roles.Vendor)]),
        new("Collateral", "/marketing/collateral", [.. Permissions.CollateralRead.Roles.Intersect(Roles.Vendor)]),
        new("Co-marketing", "/marketing/co-marketing", [.. Permissions.MdfRead.Roles.Intersect(Roles.Vendor)]),
        new("Support queue", "/support", [.. Permissions.SupportRead.Roles.Intersect(Roles.Vendor)]),
        new("Home", "/portal", Roles.Partner),
        new("Your deals", "/portal/deals", [.. Permissions.DealsRead.Roles.Intersect(Roles.Partner)]),
        new("Statements", "/portal/statements", [.. Permissions.LedgerRead.Roles.Intersect(Roles.Partner)]),
        new("Team", "/portal/team", [Roles.PartnerAdmin]),
        new("Your plan", "/portal/plan", [.. Permissions.RelationshipRead.Roles.Intersect(Roles.Partner)]),
        new("Onboarding checklist", "/portal/onboarding", [.. Permissions.OnboardingRead.Roles.Intersect(Roles.Partner)]),
        new("Training", "/portal/training", [.. Permissions.TrainingRead.Roles.Intersect(Roles.Partner)]),
        new("Collateral", "/portal/collateral", [.. Permissions.CollateralRead.Roles.Intersect(Roles.Partner)]),
        new("Co-marketing", "/portal/co-marketing", [.. Permissions.MdfRead.Roles.Intersect(Roles.Partner)]),
        new("Support", "/portal/support", [.. Permissions.SupportRead.Roles.Intersect(Roles.Partner)]),
    ];

    public static IEnumerable<Item> For(ClaimsPrincipal user) => All.Where(i => i.Roles.Any(user.IsInRole));
}
