using System.Collections.Concurrent;

namespace PartnerHub.App.Identity;

/// <summary>
/// API keys authenticated in the last few seconds, shared by every request of the process, so that an integration
/// sending thousands of requests a second does not read its key from the database on each one (ADR 20). Revoking a key
/// through <see cref="ManageApiKeys"/> evicts it at once, so on the instance that revoked it the key fails on its very
/// next use; another instance may accept it for at most <see cref="Lifetime"/> more.
/// </summary>
public sealed class ApiKeyCache
{
    /// <summary>How long a key read from the database is trusted without reading it again: the bound on staleness across instances.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// <summary>Past this many entries the cache starts over (keys are few; this only bounds memory against floods of distinct keys).</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(string Database, string Hash), Entry> _entries = new();

    // Revoked here: never cached again, so a request that read the key just before the revocation committed cannot
    // put it back after the eviction. A revoked key stays revoked, so this only grows by revocations.
    private readonly ConcurrentDictionary<Guid, bool> _revoked = new();

    /// <summary>A key as read from the database at <paramref name="ReadAt"/>, and when its last-used time was last written.</summary>
    public sealed record Entry(ApiKey Key, DateTimeOffset ReadAt, DateTimeOffset LastUsedWritten);

    public Entry? Find(string database, string hash, DateTimeOffset now) =>
        _entries.TryGetValue((database, hash), out var entry) && now - entry.ReadAt < Lifetime && now >= entry.ReadAt ? entry : null;

    public void Keep(string database, string hash, Entry entry)
    {
        if (_revoked.ContainsKey(entry.Key.Id)) return;
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[(database, hash)] = entry;
    }

    /// <summary>Forgets key <paramref name="id"/>, just revoked, in every database, so its next use reads the database.</summary>
    public void Evict(Guid id)
    {
        _revoked[id] = true;
        foreach (var (slot, entry) in _entries)
            if (entry.Key.Id == id) _entries.TryRemove(slot, out _);
    }
}
