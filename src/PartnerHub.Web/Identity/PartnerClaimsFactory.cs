using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PartnerHub.App.Identity;

namespace PartnerHub.Web.Identity;

/// <summary>Puts the user's partner organization into their sign-in, so every request knows its partner scope without a lookup.</summary>
internal sealed class PartnerClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.PartnerId is { } partner) identity.AddClaim(new Claim(PartnerHubClaims.PartnerId, partner.Value.ToString()));
        identity.AddClaim(new Claim("partnerhub:name", user.DisplayName));
        return identity;
    }
}
