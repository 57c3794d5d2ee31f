using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>
/// The conflict check's view of every active registration and existing customer: one <see cref="CustomerIdentityIndex"/>
/// per process (a singleton), built from the database on first use and kept warm, so a check against a million
/// registrations costs microseconds instead of reading them all. It stays correct when other processes (a second web
/// instance, a CLI import) write to the same database:
/// <list type="bullet">
/// <item>Exact matches decide conflicts, so they are always read fresh: before each check (for a group of registrations,
/// once for the group under its customers' claim), the active registrations and customers with the candidate's
/// registrable domain, name key or skeleton are read by index and added.</item>
/// <item>Every registration a check matches is confirmed still active in the database; one decided elsewhere is
/// taken out and the check runs again. A stale entry can never block a partner.</item>
/// <item>Close-name matches (a "possible duplicate" for the manager, never a block) come from the in-memory trigram
/// index: this process updates it on every change it saves, and at most every <see cref="RefreshEvery"/> it catches
/// up on what anyone changed since it last looked (by <c>updated_at</c>, with an overlap for late commits). The check
/// that finds a catch-up due starts it in the background and goes on with the index as it is.</item>
/// </list>
/// The index allows concurrent reads but no write alongside anything: checks share a reader lock (the close-name walk
/// takes a millisecond at a million names, so checks run side by side on every core), changes take the writer lock for
/// microseconds.
/// </summary>
public sealed class DealIdentityIndex(TimeProvider clock, IServiceScopeFactory scopes, ILogger<DealIdentityIndex> log) : IDisposable
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(1);

    /// <summary>How far back a catch-up looks before the newest change it saw: covers transactions that committed late.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    /// <summary>Registrations a catch-up reads at a time.</summary>
    internal const int CatchUpPage = 500;

    /// <summary>
    /// The catch-up's rest between pages. A minute of registrations at 500 a second plus the overlap is some 90,000
    /// rows: read back to back, a second of slow answers every minute (docs/performance.md, seventeenth pass); paced,
    /// the same work is spread over a few seconds. Wall-clock time on purpose: it spreads CPU, which a test's clock does not.
    /// </summary>
    private static readonly TimeSpan PagePause = TimeSpan.FromMilliseconds(20);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly ReaderWriterLockSlim _gate = new();
    private CustomerIdentityIndex? _index;
    private DateTimeOffset? _newestSeen;
    private long _refreshedAtTicks;
    private Task _refreshing = Task.CompletedTask;

    /// <summary>Registrations and customers the index holds (none before its first build).</summary>
    internal int Live => Volatile.Read(ref _index)?.Count ?? 0;

    /// <summary>Removed entries the index still holds (none before its first build).</summary>
    internal int Tombstones => Volatile.Read(ref _index)?.Tombstones ?? 0;

    /// <summary>Checks <paramref name="candidate"/> against every active registration and existing customer, close names included.</summary>
    public Task<ConflictResult> CheckAsync(PartnerHubDb db, RegistrationCandidate candidate, CancellationToken ct) =>
        CheckAsync(db, candidate, closeNames: true, ct);

    /// <summary>
    /// The check without close names: every match that can refuse or outrank a registration, and the cheap look-alikes.
    /// What approval and the CSV import need, which act only on conflicts.
    /// </summary>
    public Task<ConflictResult> CheckExactKeysAsync(PartnerHubDb db, RegistrationCandidate candidate, CancellationToken ct) =>
        CheckAsync(db, candidate, closeNames: false, ct);

    /// <summary>
    /// The whole check again, close names included, right after an exact-key check of the same candidate, for the
    /// answer to a registration already stored: its exact matches were just read fresh and confirmed, so they are not
    /// read again, and nothing is confirmed. What it adds only flags a possible duplicate, so a close name decided by
    /// another process since the last catch-up may still be named; the registration's live view confirms every match.
    /// </summary>
    public async Task<ConflictResult> RecheckWithCloseNamesAsync(PartnerHubDb db, RegistrationCandidate candidate, CancellationToken ct)
    {
        var index = await ReadyAsync(db, ct);
        using (Reading()) return ConflictCheck.Check(candidate, index, closeNames: true);
    }

    /// <summary>
    /// Reads fresh from the database every active registration and customer that shares an exact key with one of
    /// <paramref name="identities"/>, for <see cref="CheckExactKeysAsReadAsync"/>: a group of registrations reads its
    /// customers once, under their claim, instead of once per registration.
    /// </summary>
    public async Task ReadExactMatchesAsync(PartnerHubDb db, IReadOnlyCollection<CustomerIdentity> identities, CancellationToken ct) =>
        await AddExactMatchesAsync(db, await ReadyAsync(db, ct), identities, ct);

    /// <summary>The exact-key check against the index as <see cref="ReadExactMatchesAsync"/> left it for the candidate's customer.</summary>
    public async Task<ConflictResult> CheckExactKeysAsReadAsync(PartnerHubDb db, RegistrationCandidate candidate, CancellationToken ct) =>
        await ConfirmedAsync(db, await ReadyAsync(db, ct), candidate, closeNames: false, ct);

    private async Task<ConflictResult> CheckAsync(PartnerHubDb db, RegistrationCandidate candidate, bool closeNames, CancellationToken ct)
    {
        var index = await ReadyAsync(db, ct);
        await AddExactMatchesAsync(db, index, [CustomerIdentity.Of(candidate.CustomerName, candidate.CustomerDomain)], ct);
        return await ConfirmedAsync(db, index, candidate, closeNames, ct);
    }

    /// <summary>Checks against the index as it is, confirming in the database that every registration matched is still active.</summary>
    private async Task<ConflictResult> ConfirmedAsync(PartnerHubDb db, CustomerIdentityIndex index, RegistrationCandidate candidate, bool closeNames, CancellationToken ct)
    {
        while (true)
        {
            ConflictResult result;
            using (Reading()) result = ConflictCheck.Check(candidate, index, closeNames);
            var matched = result.Matches.Where(m => m.RegistrationId is not null).Select(m => m.RegistrationId!.Value).Distinct().ToList();
            if (matched.Count == 0) return result;
            // By id alone, status filtered here: with the status in the WHERE, SQLite's planner picks the status index
            // and walks every active registration (0.35 s at a million) instead of twenty primary-key look-ups.
            var active = (await Registrations(db).Where(d => matched.Contains(d.Id)).Select(d => new { d.Id, d.Status }).ToListAsync(ct))
                .Where(d => d.Status.IsActive()).Select(d => d.Id).ToList();
            if (active.Count == matched.Count) return result;
            using (Writing())
                foreach (var gone in matched.Except(active)) index.Remove(gone);
        }
    }

    /// <summary>Builds the index if this process has none yet (reading every active registration), or catches it up when due.</summary>
    public Task WarmAsync(PartnerHubDb db, CancellationToken ct) => ReadyAsync(db, ct);

    /// <summary>Call after saving registrations: active ones go in (if not in already), decided ones come out.</summary>
    public void Applied(params IEnumerable<DealRegistration> deals)
    {
        var saved = deals.ToList();
        Apply(index =>
        {
            foreach (var deal in saved)
                if (deal.Status.IsActive()) index.Add(ActiveRegistration.From(deal));
                else index.Remove(deal.Id);
        });
    }

    /// <summary>Call after saving a customer.</summary>
    public void Applied(Customer customer)
    {
        var saved = customer.ToExistingCustomer();
        Apply(index => index.Add(saved));
    }

    /// <summary>
    /// Changes saved while a build reads the database, applied again to the index it makes. The build may have read
    /// before such a save committed; without this, swapping in the new index dropped the change until a catch-up read
    /// it again, and the first refresh, which builds anew when the first build found nothing, runs no catch-up after.
    /// </summary>
    private List<Action<CustomerIdentityIndex>>? _savedDuringBuild;

    private void Apply(Action<CustomerIdentityIndex> change)
    {
        using (Writing())
        {
            if (_index is not null) change(_index);
            _savedDuringBuild?.Add(change);
        }
    }

    private static IQueryable<DealRegistration> Registrations(PartnerHubDb db) =>
        db.DealRegistrations.IgnoreQueryFilters([PartnerScopeFilter.Name]).AsNoTracking(); // conflicts span partners

    private static IQueryable<Customer> Customers(PartnerHubDb db) =>
        db.Customers.IgnoreQueryFilters([PartnerScopeFilter.Name]).AsNoTracking(); // partner users check against customers they cannot read

    private async Task AddExactMatchesAsync(PartnerHubDb db, CustomerIdentityIndex index, IReadOnlyCollection<CustomerIdentity> identities, CancellationToken ct)
    {
        // PostgreSQL reads the keys of all the identities in one statement per table. SQLite's planner, without
        // statistics, walks the status index (every active registration) for several keys, and a key's own partial index
        // only for one; a statement costs SQLite no round trip, so it reads identity by identity.
        if (db.Provider == DatabaseProvider.Sqlite && identities.Count > 1)
        {
            foreach (var identity in identities) await AddExactMatchesAsync(db, index, [identity], ct);
            return;
        }

        // Stored keys are never empty, so empty keys are left out.
        var domains = identities.Select(i => i.RegistrableDomain).OfType<string>().Distinct().ToList();
        var names = identities.Where(i => !i.Name.IsEmpty).Select(i => i.Name).ToList();
        var keys = names.Select(n => n.Key).Distinct().ToList();
        var skeletons = names.Select(n => n.Skeleton).Distinct().ToList();
        // One look-up per key, glued with UNION ALL: each uses its own partial index. Written as one OR, SQLite's
        // planner walks the status index instead: every active registration, a third of a second at a million.
        var active = Registrations(db).Where(d => d.Status == DealStatus.Submitted || d.Status == DealStatus.Approved);
        var registrations = (await active.Where(d => domains.Contains(d.CustomerRegistrableDomain))
                .Concat(active.Where(d => keys.Contains(d.CustomerNameKey)))
                .Concat(active.Where(d => skeletons.Contains(d.CustomerNameSkeleton)))
                .Select(d => new ActiveRegistration(d.Id, d.PartnerId, d.CustomerName, d.CustomerHost, d.SubmittedAt))
                .ToListAsync(ct))
            .DistinctBy(r => r.Id).ToList();
        var customers = await Customers(db)
            .Where(c => domains.Contains(c.RegistrableDomain!) || keys.Contains(c.NameKey) || skeletons.Contains(c.NameSkeleton))
            .Select(c => new ExistingCustomer(c.Reference, c.Name, c.Domain))
            .ToListAsync(ct);
        if (registrations.Count == 0 && customers.Count == 0) return; // a new customer, the usual case: no writer lock to wait for
        using (Writing())
        {
            foreach (var registration in registrations) index.Add(registration);
            foreach (var customer in customers) index.Add(customer);
        }
    }

    /// <summary>
    /// The index, built on first use (the caller waits) and refreshed when due, in the background (the caller goes on with
    /// the index as it is: exact keys are read fresh anyway). A refresh catches up, or builds the index anew when the
    /// registrations decided since its build (each a tombstone) outnumber the live entries, so a long-running process
    /// does not carry them forever. Such a rebuild reads no more rows than the tombstones it sheds, so its cost per
    /// decided registration stays constant.
    /// </summary>
    private async Task<CustomerIdentityIndex> ReadyAsync(PartnerHubDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var ready = Volatile.Read(ref _index);
        if (ready is not null && now - Interlocked.Read(ref _refreshedAtTicks) < RefreshEvery.Ticks) return ready;
        if (ready is not null)
        {
            if (await _loading.WaitAsync(0, ct)) // else a refresh or the build runs already
            {
                Interlocked.Exchange(ref _refreshedAtTicks, now);
                _refreshing = Task.Run(RefreshAsync, CancellationToken.None);
            }

            return ready;
        }

        await _loading.WaitAsync(ct);
        try
        {
            if (_index is null) await BuildAsync(db, ct);
            Interlocked.Exchange(ref _refreshedAtTicks, now);
            return _index!;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The refresh running or last run, for tests to wait on.</summary>
    internal Task Refreshing => _refreshing;

    private async Task RefreshAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
            if (_index!.Tombstones > _index.Count) await BuildAsync(db, CancellationToken.None);
            await CatchUpAsync(db, CancellationToken.None); // after a rebuild: what was saved meanwhile went into the old index
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Close names stay a minute staler; exact keys are read fresh by every check. The next refresh tries again.
            log.LogWarning(e, "The conflict index could not catch up; it tries again in {Minutes} minute(s).", RefreshEvery.TotalMinutes);
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task BuildAsync(PartnerHubDb db, CancellationToken ct)
    {
        using (Writing()) _savedDuringBuild = [];
        try
        {
            var registrations = await Registrations(db)
                .Where(d => d.Status == DealStatus.Submitted || d.Status == DealStatus.Approved)
                .Select(d => new { Registration = new ActiveRegistration(d.Id, d.PartnerId, d.CustomerName, d.CustomerHost, d.SubmittedAt), d.UpdatedAt })
                .ToListAsync(ct);
            var customers = await Customers(db)
                .Select(c => new { Customer = new ExistingCustomer(c.Reference, c.Name, c.Domain), c.UpdatedAt })
                .ToListAsync(ct);
            var index = CustomerIdentityIndex.Build(registrations.Select(r => r.Registration), customers.Select(c => c.Customer));
            using (Writing())
            {
                foreach (var change in _savedDuringBuild!) change(index);
                _index = index;
            }

            See(registrations.Select(r => r.UpdatedAt).Concat(customers.Select(c => c.UpdatedAt)));
        }
        finally
        {
            using (Writing()) _savedDuringBuild = null;
        }
    }

    private async Task CatchUpAsync(PartnerHubDb db, CancellationToken ct)
    {
        if (_newestSeen is not { } newest)
        {
            // Nothing was there at build time: everything since is new, and there is little of it.
            await BuildAsync(db, ct);
            return;
        }

        var start = newest - Overlap;
        var customers = await Customers(db).Where(c => c.UpdatedAt >= start)
            .Select(c => new { Customer = new ExistingCustomer(c.Reference, c.Name, c.Domain), c.UpdatedAt })
            .ToListAsync(ct);
        // A page at a time, in the order of the changes, with a rest between pages (PagePause): read in one statement, the
        // window of a busy registration load (27,000 rows at 500 a second) made a reader of a fifth of a second, which
        // SQLite's checkpoint restarts waited on while they held the writers back, a second of slow answers every minute
        // (docs/performance.md, sixteenth pass). Each page goes into the index under the writer lock, so checks in between
        // see part of what was read, which only ever affects close names; the next catch-up reads it all again anyway.
        for (var (from, after) = (start, false); ;)
        {
            var changed = after ? Registrations(db).Where(d => d.UpdatedAt > from) : Registrations(db).Where(d => d.UpdatedAt >= from);
            var page = await ChangedAsync(changed, CatchUpPage, ct);
            var last = page.Count == 0 ? from : page[^1].UpdatedAt;
            var oneInstant = page.Count == CatchUpPage && page[0].UpdatedAt == last;
            if (oneInstant) page.AddRange(await ChangedAsync(Registrations(db).Where(d => d.UpdatedAt == last), int.MaxValue, ct)); // all of that instant, then past it
            using (Writing())
                foreach (var r in page)
                    if (r.Status.IsActive()) _index!.Add(r.Registration);
                    else _index!.Remove(r.Registration.Id);
            See(page.Select(r => r.UpdatedAt));
            if (page.Count < CatchUpPage) break;
            await Task.Delay(PagePause, TimeProvider.System, ct);
            (from, after) = (last, oneInstant); // unless read whole, the last instant is read again: the next page may continue it
        }

        foreach (var chunk in customers.Chunk(1_000))
            using (Writing())
                foreach (var c in chunk) _index!.Add(c.Customer);

        See(customers.Select(c => c.UpdatedAt));
    }

    private sealed record Change(ActiveRegistration Registration, DealStatus Status, DateTimeOffset UpdatedAt);

    /// <summary>The first <paramref name="count"/> of <paramref name="registrations"/>, oldest change first.</summary>
    private static async Task<List<Change>> ChangedAsync(IQueryable<DealRegistration> registrations, int count, CancellationToken ct) =>
        await registrations.OrderBy(d => d.UpdatedAt).Take(count)
            .Select(d => new Change(new ActiveRegistration(d.Id, d.PartnerId, d.CustomerName, d.CustomerHost, d.SubmittedAt), d.Status, d.UpdatedAt))
            .ToListAsync(ct);

    public void Dispose()
    {
        _refreshing.Wait(TimeSpan.FromSeconds(10)); // a refresh in the background uses both locks; it never throws
        _loading.Dispose();
        _gate.Dispose();
    }

    // Held only around synchronous work: ReaderWriterLockSlim belongs to the thread that took it, so no await inside.
    private Held Reading()
    {
        _gate.EnterReadLock();
        return new Held(_gate, write: false);
    }

    private Held Writing()
    {
        _gate.EnterWriteLock();
        return new Held(_gate, write: true);
    }

    private readonly struct Held(ReaderWriterLockSlim gate, bool write) : IDisposable
    {
        public void Dispose()
        {
            if (write) gate.ExitWriteLock();
            else gate.ExitReadLock();
        }
    }

    private void See(IEnumerable<DateTimeOffset> changes)
    {
        foreach (var at in changes)
            if (_newestSeen is null || at > _newestSeen) _newestSeen = at;
    }
}
