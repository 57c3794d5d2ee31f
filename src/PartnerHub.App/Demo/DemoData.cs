using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Demo;

/// <summary>Loads the demo ecosystem, its deals and money, and one user per role into an empty database; never touches one that has partners.</summary>
public sealed class DemoData(PartnerHubDb db, SavePartner save, DemoMoney money, CreateUser createUser, UserManager<AppUser> users)
{
    /// <summary>The one password of every demo user; printed at start-up, so never use demo mode with real data.</summary>
    public const string Password = "demo-password-2026";

    public sealed record DemoUser(string Email, string Role, string? PartnerDomain);

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("admin@partnerhub.demo", Roles.ProgramAdmin, null),
        new(DemoEcosystem.Managers[0], Roles.PartnerManager, null),
        new("fiona.finance@partnerhub.demo", Roles.Finance, null),
        new("pat.admin@zapier.com", Roles.PartnerAdmin, "zapier.com"),
        new("uma.user@zapier.com", Roles.PartnerUser, "zapier.com"),
        new("rui.user@make.com", Roles.PartnerUser, "make.com"),
    ];

    public async Task<bool> LoadIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Partners.IgnoreQueryFilters().AnyAsync(ct)) return false;
        db.Actor.ActAs("system", "demo");
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        foreach (var details in DemoEcosystem.Partners(today))
            Ensure((await save.CreateAsync(details, ct)).Error, details.Name ?? "partner");

        await DemoFacts.LoadAsync(db, today, ct);
        await money.LoadAsync(ct);
        await DemoRelationships.LoadAsync(db, today, ct);
        await DemoProspects.LoadAsync(db, save, today, ct);
        await DemoWebhooks.LoadAsync(db, ct);
        await DemoOnboarding.LoadAsync(db, ct);
        await DemoTraining.LoadAsync(db, ct);
        await DemoMarketing.LoadAsync(db, ct);
        await DemoSupport.LoadAsync(db, today, ct);

        foreach (var user in Users)
        {
            if (await users.FindByEmailAsync(user.Email) is not null) continue;
            PartnerId? partner = user.PartnerDomain is null ? null : (await db.Partners.SingleAsync(p => p.Domain == user.PartnerDomain, ct)).Id;
            var name = user.Email.Split('@')[0].Replace('.', ' ');
            Ensure((await createUser.HandleAsync(new NewUser(user.Email, name, user.Role, partner, Password), ct)).Error, user.Email);
        }

        return true;
    }

    internal static void Ensure(Core.Common.Error? error, string what)
    {
        if (error is not null)
            throw new InvalidOperationException($"Demo data {what} is invalid: {error.Message} {string.Join("; ", error.Fields?.SelectMany(f => f.Value) ?? [])}");
    }
}
