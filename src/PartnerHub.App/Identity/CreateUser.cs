using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Audit;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Identity;

public sealed record NewUser(string? Email, string? DisplayName, string? Role, PartnerId? PartnerId, string? Password);

/// <summary>
/// Creates a user with one role. Vendor roles have no partner; partner roles belong to exactly one live partner.
/// Used by the first-administrator command, invitations and demo mode.
/// </summary>
public sealed class CreateUser(PartnerHubDb db, UserManager<AppUser> users, SecurityAudit audit)
{
    public async Task<Result<AppUser>> HandleAsync(NewUser input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var email = Text.Email(errors, "email", input.Email, required: true);
        var name = Text.Line(errors, "displayName", input.DisplayName, 200) ?? email;
        var role = input.Role;
        if (role is null || !Roles.All.Contains(role)) errors.Add("role", $"Choose one of: {string.Join(", ", Roles.All)}.");
        else if (Roles.Partner.Contains(role) && input.PartnerId is null) errors.Add("partnerId", $"A {role} belongs to a partner organization.");
        else if (Roles.Vendor.Contains(role) && input.PartnerId is not null) errors.Add("partnerId", $"A {role} works for the vendor, not for a partner.");
        if (input.PartnerId is { } partner && !await db.Partners.IgnoreQueryFilters([PartnerScopeFilter.Name]).AnyAsync(p => p.Id == partner && p.ArchivedAt == null, ct))
            errors.Add("partnerId", $"There is no live partner {partner}.");
        if (errors.Any) return errors.ToError();
        if (await users.FindByEmailAsync(email!) is not null) return Error.Validation("email", $"{email} already has an account.");

        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name!,
            PartnerId = input.PartnerId, CreatedAt = db.Clock.GetUtcNow(), LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, input.Password ?? "");
        if (!created.Succeeded) return Error.Validation("password", string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role!);
        await audit.RecordAsync("user", user.Id.ToString(), "created",
            [new FieldChange("email", null, email), new FieldChange("role", null, role), new FieldChange("partner", null, input.PartnerId?.ToString())], ct);
        return user;
    }
}
