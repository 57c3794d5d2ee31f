using System.Collections.Concurrent;
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

    /// <summary>Keeps a copy of <paramref name="history"/>, which the caller has just committed.</summary>
    public void Keep(string database, PartnerId partner, PartnerHistory history)
    {
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[(database, partner)] = history.Copy();
    }
}
