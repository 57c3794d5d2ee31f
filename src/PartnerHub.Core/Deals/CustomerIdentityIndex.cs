using System.Runtime.InteropServices;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Deals;

/// <summary>
/// Active registrations and existing customers, indexed so one candidate is checked against a million without a scan:
/// exact keys (registrable domain, normalized name, skeleton) are hash chains, and close names come from a trigram
/// inverted index with prefix filtering. A name at ≥ t similarity shares at least ⌈t·n⌉ of the query's n trigrams, so
/// it must contain one of the n − ⌈t·n⌉ + 1 rarest of them; only those posting lists are read and only their names are
/// compared. Build once, then <see cref="Add(ActiveRegistration)"/> and <see cref="Remove"/> as registrations come and
/// go (removal leaves a tombstone; rebuild occasionally if many go). Reads may run concurrently; writes may not run
/// alongside anything, so keep one writer or build a new index and swap it in.
/// </summary>
public sealed class CustomerIdentityIndex
{
    private const int None = -1;

    private readonly List<IndexedCustomer> _entries = [];
    private readonly Chains _byDomain = new();
    private readonly Chains _byName = new();
    private readonly Chains _bySkeleton = new();
    private readonly Dictionary<long, List<int>> _byTrigram = [];
    private readonly Dictionary<DealId, int> _registrations = [];
    private readonly Dictionary<string, int> _customers = new(StringComparer.Ordinal);

    /// <summary>Live entries: registrations and customers not removed.</summary>
    public int Count => _registrations.Count + _customers.Count;

    public static CustomerIdentityIndex Build(IEnumerable<ActiveRegistration> registrations, IEnumerable<ExistingCustomer> customers)
    {
        var index = new CustomerIdentityIndex();
        foreach (var registration in registrations) index.Add(registration);
        foreach (var customer in customers) index.Add(customer);
        return index;
    }

    /// <summary>Adds a registration, replacing an earlier version of it.</summary>
    public void Add(ActiveRegistration registration)
    {
        Remove(registration.Id);
        var identity = CustomerIdentity.Of(registration.CustomerName, registration.CustomerDomain);
        _registrations[registration.Id] = Append(new IndexedCustomer(identity, registration.Id, registration.PartnerId, registration.SubmittedAt, null));
    }

    /// <summary>Adds a customer, replacing an earlier version with the same reference.</summary>
    public void Add(ExistingCustomer customer)
    {
        if (_customers.Remove(customer.Reference, out var old)) _entries[old].Removed = true;
        var identity = CustomerIdentity.Of(customer.Name, customer.Domain);
        _customers[customer.Reference] = Append(new IndexedCustomer(identity, null, null, null, customer.Reference));
    }

    /// <summary>Takes a registration out (decided, expired, withdrawn); false if it was not there.</summary>
    public bool Remove(DealId id)
    {
        if (!_registrations.Remove(id, out var old)) return false;
        _entries[old].Removed = true;
        return true;
    }

    internal List<IndexedCustomer> WithDomain(string registrable) => Live(_byDomain.All(registrable));

    internal List<IndexedCustomer> WithName(string key) => Live(_byName.All(key));

    internal List<IndexedCustomer> WithSkeleton(string skeleton) => Live(_bySkeleton.All(skeleton));

    /// <summary>Every live entry whose skeleton is close to <paramref name="skeleton"/>, with its similarity.</summary>
    // Lists, not iterators: a compiler-made iterator reads System.Environment, which Core's purity test forbids.
    internal List<(IndexedCustomer Entry, double Similarity)> CloseTo(string skeleton)
    {
        var close = new List<(IndexedCustomer, double)>();
        var query = NameSimilarity.Trigrams(skeleton);
        var n = query.Length;
        if (n == 0) return close;

        // Candidates come from the rarest lists only (the prefix); each then has its overlap completed by binary search in
        // the commoner lists (postings are in entry order, so sorted), stopping as soon as it can no longer reach the threshold.
        var lists = query.Select(g => _byTrigram.TryGetValue(g, out var list) ? list : []).OrderBy(l => l.Count).ToArray();
        var prefix = n - NameSimilarity.MinShared(n) + 1;
        var shared = new Dictionary<int, int>();
        for (var k = 0; k < prefix; k++)
            foreach (var i in lists[k])
                if (!_entries[i].Removed && SizeCanBeClose(n, _entries[i].TrigramCount))
                    CollectionsMarshal.GetValueRefOrAddDefault(shared, i, out _)++;

        foreach (var (i, fromPrefix) in shared)
        {
            var m = _entries[i].TrigramCount;
            var count = fromPrefix;
            for (var k = prefix; k < n && NameSimilarity.IsClose(count + (n - k), n + m - (count + (n - k))); k++)
                if (lists[k].BinarySearch(i) >= 0) count++;
            var union = n + m - count;
            if (NameSimilarity.IsClose(count, union)) close.Add((_entries[i], (double)count / union));
        }

        return close;
    }

    // Jaccard ≥ t needs t·max(n, m) ≤ min(n, m): names much longer or shorter than the query are never close.
    private static bool SizeCanBeClose(int n, int m) =>
        m * 100L >= NameSimilarity.ThresholdPercent * (long)n && n * 100L >= NameSimilarity.ThresholdPercent * (long)m;

    private List<IndexedCustomer> Live(List<int> chain) => chain.Select(i => _entries[i]).Where(e => !e.Removed).ToList();

    private int Append(IndexedCustomer entry)
    {
        var i = _entries.Count;
        _entries.Add(entry);
        var identity = entry.Identity;
        _byDomain.Add(identity.RegistrableDomain, i);
        _byName.Add(identity.Name.Key, i);
        _bySkeleton.Add(identity.Name.Skeleton, i);

        var grams = NameSimilarity.Trigrams(identity.Name.Skeleton);
        entry.TrigramCount = grams.Length;
        foreach (var gram in grams)
        {
            if (!_byTrigram.TryGetValue(gram, out var postings)) _byTrigram[gram] = postings = [];
            postings.Add(i);
        }

        return i;
    }

    /// <summary>Entries sharing a key, as a chain through one int per entry: far leaner than a list per key at a million keys.</summary>
    private sealed class Chains
    {
        private readonly Dictionary<string, int> _heads = new(StringComparer.Ordinal);
        private readonly List<int> _next = [];

        public void Add(string? key, int entry)
        {
            while (_next.Count <= entry) _next.Add(None);
            if (string.IsNullOrEmpty(key)) return;
            _next[entry] = _heads.GetValueOrDefault(key, None);
            _heads[key] = entry;
        }

        public List<int> All(string key)
        {
            var all = new List<int>();
            for (var i = _heads.GetValueOrDefault(key, None); i != None; i = _next[i]) all.Add(i);
            return all;
        }
    }
}

/// <summary>One registration (with its id, partner and time) or one customer (with its reference), normalized.</summary>
internal sealed class IndexedCustomer(CustomerIdentity identity, DealId? registrationId, PartnerId? partnerId, DateTimeOffset? submittedAt, string? customerReference)
{
    public CustomerIdentity Identity { get; } = identity;
    public DealId? RegistrationId { get; } = registrationId;
    public PartnerId? PartnerId { get; } = partnerId;
    public DateTimeOffset? SubmittedAt { get; } = submittedAt;
    public string? CustomerReference { get; } = customerReference;
    public int TrigramCount { get; set; }
    public bool Removed { get; set; }
}
