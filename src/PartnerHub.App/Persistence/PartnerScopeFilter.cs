using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Persistence;

/// <summary>
/// Partner data isolation in one place. Reads: a named query filter on every partner-owned entity. Writes: a check
/// before every save that nothing outside the actor's partner is added, changed or deleted. An endpoint cannot forget it.
/// </summary>
internal static class PartnerScopeFilter
{
    public const string Name = "PartnerScope";

    /// <summary>The read filter of one partner-owned entity type: <c>e => db.Scope == null || e.PartnerId == db.Scope</c>.</summary>
    public static LambdaExpression For(Type entityType, PartnerHubDb db)
    {
        var entity = Expression.Parameter(entityType, "e");
        var scope = Expression.Property(Expression.Constant(db), nameof(PartnerHubDb.Scope));
        var owner = Expression.Convert(Expression.Property(entity, nameof(IPartnerOwned.PartnerId)), typeof(PartnerId?));
        return Expression.Lambda(
            Expression.OrElse(Expression.Equal(scope, Expression.Constant(null, typeof(PartnerId?))), Expression.Equal(owner, scope)),
            entity);
    }

    public static void EnsureWritesStayInScope(ChangeTracker tracker, PartnerId? scope)
    {
        if (scope is null) return;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            var owner = entry.Entity switch
            {
                Partner p => p.Id,
                IPartnerOwned o => o.PartnerId,
                _ => (PartnerId?)null,
            };
            if (owner is { } id && id != scope)
                throw new InvalidOperationException($"A write to partner {id} was attempted in the scope of partner {scope}.");
        }
    }
}

/// <summary>Data that belongs to one partner organization; partner users see and change only their own.</summary>
public interface IPartnerOwned
{
    PartnerId PartnerId { get; }
}
