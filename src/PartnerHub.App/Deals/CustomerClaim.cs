using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>
/// Makes "check for a conflict, then insert" one step for a customer, so that of two partners registering the same
/// customer at the same moment (on one instance or on two) exactly one is first and the other is refused. Hold it from
/// before the exact-key check until the registration is committed:
/// <list type="bullet">
/// <item>PostgreSQL: a transaction that takes an advisory transaction lock per blocking key of the customer (its
/// registrable domain and its normalized name; a conflict needs one of them equal, so two conflicting registrations
/// always meet on a key), in key order so that two claims never wait on each other crosswise. Registrations of
/// different customers do not wait at all; the locks go with the commit or rollback, or with a dropped session.</item>
/// <item>SQLite: one writer at a time anyway, so the claim is the write lock itself — the transaction begins
/// IMMEDIATE, before the check reads — with this process's claims queued in front of it rather than polling the
/// file's busy lock.</item>
/// </list>
/// </summary>
public sealed class CustomerClaim : IAsyncDisposable
{
    private static readonly SemaphoreSlim SqliteQueue = new(1, 1);

    private readonly IDbContextTransaction _transaction;
    private readonly bool _queued;

    private CustomerClaim(IDbContextTransaction transaction, bool queued) => (_transaction, _queued) = (transaction, queued);

    /// <summary>Begins the transaction and claims the customer that <paramref name="identity"/> names.</summary>
    public static async Task<CustomerClaim> TakeAsync(PartnerHubDb db, CustomerIdentity identity, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await SqliteQueue.WaitAsync(ct);
            try
            {
                return new CustomerClaim(await db.Database.BeginTransactionAsync(ct), queued: true); // BEGIN IMMEDIATE: takes the write lock now
            }
            catch
            {
                SqliteQueue.Release();
                throw;
            }
        }

        var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var key in Keys(identity))
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
            return new CustomerClaim(transaction, queued: false);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>Commits what was saved under the claim and lets the next registration of this customer go on.</summary>
    public Task CommitAsync(CancellationToken ct) => _transaction.CommitAsync(ct);

    /// <summary>Rolls back unless committed, and releases the claim.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _transaction.DisposeAsync();
        }
        finally
        {
            if (_queued) SqliteQueue.Release();
        }
    }

    /// <summary>A stable 64-bit lock key per blocking key, in PartnerHub's own namespace (apart from <see cref="ScaleOut.JobLock"/>'s), sorted.</summary>
    internal static IEnumerable<long> Keys(CustomerIdentity identity)
    {
        var keys = new List<long>(2);
        if (identity.RegistrableDomain is { } domain) keys.Add(KeyOf("domain:" + domain));
        if (!identity.Name.IsEmpty) keys.Add(KeyOf("name:" + identity.Name.Key));
        keys.Sort();
        return keys;
    }

    private static long KeyOf(string value) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("partnerhub-customer:" + value)), 0);
}
