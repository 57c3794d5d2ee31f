using Microsoft.AspNetCore.Identity;
using PartnerHub.App.Audit;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Identity;

public sealed record InviteRequest(string? Email, string? Role, Guid? PartnerId);

public sealed record InvitationSent(Guid Id, string Email, string Link, bool Delivered, DateTimeOffset ExpiresAt);

/// <summary>
/// Invites someone by email. Administrators invite anyone; partner managers invite users of any partner; a partner
/// admin invites users of their own organization only. Without a mail server the link is returned to show.
/// </summary>
public sealed class InviteUser(PartnerHubDb db, UserManager<AppUser> users, IMailSender mail, SecurityAudit audit)
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    public async Task<Result<InvitationSent>> HandleAsync(InviteRequest request, string baseUrl, CancellationToken ct)
    {
        var actor = db.Actor;
        var errors = new FieldErrors();
        var email = Text.Email(errors, "email", request.Email, required: true);
        var partner = request.PartnerId is { } p ? new PartnerId(p) : (PartnerId?)null;
        // A partner admin always invites into their own organization, whatever the request says.
        if (actor.PartnerScope is { } own) partner = own;

        var allowed = actor.IsInRole(Roles.ProgramAdmin) ? Roles.All
            : actor.IsInRole(Roles.PartnerManager) || actor.IsInRole(Roles.PartnerAdmin) ? Roles.Partner
            : [];
        if (request.Role is null || !allowed.Contains(request.Role))
            errors.Add("role", allowed.Length == 0 ? "You cannot invite users." : $"You can invite: {string.Join(", ", allowed)}.");
        if (errors.Any) return errors.ToError();
        if (Roles.Partner.Contains(request.Role!) && partner is null) return Error.Validation("partnerId", "Choose the partner organization.");
        if (Roles.Vendor.Contains(request.Role!)) partner = null;
        if (partner is { } id && await db.FindAsync<Partner>([id], ct) is not { ArchivedAt: null })
            return Error.Validation("partnerId", $"There is no live partner {id}.");
        if (await users.FindByEmailAsync(email!) is not null) return Error.Validation("email", $"{email} already has an account.");

        var now = db.Clock.GetUtcNow();
        var (invitation, token) = Invitation.Create(email!, request.Role!, partner, actor.Name, now, ValidFor);
        db.Add(invitation);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("invitation", invitation.Id.ToString(), "invited",
            [new FieldChange("email", null, email), new FieldChange("role", null, request.Role), new FieldChange("partner", null, partner?.ToString())], ct);

        var link = $"{baseUrl.TrimEnd('/')}/invitations/{token}";
        await mail.SendAsync(email!, "Your PartnerHub invitation",
            $"{actor.Name} invited you to PartnerHub as {request.Role}.\n\nAccept within 7 days: {link}\n", ct);
        return new InvitationSent(invitation.Id, email!, link, mail.Delivers, invitation.ExpiresAt);
    }
}
