using System.Collections.Concurrent;
using PartnerHub.App.Facts;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Commissions;

/// <summary>
/// Partners' revenue histories as last committed, shared by every scope of the process so that recording an event does
/// not re-read the partner's whole history (<see cref="CommissionInputs"/>). An entry is used only when the partner's
/// row count in the database still equals the entry's: a partner's events are never deleted or moved to another
/// partner (only added, or attributed when they had none), so an equal count means the same events. Correct across
/// processes for the same reason: another instance's writes change the count.
/// </summary>
public sealed class CommittedHistories
{
    /// <summary>Past this many entries the store starts over, bounding its memory on very large programs.</summary>
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<(string Database, PartnerId Partner), PartnerHistory> _entries = new();

    public PartnerHistory? Find(string database, PartnerId partner) => _entries.GetValueOrDefault((database, partner));

    /// <summary>Keeps <paramref name="history"/>, which the caller has just committed, as it is: frozen, so the caller adds to a copy.</summary>
    public void Keep(string database, PartnerId partner, PartnerHistory history)
    {
        if (_entries.Count >= MaxEntries) _entries.Clear();
        history.Freeze();
        _entries[(database, partner)] = history;
    }

    /// <summary>
    /// Adds events the caller has just committed for a partner whose history it did not read (an invoice accrues
    /// nothing, so nothing reads it) to the kept copy, which otherwise stops matching the partner's count and is read
    /// again in full. Events at or below the copy's highest id are left out: a scope that read the database after this
    /// commit may hold them already. Leaving one out can only make the copy short, which the count check catches.
    /// </summary>
    public void Extend(string database, PartnerId partner, IEnumerable<RevenueEventRecord> events)
    {
        var key = (database, partner);
        if (!_entries.TryGetValue(key, out var kept)) return;
        var extended = kept.Copy();
        foreach (var e in events.Where(e => e.Id > kept.MaxId).OrderBy(e => e.Id))
            extended.Add(e.Id, e.Kind, e.OccurredOn, e.AmountMinor, e.Currency, e.CustomerRef);
        extended.Freeze();
        _entries.TryUpdate(key, extended, kept); // lost to a concurrent Keep: that one stands, checked by count like any
    }
}
