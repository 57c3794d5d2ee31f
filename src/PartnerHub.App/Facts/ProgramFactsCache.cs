using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Facts;

namespace PartnerHub.App.Facts;

/// <summary>
/// Every partner's facts, kept in memory between requests (DESIGN.md: reading every fact is what costs; computing is
/// cheap). Before each use it checks with two small queries that nothing changed: the facts generation, which every
/// fact write through PartnerHub raises in its own transaction (<see cref="FactWrites.BumpAsync"/>), and the partner
/// registry's row count and latest update. Any difference reloads everything; concurrent callers share one reload.
/// Correct across processes (the CLI writes, the web app reads) because the stamp lives in the database.
/// </summary>
public sealed class ProgramFactsCache : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly Dictionary<(string Database, string Currency), (Stamp Stamp, ProgramFacts Facts)> _entries = [];

    private readonly record struct Stamp(long Generation, long Partners, string? LastUpdate);

    public async Task<ProgramFacts> GetAsync(PartnerHubDb db, string currency, CancellationToken ct)
    {
        var key = (db.Database.GetConnectionString() ?? "", currency);
        var stamp = await StampAsync(db, ct);
        lock (_entries)
            if (_entries.TryGetValue(key, out var hit) && hit.Stamp == stamp) return hit.Facts;

        await _loading.WaitAsync(ct);
        try
        {
            stamp = await StampAsync(db, ct);
            lock (_entries)
                if (_entries.TryGetValue(key, out var hit) && hit.Stamp == stamp) return hit.Facts;
            var facts = await BulkFactLoader.LoadAsync(db, currency, ct);
            // A write during the load may or may not be in it: store it under the stamp read before, so the next call reloads.
            lock (_entries) _entries[key] = (stamp, facts);
            return facts;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    /// <summary>Forgets everything (tests and benchmarks).</summary>
    public void Clear()
    {
        lock (_entries) _entries.Clear();
    }

    private static async Task<Stamp> StampAsync(PartnerHubDb db, CancellationToken ct)
    {
        var generation = await db.Set<FactsVersion>().AsNoTracking().Where(v => v.Id == 1).Select(v => v.Generation).FirstOrDefaultAsync(ct);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*), max(updated_at) FROM partners";
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new Stamp(generation, reader.GetInt64(0), reader.IsDBNull(1) ? null : Convert.ToString(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>What every writer of facts does in its transaction, so that cached facts know they are stale.</summary>
public static class FactWrites
{
    public static Task<int> BumpAsync(PartnerHubDb db, CancellationToken ct) =>
        db.Set<FactsVersion>().Where(v => v.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(v => v.Generation, v => v.Generation + 1), ct);
}
