using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using PartnerHub.App.Identity;
using PartnerHub.App.ScaleOut;
using PartnerHub.Web.ScaleOut;

namespace PartnerHub.Web.Identity;

public static class AuthSetup
{
    public const string SignInLimit = "sign-in";
    public const string ApiLimit = "api";
    private const string Smart = "PartnerHub";

    /// <summary>Cookies for people, API keys for integrations, one policy per permission, and rate limits.</summary>
    public static void AddPartnerHubAuth(this WebApplicationBuilder builder, IdentityBuilder identity)
    {
        var services = builder.Services;
        identity.AddSignInManager().AddClaimsPrincipalFactory<PartnerClaimsFactory>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Smart;
                o.DefaultChallengeScheme = Smart;
            })
            .AddPolicyScheme(Smart, "Cookie or API key", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.PresentedKey(context.Request) is null ? IdentityConstants.ApplicationScheme : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "partnerhub";
            o.Cookie.HttpOnly = true;
            // Strict: the browser never sends the session cookie with a request started by another site, so no CSRF on the API.
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            // Secure by default: an endpoint without its own policy still needs a signed-in user.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAuthorization(o =>
        {
            foreach (var permission in Permissions.All)
                o.AddPolicy(permission.Name, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
                    permission.Roles.Any(context.User.IsInRole)
                    || (permission.Scope is not null && context.User.HasClaim(PartnerHubClaims.Scope, permission.Scope))));
        });

        AddRateLimits(services, builder.Configuration);
    }

    /// <summary>API callers get a status code; people in a browser get the sign-in or access-denied page.</summary>
    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddRateLimits(IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 10);
        var apiPerMinute = configuration.GetValue("RateLimits:ApiPerMinute", 600);
        // Several instances share one budget through the database; one instance counts in memory (ScaleOut/RateLimitStore).
        var shared = RateLimitStore.IsShared(configuration);
        services.AddSingleton<SharedRateCounter>();
        services.AddSingleton(sp => new SignInThrottle(configuration.GetValue("RateLimits:SignInPerAccountPer15Minutes", 20),
            shared ? sp.GetRequiredService<SharedRateCounter>() : null));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await TooManyRequestsAsync(context.HttpContext, retryAfter);
            };
            // Sign-in attempts per client address.
            o.AddPolicy(SignInLimit, context =>
            {
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return shared
                    ? RateLimitPartition.Get(address, key => Shared(context, "sign-in:" + key, signInPerMinute, TimeSpan.FromMinutes(1)))
                    : RateLimitPartition.GetFixedWindowLimiter(address,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            // API calls per key, per user, or per address for the unauthenticated.
            o.AddPolicy(ApiLimit, context =>
            {
                var caller = context.User.FindFirstValue(PartnerHubClaims.ApiKeyId) ?? context.User.FindFirstValue(ClaimTypes.NameIdentifier)
                    ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return shared
                    ? RateLimitPartition.Get(caller, key => Shared(context, "api:" + key, apiPerMinute, TimeSpan.FromMinutes(1)))
                    : RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = apiPerMinute, TokensPerPeriod = apiPerMinute, ReplenishmentPeriod = TimeSpan.FromMinutes(1), QueueLimit = 0,
                    });
            });
        });
    }

    private static SharedWindowLimiter Shared(HttpContext context, string key, int limit, TimeSpan window) =>
        new(context.RequestServices.GetRequiredService<SharedRateCounter>(), key, limit, window);

    public static Task TooManyRequestsAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = 429, Title = "Too many requests.", Detail = $"Try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds." },
        }).AsTask();
    }
}

/// <summary>
/// Sign-in attempts per account, across all addresses: the per-address limit does not stop a password-guessing
/// botnet, this does. Lockout after five failures protects each account on top. Counts in memory, or in the database
/// (<paramref name="shared"/>) when several instances must share them.
/// </summary>
public sealed class SignInThrottle(int perFifteenMinutes, SharedRateCounter? shared = null) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perFifteenMinutes, Window = Window, QueueLimit = 0,
        }));

    /// <summary>Takes one attempt for the account; null when allowed, else how long to wait.</summary>
    public async ValueTask<TimeSpan?> TryAttemptAsync(string email, CancellationToken ct)
    {
        var account = email.Trim().ToUpperInvariant();
        if (shared is not null) return await shared.TryTakeAsync("sign-in-account:" + account, perFifteenMinutes, Window, ct);
        using var lease = _limiter.AttemptAcquire(account);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
    }

    public void Dispose() => _limiter.Dispose();
}
