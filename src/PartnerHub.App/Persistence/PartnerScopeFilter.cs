using System.Linq.Expressions;
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
        var owner = Expression.Convert(Expression.Property(entity, nameof(IOwnedByPartner.PartnerId)), typeof(PartnerId?));
        return Expression.Lambda(
            Expression.OrElse(Expression.Equal(scope, Expression.Constant(null, typeof(PartnerId?))), Expression.Equal(owner, scope)),
            entity);
    }

    /// <summary>The read filter of a vendor-only entity type: <c>e => db.Scope == null</c>, so a partner user reads none of it.</summary>
    public static LambdaExpression ForVendorOnly(Type entityType, PartnerHubDb db)
    {
        var entity = Expression.Parameter(entityType, "e");
        var scope = Expression.Property(Expression.Constant(db), nameof(PartnerHubDb.Scope));
        return Expression.Lambda(Expression.Equal(scope, Expression.Constant(null, typeof(PartnerId?))), entity);
    }

    /// <summary>The read filter of a partner-tagged entity type: <c>e => db.Scope == null || e.PartnerId == db.Scope</c>; untagged rows are vendor-only.</summary>
    public static LambdaExpression ForTagged(Type entityType, PartnerHubDb db)
    {
        var entity = Expression.Parameter(entityType, "e");
        var scope = Expression.Property(Expression.Constant(db), nameof(PartnerHubDb.Scope));
        var tag = Expression.Property(entity, nameof(IPartnerTagged.PartnerId));
        return Expression.Lambda(
            Expression.OrElse(Expression.Equal(scope, Expression.Constant(null, typeof(PartnerId?))), Expression.Equal(tag, scope)),
            entity);
    }

    public static void EnsureWritesStayInScope(IReadOnlyList<PendingWrite> writes, Func<PendingWrite, PartnerId?> scopeOf)
    {
        foreach (var write in writes)
        {
            if (scopeOf(write) is not { } scope) continue;
            if (write.Entity is IVendorOnly or IPartnerTagged { PartnerId: null })
                throw new InvalidOperationException($"A write to vendor-only {write.Entity.GetType().Name} data was attempted in the scope of partner {scope}.");
            var owner = write.Entity switch
            {
                Partner p => p.Id,
                IOwnedByPartner o => o.PartnerId,
                IPartnerTagged t => t.PartnerId,
                _ => (PartnerId?)null,
            };
            if (owner is { } id && id != scope)
                throw new InvalidOperationException($"A write to partner {id} was attempted in the scope of partner {scope}.");
        }
    }
}

/// <summary>
/// Data that belongs to one partner organization; partner users see and change only their own. Core entities implement
/// <see cref="IOwnedByPartner"/>, which this extends, so the same filter and check cover both.
/// </summary>
public interface IPartnerOwned : IOwnedByPartner;

/// <summary>Vendor data that partner users neither read nor write: customers, ledger transactions, payout batches.</summary>
public interface IVendorOnly;

/// <summary>
/// Vendor data whose rows may name a partner, such as ledger lines: a partner user reads and writes only the rows that
/// name its own partner; rows that name none are vendor-only.
/// </summary>
public interface IPartnerTagged
{
    PartnerId? PartnerId { get; }
}
