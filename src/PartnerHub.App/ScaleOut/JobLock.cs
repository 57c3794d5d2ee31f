using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartnerHub.App.Persistence;

namespace PartnerHub.App.ScaleOut;

/// <summary>
/// Makes a periodic job run on one instance at a time when several hosts share one PostgreSQL database: a run takes a
/// session-level advisory lock named after the job on a connection of its own, and an instance that finds the lock
/// taken skips its run (the holder is doing the work). If the holder dies, PostgreSQL drops its session and with it the
/// lock. SQLite is the single-node setup, where the one host is the only runner, so no lock is taken there.
/// </summary>
public static class JobLock
{
    /// <summary>The lock for <paramref name="operation"/>, or null when another instance holds it.</summary>
    public static async Task<IAsyncDisposable?> TryTakeAsync(PartnerHubDb db, string operation, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Postgres) return NotNeeded.Instance;
        var key = KeyOf(operation);
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        try
        {
            await connection.OpenAsync(ct);
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            take.Parameters.AddWithValue("key", key);
            if (await take.ExecuteScalarAsync(ct) is true) return new Held(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>A stable 64-bit key per job name (the same in every process and version), in PartnerHub's own namespace.</summary>
    public static long KeyOf(string operation) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("partnerhub-job:" + operation)), 0);

    private sealed class Held(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                release.Parameters.AddWithValue("key", key);
                await release.ExecuteScalarAsync();
            }
            catch (NpgsqlException)
            {
                // The session is gone (database restarted): the lock went with it.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class NotNeeded : IAsyncDisposable
    {
        public static readonly NotNeeded Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
