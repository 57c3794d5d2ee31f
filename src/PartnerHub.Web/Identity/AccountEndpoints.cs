using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PartnerHub.App.Audit;
using PartnerHub.App.Identity;

namespace PartnerHub.Web.Identity;

/// <summary>
/// Sign-in, two-factor, sign-out and invitation acceptance as plain form posts (antiforgery-checked), so that rate
/// limits, lockout and audit sit in one small place. The pages that render these forms are Razor components.
/// </summary>
public static class AccountEndpoints
{
    // Classes with settable properties: form binding then treats every field as optional, as browsers may omit them.
    public sealed class LoginForm
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public sealed class CodeForm
    {
        public string? Code { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public sealed class AcceptForm
    {
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
    }

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(AuthSetup.SignInLimit);
        account.MapPost("/2fa", TwoFactorAsync).AllowAnonymous().RequireRateLimiting(AuthSetup.SignInLimit);
        account.MapPost("/logout", LogoutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
        account.MapPost("/2fa/enable", EnableTwoFactorAsync).RequireAuthorization(Permissions.Console.Name);
        account.MapPost("/2fa/disable", DisableTwoFactorAsync).RequireAuthorization(Permissions.Console.Name).WithMetadata(new RequireAntiforgeryTokenAttribute());
        app.MapPost("/invitations/{token}", AcceptAsync).AllowAnonymous().RequireRateLimiting(AuthSetup.SignInLimit).ExcludeFromDescription();
    }

    private static async Task<IResult> LoginAsync([FromForm] LoginForm form, SignInManager<AppUser> signIn, SignInThrottle throttle,
        SecurityAudit audit, Actor actor, HttpContext context)
    {
        var email = form.Email?.Trim() ?? "";
        var returnUrl = LocalOr(form.ReturnUrl, "/");
        if (await throttle.TryAttemptAsync(email, context.RequestAborted) is { } wait)
        {
            await AuthSetup.TooManyRequestsAsync(context, wait);
            return Results.Empty;
        }

        var user = email.Length == 0 ? null : await signIn.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            actor.ActAs(email.Length == 0 ? "anonymous" : email, "sign-in");
            await audit.RecordAsync("user", "unknown", "sign-in-failed", [new FieldChange("email", null, Shorten(email))]);
            return Back("/account/login", "invalid", returnUrl);
        }

        actor.ActAsUser(user.Id, user.Email!, user.PartnerId, "sign-in");
        var result = await signIn.PasswordSignInAsync(user, form.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync("user", user.Id.ToString(), "signed-in");
            return Results.LocalRedirect(returnUrl);
        }

        if (result.RequiresTwoFactor) return Results.LocalRedirect($"/account/2fa?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await audit.RecordAsync("user", user.Id.ToString(), result.IsLockedOut ? "locked-out" : "sign-in-failed");
        return Back("/account/login", result.IsLockedOut ? "locked" : "invalid", returnUrl);
    }

    private static async Task<IResult> TwoFactorAsync([FromForm] CodeForm form, SignInManager<AppUser> signIn, SecurityAudit audit, Actor actor)
    {
        var returnUrl = LocalOr(form.ReturnUrl, "/");
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Results.LocalRedirect("/account/login");
        actor.ActAsUser(user.Id, user.Email!, user.PartnerId, "sign-in");
        var code = (form.Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync("user", user.Id.ToString(), "signed-in", [new FieldChange("twoFactor", null, "authenticator")]);
            return Results.LocalRedirect(returnUrl);
        }

        await audit.RecordAsync("user", user.Id.ToString(), result.IsLockedOut ? "locked-out" : "two-factor-failed");
        return Back(result.IsLockedOut ? "/account/login" : "/account/2fa", result.IsLockedOut ? "locked" : "invalid", returnUrl);
    }

    private static async Task<IResult> LogoutAsync(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/account/login");
    }

    private static async Task<IResult> EnableTwoFactorAsync([FromForm] CodeForm form, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        SecurityAudit audit, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return Results.LocalRedirect("/account/login");
        var code = (form.Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            return Results.LocalRedirect("/account/security?error=code");
        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync("user", user.Id.ToString(), "two-factor-enabled");
        return Results.LocalRedirect("/account/security?done=enabled");
    }

    private static async Task<IResult> DisableTwoFactorAsync(UserManager<AppUser> users, SignInManager<AppUser> signIn, SecurityAudit audit, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return Results.LocalRedirect("/account/login");
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user); // a new key next time; the old one is worthless
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync("user", user.Id.ToString(), "two-factor-disabled");
        return Results.LocalRedirect("/account/security?done=disabled");
    }

    private static async Task<IResult> AcceptAsync(string token, [FromForm] AcceptForm form, AcceptInvitation accept, SignInManager<AppUser> signIn)
    {
        var result = await accept.HandleAsync(token, form.DisplayName, form.Password, CancellationToken.None);
        if (!result.IsSuccess)
        {
            var message = string.Join(" ", result.Error.Fields?.SelectMany(f => f.Value) ?? [result.Error.Message]);
            return Results.LocalRedirect($"/invitations/{token}?error={Uri.EscapeDataString(message)}");
        }

        await signIn.SignInAsync(result.Value, isPersistent: false);
        return Results.LocalRedirect("/");
    }

    private static IResult Back(string page, string error, string returnUrl) =>
        Results.LocalRedirect($"{page}?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>Only local paths: an open redirect after sign-in is a phishing gift.</summary>
    private static string LocalOr(string? url, string fallback) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : fallback;

    private static string Shorten(string text) => text.Length <= 254 ? text : text[..254];
}
