using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Identity;

/// <summary>Turns an open invitation into a user with the invited role and organization.</summary>
public sealed class AcceptInvitation(PartnerHubDb db, CreateUser create)
{
    public async Task<Result<Invitation>> FindOpenAsync(string token, CancellationToken ct)
    {
        var hash = ApiKey.HashOf(token);
        var invitation = await db.Set<Invitation>().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is not null && invitation.IsOpen(db.Clock.GetUtcNow())
            ? invitation
            : Error.NotFound("Invitation", "link (it may have expired or been used)");
    }

    public async Task<Result<AppUser>> HandleAsync(string token, string? displayName, string? password, CancellationToken ct)
    {
        var open = await FindOpenAsync(token, ct);
        if (!open.IsSuccess) return open.Error;
        var invitation = open.Value;
        db.Actor.ActAs(invitation.Email, "invitation");

        var user = await create.HandleAsync(new NewUser(invitation.Email, displayName, invitation.Role, invitation.PartnerId, password), ct);
        if (!user.IsSuccess) return user.Error;
        invitation.Accept(db.Clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return user.Value;
    }
}
