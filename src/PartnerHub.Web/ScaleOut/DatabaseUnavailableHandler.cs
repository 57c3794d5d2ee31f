using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PartnerHub.Web.ScaleOut;

/// <summary>
/// A request that fails because the database cannot be reached (PostgreSQL restarting, the network gone, the pool
/// exhausted, SQLite busy past its timeout) answers 503 with Retry-After and a clear ProblemDetails instead of a bare
/// 500, so clients and load balancers retry. Nothing was half-saved: every write is one transaction. The host needs no
/// restart: broken pooled connections are dropped here, and the next request opens fresh ones.
/// </summary>
internal sealed partial class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> log) : IExceptionHandler
{
    public const string Title = "The database is unavailable.";
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsUnavailable(exception)) return false;
        Unavailable(log, context.Request.Path, exception.GetBaseException().Message);
        // Idle connections opened before a restart are dead; clear them so that recovery does not cost one failed request each.
        NpgsqlConnection.ClearAllPools();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable, Title = Title,
                Detail = $"PartnerHub could not reach its database; nothing was changed by this request. Try again in {RetryAfterSeconds} seconds.",
            },
        });
    }

    /// <summary>Whether the failure is the database being out of reach (retrying later can succeed), not a bug or a refused statement.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    // 08: connection exception; 57P01-03: admin/crash shutdown, cannot connect now; 53300: too many connections.
                    if (pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300") return true;
                    break;
                case NpgsqlException: // not a server answer: the socket failed, the connect timed out, or the pool is exhausted
                    return true;
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED past the busy timeout
                    return true;
            }
        }

        return false;
    }

    [LoggerMessage(LogLevel.Warning, "{Path}: the database is unavailable ({Reason}); answered 503.")]
    private static partial void Unavailable(ILogger log, string path, string reason);
}
