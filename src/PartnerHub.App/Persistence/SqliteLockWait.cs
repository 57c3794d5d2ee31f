using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace PartnerHub.App.Persistence;

/// <summary>
/// How the app's SQLite connections wait for another connection's write lock: they try again every millisecond, up to
/// the connection's timeout. SQLite's own wait (<c>sqlite3_busy_timeout</c>) sleeps in growing steps of up to 100 ms,
/// so a group writer held back by a job's transactions took the lock up to 100 ms after it was free: under 450
/// registrations a second, the webhook worker's pass every 5 s showed as a p99 of 80–150 ms in that second against
/// 35–40 ms in the others (docs/performance.md, sixteenth pass).
/// </summary>
internal static unsafe partial class SqliteLockWait
{
    public static void Apply(SqliteConnection connection)
    {
        var timeoutMs = connection.DefaultTimeout * 1000;
        var result = sqlite3_busy_handler(connection.Handle!.DangerousGetHandle(), &OnBusy, timeoutMs);
        if (result != 0) throw new InvalidOperationException($"sqlite3_busy_handler failed with SQLite error {result}.");
    }

    // Called by SQLite on the waiting thread, with how often it was called for this lock: 0 gives up (SQLITE_BUSY).
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnBusy(nint timeoutMs, int tries)
    {
        if (tries >= timeoutMs) return 0; // each try slept at least a millisecond
        Thread.Sleep(1);
        return 1;
    }

    [LibraryImport("e_sqlite3")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int sqlite3_busy_handler(nint db, delegate* unmanaged[Cdecl]<nint, int, int> handler, nint timeoutMs);
}
