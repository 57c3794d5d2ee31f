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
/// when its window passes; one atomic upsert per attempt, the same SQL on SQLite and PostgreSQL.
/// </summary>
public sealed class SharedRateCounter(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int MaxKeyLength = 300;

    /// <summary>Counts one attempt for <paramref name="key"/>: null when it is within <paramref name="limit"/>, else how long until the window ends.</summary>
    public async ValueTask<TimeSpan?> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (long)window.TotalMilliseconds;
        var start = now - now % windowMs;
        if (key.Length > MaxKeyLength) key = key[..MaxKeyLength];
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        // A host whose clock lags keeps counting in the newer window another host already opened, instead of resetting it.
        command.CommandText = """
            INSERT INTO rate_limit_windows (subject, window_start, hits) VALUES (@key, @start, 1)
            ON CONFLICT (subject) DO UPDATE SET
                hits = CASE WHEN rate_limit_windows.window_start >= excluded.window_start THEN rate_limit_windows.hits + 1 ELSE 1 END,
                window_start = CASE WHEN rate_limit_windows.window_start >= excluded.window_start THEN rate_limit_windows.window_start ELSE excluded.window_start END
            RETURNING hits, window_start
            """;
        Add(command, "key", key);
        Add(command, "start", start);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (hits, windowStart) = (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
        return hits <= limit ? null : TimeSpan.FromMilliseconds(Math.Max(1000, windowStart + windowMs - now));
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
