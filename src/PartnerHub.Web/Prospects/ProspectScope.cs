using PartnerHub.App.Identity;

namespace PartnerHub.Web.Prospects;

/// <summary>
/// A DI scope of its own, acting as the request's actor, for a panel that loads next to other panels: components on
/// one page initialize concurrently, and two queries at once on the request's database context would fail.
/// </summary>
public static class ProspectScope
{
    public static AsyncServiceScope Create(IServiceScopeFactory scopes, Actor requestActor)
    {
        var scope = scopes.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<Actor>();
        if (requestActor.UserId is { } user) actor.ActAsUser(user, requestActor.Name, requestActor.PartnerScope, requestActor.Operation, requestActor.Roles);
        else actor.ActAs(requestActor.Name, requestActor.Operation);
        actor.UseCorrelationId(requestActor.CorrelationId);
        return scope;
    }
}
