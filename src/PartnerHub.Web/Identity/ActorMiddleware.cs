using System.Security.Claims;
using System.Text.RegularExpressions;
using PartnerHub.App.Identity;
using PartnerHub.Core.Partners;

namespace PartnerHub.Web.Identity;

/// <summary>
/// Tells the request's <see cref="Actor"/> who is acting, after authentication: the audit trail names them and the
/// database confines partner users to their organization. Also carries the correlation id in and out.
/// </summary>
internal static partial class ActorMiddleware
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public static IApplicationBuilder UseActor(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var actor = context.RequestServices.GetRequiredService<Actor>();
        var incoming = context.Request.Headers[CorrelationHeader].ToString();
        actor.UseCorrelationId(SafeCorrelationId().IsMatch(incoming) ? incoming : Guid.CreateVersion7().ToString("N"));
        context.Response.Headers[CorrelationHeader] = actor.CorrelationId;

        var operation = context.Request.Path.StartsWithSegments("/api") ? "api" : "ui";
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            if (user.FindFirstValue(PartnerHubClaims.ApiKeyId) is not null) actor.ActAs(user.Identity.Name!, operation);
            else
            {
                var partner = Guid.TryParse(user.FindFirstValue(PartnerHubClaims.PartnerId), out var p) ? new PartnerId(p) : (PartnerId?)null;
                var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();
                actor.ActAsUser(Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!), user.Identity.Name!, partner, operation, roles);
            }
        }
        else actor.ActAs("anonymous", operation);

        await next(context);
    });

    [GeneratedRegex("^[A-Za-z0-9._-]{8,64}$")]
    private static partial Regex SafeCorrelationId();
}
