using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Deals;

/// <summary>
/// Active registrations and existing customers, indexed so one candidate is checked against a million without a scan:
/// exact keys (registrable domain, normalized name, skeleton) are hash chains, and close names come from a trigram
/// inverted index. A name at ≥ t similarity shares at least ⌈t·n⌉ of the query's n trigrams; the posting lists of the
/// query's trigrams count, per name, how many it shares, and only names that can still reach the threshold are measured.
/// Trigrams common to more than a few percent of the names are stop-words for this walk (see
/// <see cref="CloseTo"/>: exact unless more than half of the query's trigrams are stop-words). Build once, then
/// <see cref="Add(ActiveRegistration)"/> and <see cref="Remove"/> as registrations come and go (removal leaves one of the
/// <see cref="Tombstones"/>; build anew when they outnumber the live entries). Reads may run concurrently; writes may not run
/// alongside anything, so keep one writer or build a new index and swap it in.
/// </summary>
public sealed class CustomerIdentityIndex
{
    private const int None = -1;

    private readonly List<IndexedCustomer> _entries = [];
    private readonly Chains _byDomain = new();
    private readonly Chains _byName = new();
    private readonly Chains _bySkeleton = new();
    private readonly Dictionary<long, Postings> _byTrigram = [];
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

    /// <summary>Removed entries still held: each removal leaves one until the index is built anew.</summary>
    public int Tombstones => _entries.Count - Count;

    /// <summary>
    /// Adds a registration, replacing an earlier version of it unless that says the same. Callers add what they read
    /// again and again (each catch-up re-reads minutes of registrations): replacing an unchanged one would leave a
    /// tombstone per read and grow the index without end.
    /// </summary>
    public void Add(ActiveRegistration registration)
    {
        if (_registrations.TryGetValue(registration.Id, out var held))
        {
            var entry = _entries[held];
            if (entry.Identity.Name.Original == registration.CustomerName && entry.Identity.Host == registration.CustomerDomain
                && entry.PartnerId == registration.PartnerId && entry.SubmittedAt == registration.SubmittedAt) return;
            Remove(registration.Id);
        }

        var identity = CustomerIdentity.Of(registration.CustomerName, registration.CustomerDomain);
        _registrations[registration.Id] = Append(new IndexedCustomer(identity, registration.Id, registration.PartnerId, registration.SubmittedAt, null));
    }

    /// <summary>Adds a customer, replacing an earlier version with the same reference if it names another customer.</summary>
    public void Add(ExistingCustomer customer)
    {
        var identity = CustomerIdentity.Of(customer.Name, customer.Domain);
        if (_customers.TryGetValue(customer.Reference, out var old))
        {
            if (_entries[old].Identity == identity) return;
            _customers.Remove(customer.Reference);
            Tombstone(old);
        }

        _customers[customer.Reference] = Append(new IndexedCustomer(identity, null, null, null, customer.Reference));
    }

    /// <summary>Takes a registration out (decided, expired, withdrawn); false if it was not there.</summary>
    public bool Remove(DealId id)
    {
        if (!_registrations.Remove(id, out var old)) return false;
        Tombstone(old);
        return true;
    }

    internal List<IndexedCustomer> WithDomain(string registrable) => Live(_byDomain.All(registrable));

    internal List<IndexedCustomer> WithName(string key) => Live(_byName.All(key));

    internal List<IndexedCustomer> WithSkeleton(string skeleton) => Live(_bySkeleton.All(skeleton));

    /// <summary>
    /// A trigram found in more than this share of the names (and in more than <see cref="StopWordFloor"/>) is a stop-word
    /// for finding candidates: its posting list is too long to walk per check and says little about which company it is.
    /// </summary>
    public const double StopWordShare = 0.02;

    /// <summary>Below this many postings no list is a stop-word, so small indexes (every test's) find close names exactly.</summary>
    public const int StopWordFloor = 1_000;

    /// <summary>
    /// What a walk counts in: per entry, the rare trigrams it shares in the low byte and its own number of trigrams in the
    /// high byte (from the posting that touched it first: one cache line for both, where a separate array of sizes cost
    /// a second miss per candidate), and the list of entries touched, reset after each walk. Kept by the index for the
    /// next walk rather than per thread: thread-pool threads come and go under load, and each new one would allocate
    /// megabytes of large objects at a million names.
    /// </summary>
    private sealed class Scratch
    {
        public ushort[] Marks = [];
        public readonly List<int> Touched = [];
    }

    private readonly ConcurrentStack<Scratch> _scratch = new();

    /// <summary>
    /// Every live entry whose skeleton is close to <paramref name="skeleton"/>, with its exact similarity. The query's
    /// rare trigrams' posting lists count what each name shares (the shorter ones find the candidates, the longest are
    /// only probed for them, see <see cref="CountShared"/>); a close name shares at least <see cref="NameSimilarity.MinShared"/>
    /// of the query's trigrams, so it is among the names that share that many less the number of stop-words (a trigram in
    /// more than <see cref="StopWordFloor"/> names and more than <see cref="StopWordShare"/> of them, whose lists, 20,000
    /// postings and more at a million names, are not read), and each of those is measured exactly by its bits in the
    /// stop-words' bitsets. That is exhaustive while at most half of the query's trigrams are stop-words — any name with
    /// a distinctive half. Beyond that the bound admits every name, so the walk is capped: a name becomes a candidate when
    /// it shares at least half of the rare trigrams less one (one typo's worth). So a close name is missed only when its
    /// likeness rests on common words ("Analytics", "Group", the first letter) rather than on what sets it apart, which
    /// is the case a manager gains least from; the exact checks that block a registration never depend on this.
    /// </summary>
    // Lists, not iterators: a compiler-made iterator reads System.Environment, which Core's purity test forbids.
    internal List<(IndexedCustomer Entry, double Similarity)> CloseTo(string skeleton)
    {
        var close = new List<(IndexedCustomer, double)>();
        var query = NameSimilarity.Trigrams(skeleton);
        var n = query.Length;
        if (n == 0) return close;

        var stopAbove = StopAbove(_entries.Count);
        var lists = query.Select(g => _byTrigram.TryGetValue(g, out var list) ? list : Postings.Empty).OrderBy(l => l.Count).ToArray();
        var rare = lists.Count(l => l.Count <= stopAbove);
        var stop = n - rare;
        // Exact: a close name shares at least MinShared(n) trigrams, at most `stop` of them stop-words.
        var need = NameSimilarity.MinShared(n) - stop;
        if (need < 1)
        {
            // Capped: more than half of the query's trigrams are stop-words, so the bound admits every name.
            if (rare == 0) return close;
            need = Math.Max(1, (rare + 1) / 2 - 1);
        }

        // Count each entry's shared rare trigrams in its mark (see Scratch); the marks are reset below, so the scratch
        // costs nothing per check. The entries touched, tens of thousands per check at a million names, grown anew each
        // time, cost a third of the walk.
        var scratch = _scratch.TryPop(out var kept) ? kept : new Scratch();
        CountShared(scratch, lists, rare, n, need, close);
        _scratch.Push(scratch); // not after an exception, which may have left counts set
        return close;
    }

    private void CountShared(Scratch scratch, Postings[] lists, int rare, int n, int need, List<(IndexedCustomer, double)> close)
    {
        if (scratch.Marks.Length < _entries.Count) scratch.Marks = new ushort[Math.Max(1024, _entries.Count * 2)];
        var marks = scratch.Marks;
        var touched = scratch.Touched;
        // Prefix filter: a name sharing `need` of the rare trigrams is in one of the rare lists but the need - 1 longest,
        // so only those shorter lists find candidates; the longest only add to the candidates' counts. A count stays
        // below 256 (a name has fewer trigrams), so adding one to a mark never reaches its size.
        var prefix = rare - need + 1;
        for (var k = 0; k < prefix; k++)
        {
            var entries = CollectionsMarshal.AsSpan(lists[k].Entries);
            var sizes = CollectionsMarshal.AsSpan(lists[k].Sizes);
            for (var p = 0; p < entries.Length; p++)
            {
                var i = entries[p];
                if (marks[i]++ != 0) continue;
                marks[i] |= (ushort)(sizes[p] << 8);
                touched.Add(i);
            }
        }

        for (var k = prefix; k < rare; k++)
        {
            var list = lists[k];
            // Probe each candidate (a binary search) or read the list through: whichever reads less.
            if ((long)touched.Count * (BitOperations.Log2((uint)list.Count) + 1) < list.Count)
            {
                foreach (var i in CollectionsMarshal.AsSpan(touched))
                    if (list.Contains(i)) marks[i]++;
            }
            else
            {
                foreach (var i in CollectionsMarshal.AsSpan(list.Entries))
                    if (marks[i] != 0) marks[i]++;
            }
        }

        foreach (var i in CollectionsMarshal.AsSpan(touched))
        {
            int mark = marks[i];
            marks[i] = 0;
            var count = mark & 0xFF;
            var m = mark >> 8;
            if (count < need || !SizeCanBeClose(n, m)) continue;
            for (var k = rare; k < n && NameSimilarity.IsClose(count + (n - k), n + m - (count + (n - k))); k++)
                if (lists[k].Contains(i)) count++;
            var union = n + m - count;
            // Removed entries keep their postings until the index is built anew: they are left out here, of the few found.
            if (NameSimilarity.IsClose(count, union) && _entries[i] is { Removed: false } entry) close.Add((entry, (double)count / union));
        }

        touched.Clear();
    }

    private static int StopAbove(int entries) => Math.Max(StopWordFloor, (int)(StopWordShare * entries));

    // Jaccard ≥ t needs t·max(n, m) ≤ min(n, m): names much longer or shorter than the query are never close.
    private static bool SizeCanBeClose(int n, int m) =>
        m * 100L >= NameSimilarity.ThresholdPercent * (long)n && n * 100L >= NameSimilarity.ThresholdPercent * (long)m;

    private void Tombstone(int entry) => _entries[entry].Removed = true;

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
        var size = (byte)Math.Min(grams.Length, byte.MaxValue);
        foreach (var gram in grams)
        {
            if (!_byTrigram.TryGetValue(gram, out var postings)) _byTrigram[gram] = postings = new Postings();
            postings.Add(i, size, StopAbove(i + 1));
        }

        return i;
    }

    /// <summary>
    /// The entries that have one trigram, in order. A stop-word's list (see <see cref="CloseTo"/>) also keeps a bitset of
    /// them, one bit per entry, so that the walk tests a candidate with one read instead of a binary search in tens of
    /// thousands of postings. Only lists that are or were stop-words have one: at a million names 125 KB each (up to twice
    /// that as it grows by doubling), against 80 KB for the list of 20,000 postings where a stop-word starts; in all, 9 %
    /// more memory for the index (`conflict-check`, docs/performance.md).
    /// </summary>
    private sealed class Postings
    {
        public static readonly Postings Empty = new();

        public readonly List<int> Entries = [];

        /// <summary>Each posting's entry's number of distinct trigrams (a name of at most 200 characters has fewer than 256).</summary>
        public readonly List<byte> Sizes = [];

        private ulong[]? _bits;

        public int Count => Entries.Count;

        /// <summary>Adds entry <paramref name="i"/> (above every entry held), with its bit once the list is longer than <paramref name="stopAbove"/>.</summary>
        public void Add(int i, byte size, int stopAbove)
        {
            Entries.Add(i);
            Sizes.Add(size);
            if (_bits is null && Entries.Count > stopAbove)
            {
                _bits = new ulong[((i >> 6) + 1) * 2];
                foreach (var held in CollectionsMarshal.AsSpan(Entries)) Set(held);
            }
            else if (_bits is not null) Set(i);
        }

        public bool Contains(int i) =>
            _bits is { } bits ? (i >> 6) < bits.Length && (bits[i >> 6] & (1UL << i)) != 0 : Entries.BinarySearch(i) >= 0;

        private void Set(int i)
        {
            if ((i >> 6) >= _bits!.Length) Array.Resize(ref _bits, Math.Max(_bits.Length * 2, (i >> 6) + 1));
            _bits[i >> 6] |= 1UL << i;
        }
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
    public bool Removed { get; set; }
}
