using PartnerHub.App.Persistence;

namespace PartnerHub.Web.ScaleOut;

/// <summary>
/// Where rate-limit counts live. <c>RateLimits:Store</c>: <c>Database</c> (shared by every instance on the database;
/// the default on PostgreSQL, the multi-instance setup) or <c>Memory</c> (per process, no write per request; the
/// default on SQLite, the single-node setup).
/// </summary>
public static class RateLimitStore
{
    public static bool IsShared(IConfiguration configuration) => configuration["RateLimits:Store"] switch
    {
        null or "" => DatabaseSettings.From(configuration).Provider == DatabaseProvider.Postgres,
        var s when s.Equals("Database", StringComparison.OrdinalIgnoreCase) => true,
        var s when s.Equals("Memory", StringComparison.OrdinalIgnoreCase) => false,
        var s => throw new InvalidOperationException($"RateLimits:Store must be Database or Memory, not '{s}'."),
    };
}
