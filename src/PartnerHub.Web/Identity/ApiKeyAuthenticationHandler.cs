using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PartnerHub.App.Identity;

namespace PartnerHub.Web.Identity;

/// <summary>Authenticates integrations by <c>Authorization: Bearer phk_…</c> or <c>X-Api-Key: phk_…</c>, checked against the stored hash on every request.</summary>
internal sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer " + ApiKey.Prefix, StringComparison.Ordinal)) return header["Bearer ".Length..].Trim();
        var apiKey = request.Headers["X-Api-Key"].ToString();
        return apiKey.Length > 0 ? apiKey.Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Request) is not { } secret) return AuthenticateResult.NoResult();
        var key = await Context.RequestServices.GetRequiredService<ManageApiKeys>().AuthenticateAsync(secret, Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("The API key is unknown or revoked.");

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.Id.ToString()),
            new(ClaimTypes.Name, $"api-key {key.Hint}… ({key.Name})"),
            new(PartnerHubClaims.ApiKeyId, key.Id.ToString()),
        };
        claims.AddRange(key.Scopes.Select(s => new Claim(PartnerHubClaims.Scope, s)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"PartnerHub\"";
        return Task.CompletedTask;
    }
}
