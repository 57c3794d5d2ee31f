using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Facts;

/// <summary>
/// How many revenue events are attributed to a partner, kept by the database's own triggers on revenue_events
/// (migration RevenueEventCounts, one script per provider) whoever writes the events: the API, imports, attribution by
/// hand, the bulk writer. Kept histories check that they are complete against it in one row's read instead of counting
/// the partner's events (ADR 26). Nothing in the application writes it. On SQLite, a migration that rebuilds
/// revenue_events drops its triggers with the old table and must create them again.
/// </summary>
public sealed class RevenueEventCountRecord : IPartnerOwned
{
    public PartnerId PartnerId { get; set; }
    public int Events { get; set; }
}

internal sealed class RevenueEventCountConfiguration : IEntityTypeConfiguration<RevenueEventCountRecord>
{
    public void Configure(EntityTypeBuilder<RevenueEventCountRecord> e)
    {
        e.ToTable("revenue_event_counts");
        e.HasKey(x => x.PartnerId);
    }
}

public static class RevenueEventCounts
{
    /// <summary>The triggers on revenue_events that keep the counts: declared so that EF Core never relies on RETURNING from it.</summary>
    internal static readonly string[] Triggers = ["revenue_events_counted_on_insert", "revenue_events_counted_on_update", "revenue_events_counted_on_delete"];

    /// <summary>
    /// The partners' event counts; on PostgreSQL the rows are also locked until the transaction ends, in partner order.
    /// A writer that takes them first (a revenue group, an import's chunk) holds every partner it will add events to, so
    /// the triggers' updates later in the transaction wait for no one: two writers cannot deadlock over them, and an
    /// event's commission reads the partner's history with every other writer's events for that partner committed.
    /// </summary>
    public static async Task<Dictionary<PartnerId, int>> ForWritingAsync(PartnerHubDb db, IReadOnlyCollection<PartnerId> partners, CancellationToken ct)
    {
        if (partners.Count == 0) return [];
        // PostgreSQL takes the rows' locks in partner order; SQLite has one writer at a time, so nothing to order.
        var ids = partners.Select(p => p.Value).Order().ToArray();
        var counts = db.Provider == DatabaseProvider.Postgres
            ? db.Set<RevenueEventCountRecord>().FromSql($"SELECT * FROM revenue_event_counts WHERE partner_id = ANY({ids}) ORDER BY partner_id FOR UPDATE")
            : db.Set<RevenueEventCountRecord>().Where(c => partners.Contains(c.PartnerId));
        return await counts.AsNoTracking().IgnoreQueryFilters().ToDictionaryAsync(c => c.PartnerId, c => c.Events, ct);
    }
}
