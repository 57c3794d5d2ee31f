using PartnerHub.Core.Facts;

namespace PartnerHub.App.Commissions;

/// <summary>
/// What the commission of a partner's next event depends on in its past: its revenue (in the program's currency), the
/// first event of each kind per customer, ratings and certification awards; and how many events it holds in all.
/// </summary>
public sealed class PartnerHistory(string currency, ManagerRating[] ratings, CertificationAward[] awards)
{
    private const int RoomToAdd = 16;

    private List<RevenueEvent> _revenue = [];
    private Dictionary<(string Customer, RevenueKind Kind), (DateOnly On, long Id)> _first = [];

    public string Currency { get; } = currency;

    /// <summary>Every event of the partner, whatever its currency: the check that a kept copy is complete.</summary>
    public int Count { get; private set; }

    /// <summary>The highest event id added: an event at or below it may already be here.</summary>
    public long MaxId { get; private set; }

    public IReadOnlyList<RevenueEvent> Revenue => _revenue;

    public ManagerRating[] Ratings { get; } = ratings;

    public CertificationAward[] Awards { get; } = awards;

    /// <summary>Set when the history is kept for every scope (<see cref="CommittedHistories"/>): from then on it is only read and copied.</summary>
    public bool Frozen { get; private set; }

    public void Freeze() => Frozen = true;

    public void Add(long id, RevenueKind kind, DateOnly on, long amount, string currency, string? customer)
    {
        if (Frozen) throw new InvalidOperationException("A kept history is shared by every scope; add to a copy.");
        Count++;
        MaxId = Math.Max(MaxId, id);
        if (currency == Currency) _revenue.Add(new RevenueEvent(kind, on, amount));
        if (customer is null) return;
        var key = (customer, kind);
        if (!_first.TryGetValue(key, out var first) || on < first.On || (on == first.On && id < first.Id)) _first[key] = (on, id);
    }

    public bool TryFirst(string customer, RevenueKind kind, out (DateOnly On, long Id) first) => _first.TryGetValue((customer, kind), out first);

    /// <summary>A copy to add to without changing this one; ratings and awards as read now.</summary>
    public PartnerHistory Copy(ManagerRating[]? ratings = null, CertificationAward[]? awards = null)
    {
        // Each collection copied in one allocation (filled entry by entry, the map grew and rehashed a dozen times). The
        // revenue gets room for the few events a group adds: copied at its exact size, the first one doubled it, and
        // that second copy was the process's largest allocation under load (docs/performance.md, eleventh pass).
        var revenue = new List<RevenueEvent>(_revenue.Count + RoomToAdd);
        revenue.AddRange(_revenue);
        return new PartnerHistory(Currency, ratings ?? Ratings, awards ?? Awards)
        {
            Count = Count, MaxId = MaxId, _revenue = revenue, _first = new Dictionary<(string, RevenueKind), (DateOnly, long)>(_first),
        };
    }
}
