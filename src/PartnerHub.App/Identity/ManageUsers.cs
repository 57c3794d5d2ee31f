using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Audit;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Identity;

/// <summary>
/// Lists users and changes their role or access. Administrators see everyone; a partner admin sees and manages only
/// the users of their own organization, and only with partner roles.
/// </summary>
public sealed class ManageUsers(PartnerHubDb db, UserManager<AppUser> users, SecurityAudit audit)
{
    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct)
    {
        var scope = db.Actor.PartnerScope;
        var rows = await (
            from user in db.Users.AsNoTracking()
            where scope == null || user.PartnerId == scope
            join ur in db.UserRoles on user.Id equals ur.UserId into userRoles
            from ur in userRoles.DefaultIfEmpty()
            join role in db.Roles on ur.RoleId equals role.Id into roles
            from role in roles.DefaultIfEmpty()
            join partner in db.Partners.IgnoreQueryFilters([PartnerScopeFilter.Name]) on user.PartnerId equals partner.Id into partners
            from partner in partners.DefaultIfEmpty()
            orderby user.Email
            select new { user.Id, user.Email, user.DisplayName, Role = role == null ? "" : role.Name, user.PartnerId, PartnerName = partner == null ? null : partner.Name, user.LockoutEnd, user.TwoFactorEnabled, user.CreatedAt })
            .ToListAsync(ct);
        return rows.Select(r => new UserView(r.Id, r.Email!, r.DisplayName, r.Role!, r.PartnerId?.Value, r.PartnerName, r.LockoutEnd == DateTimeOffset.MaxValue, r.TwoFactorEnabled, r.CreatedAt)).ToList();
    }

    public async Task<Result> ChangeRoleAsync(Guid userId, string? role, CancellationToken ct)
    {
        var user = await FindManageableAsync(userId, ct);
        if (!user.IsSuccess) return user.Error;
        var target = user.Value;
        var allowed = target.PartnerId is null ? Roles.Vendor : Roles.Partner;
        if (role is null || !allowed.Contains(role)) return Error.Validation("role", $"Choose one of: {string.Join(", ", allowed)}.");
        if (db.Actor.PartnerScope is not null && !Roles.Partner.Contains(role)) return Error.Validation("role", "Partner admins assign partner roles only.");

        var current = (await users.GetRolesAsync(target)).ToList();
        if (current.SequenceEqual([role])) return Result.Success;
        await users.RemoveFromRolesAsync(target, current);
        await users.AddToRoleAsync(target, role);
        await users.UpdateSecurityStampAsync(target); // existing sessions pick up the new role at their next validation
        await audit.RecordAsync("user", target.Id.ToString(), "role-changed", [new FieldChange("role", string.Join(", ", current), role)], ct);
        return Result.Success;
    }

    /// <summary>Disabling locks the account for good and ends its sessions; enabling lifts that lock.</summary>
    public async Task<Result> SetDisabledAsync(Guid userId, bool disabled, CancellationToken ct)
    {
        var user = await FindManageableAsync(userId, ct);
        if (!user.IsSuccess) return user.Error;
        if (user.Value.Id == db.Actor.UserId) return Error.Validation("userId", "You cannot disable your own account.");
        await users.SetLockoutEndDateAsync(user.Value, disabled ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(user.Value);
        await audit.RecordAsync("user", user.Value.Id.ToString(), disabled ? "disabled" : "enabled", ct: ct);
        return Result.Success;
    }

    private async Task<Result<AppUser>> FindManageableAsync(Guid userId, CancellationToken ct)
    {
        var scope = db.Actor.PartnerScope;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && (scope == null || u.PartnerId == scope), ct);
        return user is null ? Error.NotFound("User", userId) : user;
    }
}
