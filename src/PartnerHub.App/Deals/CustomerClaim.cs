using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>
/// Makes "check for a conflict, then insert" one step for a customer, so that of two partners registering the same
/// customer at the same moment (on one instance or on two) exactly one is first and the other is refused. Take it in
/// the transaction that checks and inserts, before the exact-key check; it lasts until that transaction ends.
/// <list type="bullet">
/// <item>PostgreSQL: an advisory transaction lock per blocking key of each customer (its registrable domain and its
/// normalized name; a conflict needs one of them equal, so two conflicting registrations always meet on a key), all in
/// key order so that two claims never wait on each other crosswise. Registrations of different customers do not wait
/// at all; the locks go with the commit or rollback, or with a dropped session. Every claim also shares one lock
/// that <see cref="TakeEveryAsync"/> holds alone.</item>
/// <item>SQLite: one writer at a time anyway, so the claim is the write lock itself, which the transaction took when it
/// began (Microsoft.Data.Sqlite begins IMMEDIATE).</item>
/// </list>
/// </summary>
public static class CustomerClaim
{
    private static readonly long EveryCustomer = KeyOf("every customer");

    /// <summary>Claims the customers that <paramref name="identities"/> name for the rest of the current transaction.</summary>
    public static async Task TakeAsync(PartnerHubDb db, IEnumerable<CustomerIdentity> identities, CancellationToken ct)
    {
        if (!Needed(db)) return;
        var keys = Keys(identities);
        // One round trip. The shared lock comes first, so a claim never holds a customer while it waits for an import;
        // the function scan then locks key by key in the array's (sorted) order.
        await db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock_shared({EveryCustomer}); SELECT pg_advisory_xact_lock(k) FROM unnest({keys}) AS k", ct);
    }

    /// <summary>
    /// Claims every customer for the rest of the current transaction, for an import: its rows' customers are only known
    /// row by row, and a lock per row would fill PostgreSQL's lock table on a large file. Registrations wait meanwhile.
    /// </summary>
    public static async Task TakeEveryAsync(PartnerHubDb db, CancellationToken ct)
    {
        if (Needed(db)) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({EveryCustomer})", ct);
    }

    private static bool Needed(PartnerHubDb db)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A customer claim lasts as long as its transaction: begin one first.");
        return db.Provider != DatabaseProvider.Sqlite;
    }

    /// <summary>A stable 64-bit lock key per blocking key, in PartnerHub's own namespace (apart from <see cref="ScaleOut.JobLock"/>'s), sorted and distinct.</summary>
    internal static long[] Keys(IEnumerable<CustomerIdentity> identities) =>
        identities.SelectMany(KeysOf).Distinct().Order().ToArray();

    private static IEnumerable<long> KeysOf(CustomerIdentity identity)
    {
        if (identity.RegistrableDomain is { } domain) yield return KeyOf("domain:" + domain);
        if (!identity.Name.IsEmpty) yield return KeyOf("name:" + identity.Name.Key);
    }

    private static long KeyOf(string value) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("partnerhub-customer:" + value)), 0);
}
