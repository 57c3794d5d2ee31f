using PartnerHub.App.Identity;

namespace PartnerHub.Web.Relationships;

/// <summary>
/// A service scope acting as the request's actor. A panel on a page that other components also load from must not share
/// the request's database context: they would query it at the same time. The copied actor keeps the audit trail's
/// "who" and the partner scope the same as the request's.
/// </summary>
public static class OwnScope
{
    public static AsyncServiceScope For(IServiceScopeFactory scopes, Actor actor)
    {
        var scope = scopes.CreateAsyncScope();
        var copy = scope.ServiceProvider.GetRequiredService<Actor>();
        if (actor.UserId is { } user) copy.ActAsUser(user, actor.Name, actor.PartnerScope, actor.Operation, actor.Roles);
        else copy.ActAs(actor.Name, actor.Operation);
        copy.UseCorrelationId(actor.CorrelationId);
        return scope;
    }
}
