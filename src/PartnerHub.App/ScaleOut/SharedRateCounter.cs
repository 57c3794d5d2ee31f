using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Persistence;

namespace PartnerHub.App.ScaleOut;

/// <summary>One rate-limit counter: how many attempts <see cref="Subject"/> made in the fixed window starting at <see cref="WindowStart"/>.</summary>
public sealed class RateLimitWindow
{
    public string Subject { get; init; } = "";

    /// <summary>Unix milliseconds; a number so that both databases compare it the same way.</summary>
    public long WindowStart { get; init; }

    public int Hits { get; init; }
}

internal sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> w)
    {
        w.ToTable("rate_limit_windows");
        w.HasKey(x => x.Subject);
        w.Property(x => x.Subject).HasMaxLength(SharedRateCounter.MaxKeyLength);
    }
}

/// <summary>
/// Fixed-window rate-limit counters in the database, so that every instance on it counts against the same budget
/// (a client spreading requests over three hosts gets the limit, not three times it). One row per key, overwritten
/// when its window passes; one atomic upsert, the same SQL on SQLite and PostgreSQL.
/// A large budget is taken in blocks of a fiftieth of it: an instance adds a block to the shared count and grants the
/// rest of the block from memory, so the API's budget of 600 a minute costs a database write every 12 calls, not
/// every call. No instance grants beyond the budget; an instance's unused rest of a block is lost to the window, at
/// most 2 % of the budget per instance. Budgets under 100 (sign-in) are counted one by one.
/// </summary>
public sealed class SharedRateCounter(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int MaxKeyLength = 300;

    private const int BlocksPerBudget = 50;

    // Per key, the window and how many permits of this instance's last block are left in it.
    private readonly ConcurrentDictionary<string, (long WindowStart, int Left)> _reserved = new(StringComparer.Ordinal);
    private long _sweptWindow;

    /// <summary>Counts one attempt for <paramref name="key"/>: null when it is within <paramref name="limit"/>, else how long until the window ends.</summary>
    public async ValueTask<TimeSpan?> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (long)window.TotalMilliseconds;
        var start = now - now % windowMs;
        if (key.Length > MaxKeyLength) key = key[..MaxKeyLength];
        SweepOnceAWindow(start);
        if (TryTakeReserved(key, start)) return null;

        var block = Math.Max(1, limit / BlocksPerBudget);
        var (hits, windowStart) = await AddAsync(key, start, block, ct);
        var first = hits - block + 1; // this call added the permits first..hits
        if (first > limit) return TimeSpan.FromMilliseconds(Math.Max(1000, windowStart + windowMs - now));
        var left = (int)(Math.Min(hits, limit) - first); // one is this attempt's
        if (left > 0) _reserved.AddOrUpdate(key, (windowStart, left), (_, r) => r.WindowStart == windowStart ? (windowStart, r.Left + left) : (windowStart, left));
        return null;
    }

    /// <summary>Takes a permit this instance reserved for <paramref name="key"/> in a window not yet over by its clock.</summary>
    private bool TryTakeReserved(string key, long start)
    {
        while (_reserved.TryGetValue(key, out var r) && r.Left > 0 && r.WindowStart >= start)
            if (_reserved.TryUpdate(key, (r.WindowStart, r.Left - 1), r)) return true;
        return false;
    }

    /// <summary>Forgets the blocks of past windows, once a window: keys come and go (one per caller), the map must not grow with them.</summary>
    private void SweepOnceAWindow(long start)
    {
        var swept = Interlocked.Read(ref _sweptWindow);
        if (swept >= start || Interlocked.CompareExchange(ref _sweptWindow, start, swept) != swept) return;
        foreach (var (key, r) in _reserved)
            if (r.WindowStart < start) _reserved.TryRemove(new KeyValuePair<string, (long, int)>(key, r));
    }

    /// <summary>Adds <paramref name="permits"/> to the key's count in its window: the count after, and the window it is in.</summary>
    private async Task<(long Hits, long WindowStart)> AddAsync(string key, long start, int permits, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        // A host whose clock lags keeps counting in the newer window another host already opened, instead of resetting it.
        command.CommandText = """
            INSERT INTO rate_limit_windows (subject, window_start, hits) VALUES (@key, @start, @permits)
            ON CONFLICT (subject) DO UPDATE SET
                hits = CASE WHEN rate_limit_windows.window_start >= excluded.window_start THEN rate_limit_windows.hits + excluded.hits ELSE excluded.hits END,
                window_start = CASE WHEN rate_limit_windows.window_start >= excluded.window_start THEN rate_limit_windows.window_start ELSE excluded.window_start END
            RETURNING hits, window_start
            """;
        Add(command, "key", key);
        Add(command, "start", start);
        Add(command, "permits", permits);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
