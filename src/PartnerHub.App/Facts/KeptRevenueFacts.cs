using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Facts;

/// <summary>
/// Partners' revenue facts as last read, shared by every scope of the process, so that a standing does not re-read the
/// partner's whole revenue history — the one large fact table (a million events hold a thousand per partner), whose
/// read was nine tenths of a standing's time. Before each use one row gives the partner's event count, kept by the
/// database (<see cref="RevenueEventCountRecord"/>). A
/// partner's events are only ever added (an unattributed event may be attributed to it; none is moved away or deleted,
/// the invariant <c>CommittedHistories</c> relies on too), so an equal count means the same events, and when the
/// events above the kept highest id make up the difference, only they are read. Anything else reloads the partner.
/// Correct across instances and processes: the check reads the database.
/// </summary>
public sealed class KeptRevenueFacts
{
    /// <summary>Past this many kept events the store starts over, bounding its memory on very large programs.</summary>
    private const int MaxEvents = 5_000_000;

    private readonly ConcurrentDictionary<(string Database, PartnerId Partner), Kept> _entries = new();
    private int _events;

    private sealed record Kept(int Count, long MaxId, (string Currency, RevenueEvent Event)[] Events)
    {
        /// <summary>This copy with <paramref name="added"/>, events above its highest id.</summary>
        public Kept With(IReadOnlyList<Row> added) =>
            added.Count == 0 ? this : new(Count + added.Count, added.Max(r => r.Id), [.. Events, .. added.Select(r => r.Fact)]);
    }

    private sealed record Row(long Id, string Currency, RevenueKind Kind, DateOnly OccurredOn, long AmountMinor, string? CustomerRef)
    {
        public (string, RevenueEvent) Fact => (Currency, new RevenueEvent(Kind, OccurredOn, AmountMinor, CustomerKey.Of(CustomerRef)));
    }

    /// <summary>The partner's revenue in <paramref name="currency"/>, current as of this call's check.</summary>
    public async Task<RevenueEvent[]> ForPartnerAsync(PartnerHubDb db, PartnerId partner, string currency, CancellationToken ct)
    {
        var key = (db.Database.GetConnectionString() ?? "", partner);
        var events = db.Set<RevenueEventRecord>().AsNoTracking().Where(e => e.PartnerId == partner);
        var counted = db.Set<RevenueEventCountRecord>().AsNoTracking().Where(c => c.PartnerId == partner).Select(c => c.Events);
        var count = await counted.FirstOrDefaultAsync(ct);
        var kept = _entries.GetValueOrDefault(key);
        if (kept is null || kept.Count != count) // an equal count means the same events: they are only ever added
        {
            kept = kept is not null && kept.Count < count && await GrownAsync(kept, events, counted, ct) is { } grown
                ? grown
                : Reloaded(await RowsAsync(events, ct));
            Keep(key, kept);
        }

        return kept.Events.Where(e => e.Currency == currency).Select(e => e.Event).ToArray();
    }

    /// <summary>
    /// The kept events and those above their highest id, if that is all the partner has. The count is read again after
    /// the rows: events are only added, so the kept ones and the rows read are among those counted then, and an equal
    /// number means nothing else. (Compared with the count read before the rows, an event committed in between could
    /// stand in for an older one attributed by hand, and the copy would miss that one.)
    /// </summary>
    private static async Task<Kept?> GrownAsync(Kept kept, IQueryable<RevenueEventRecord> events, IQueryable<int> counted, CancellationToken ct)
    {
        var added = await RowsAsync(events.Where(e => e.Id > kept.MaxId), ct);
        if (kept.Count + added.Count != await counted.FirstOrDefaultAsync(ct)) return null;
        return kept.With(added);
    }

    /// <summary>
    /// Adds events this process just committed to the partner's kept copy, if it keeps one: a standing right after an
    /// event then finds the count equal and reads no rows. Only events above the kept highest id are added, so none
    /// is counted twice; every event added is committed, so the count check stays exact (one that is missed, or one
    /// committed elsewhere meanwhile, shows as a mismatch and is read as before).
    /// </summary>
    public void Extend(string database, PartnerId partner, IReadOnlyCollection<RevenueEventRecord> committed)
    {
        var key = (database, partner);
        if (_entries.GetValueOrDefault(key) is not { } kept) return;
        var added = committed.Where(e => e.Id > kept.MaxId).Select(e => new Row(e.Id, e.Currency, e.Kind, e.OccurredOn, e.AmountMinor, e.CustomerRef)).ToList();
        if (added.Count == 0) return;
        // Another scope may have replaced the copy since it was read here: then this extension is dropped, not merged.
        if (_entries.TryUpdate(key, kept.With(added), kept))
            Interlocked.Add(ref _events, added.Count);
    }

    private static Task<List<Row>> RowsAsync(IQueryable<RevenueEventRecord> events, CancellationToken ct) =>
        events.Select(e => new Row(e.Id, e.Currency, e.Kind, e.OccurredOn, e.AmountMinor, e.CustomerRef)).ToListAsync(ct);

    /// <summary>A whole read: its count and highest id are the rows' own, so a write racing the read shows as a mismatch next time.</summary>
    private static Kept Reloaded(List<Row> rows) => new(rows.Count, rows.Count == 0 ? 0 : rows.Max(r => r.Id), rows.Select(r => r.Fact).ToArray());

    private void Keep((string, PartnerId) key, Kept kept)
    {
        if (Interlocked.Add(ref _events, kept.Events.Length) > MaxEvents)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _events, kept.Events.Length);
        }

        _entries[key] = kept;
    }
}
