using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PartnerHub.App;
using PartnerHub.App.Persistence;
using PartnerHub.App.ScaleOut;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.ScaleOut;

/// <summary>
/// What instances share through the database, each store used from two "instances" (two objects over one database):
/// rate-limit counters, the data-protection key ring, and the periodic jobs' lock (PostgreSQL only; SQLite is single-node).
/// </summary>
public abstract class SharedStoresTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IServiceScopeFactory Scopes => app.Services.GetRequiredService<IServiceScopeFactory>();

    [Fact]
    public async Task Rate_counts_are_one_budget_per_key_and_window_whichever_instance_counts()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 9, 0, 10, TimeSpan.Zero));
        var (one, two) = (new SharedRateCounter(Scopes, clock), new SharedRateCounter(Scopes, clock));
        var (key, window) = (Build.Unique("client-"), TimeSpan.FromMinutes(1));

        Assert.Null(await one.TryTakeAsync(key, 3, window, Ct));
        Assert.Null(await two.TryTakeAsync(key, 3, window, Ct));
        Assert.Null(await one.TryTakeAsync(key, 3, window, Ct));
        Assert.Equal(TimeSpan.FromSeconds(50), await two.TryTakeAsync(key, 3, window, Ct)); // the window ends at 9:01
        Assert.Null(await one.TryTakeAsync(Build.Unique("other-"), 3, window, Ct));

        clock.Advance(window); // a new window, a new budget
        Assert.Null(await one.TryTakeAsync(key, 3, window, Ct));

        // An instance whose clock lags a minute counts in the window the others opened; it does not reset it.
        var lagging = new SharedRateCounter(Scopes, new FakeTimeProvider(clock.GetUtcNow() - window));
        Assert.Null(await lagging.TryTakeAsync(key, 3, window, Ct));
        Assert.Null(await lagging.TryTakeAsync(key, 3, window, Ct));
        Assert.NotNull(await lagging.TryTakeAsync(key, 3, window, Ct));
    }

    [Fact]
    public async Task A_large_budget_is_reserved_in_blocks_and_two_instances_together_grant_exactly_the_budget()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 9, 0, 10, TimeSpan.Zero));
        var (one, two) = (new SharedRateCounter(Scopes, clock), new SharedRateCounter(Scopes, clock));
        var key = Build.Unique("api-");
        var window = TimeSpan.FromMinutes(1);
        const int limit = 160; // blocks of 3, the last one cut to 1

        Assert.Null(await one.TryTakeAsync(key, limit, window, Ct));
        Assert.Equal(3, (await CountAsync(key)).Hits); // the first call reserved a block
        Assert.Null(await one.TryTakeAsync(key, limit, window, Ct));
        Assert.Equal(3, (await CountAsync(key)).Hits); // the next came from memory

        clock.Advance(window); // the block's last permit belongs to the window that passed
        Assert.Null(await one.TryTakeAsync(key, limit, window, Ct));
        Assert.Equal((3, clock.GetUtcNow().AddSeconds(-10).ToUnixTimeMilliseconds()), await CountAsync(key));

        var granted = 1;
        for (var i = 0; i < 2 * limit; i++)
            if (await (i % 2 == 0 ? two : one).TryTakeAsync(key, limit, window, Ct) is null) granted++;
        Assert.Equal(limit, granted);
    }

    private async Task<(long Hits, long WindowStart)> CountAsync(string key)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var row = await db.Set<RateLimitWindow>().AsNoTracking().SingleAsync(w => w.Subject == key, Ct);
        return (row.Hits, row.WindowStart);
    }

    [Fact]
    public void A_data_protection_key_stored_by_one_instance_is_read_by_another()
    {
        var id = Guid.NewGuid().ToString();
        new DatabaseKeyRepository(Scopes).StoreElement(new XElement("key", new XAttribute("id", id), new XElement("secret", "s")), "key-" + id);

        var read = new DatabaseKeyRepository(Scopes).GetAllElements();
        Assert.Single(read, e => (string?)e.Attribute("id") == id);
    }

    [Fact]
    public async Task A_periodic_job_started_on_two_instances_at_once_runs_once_on_PostgreSQL()
    {
        var runs = new RunCounter();
        var operation = Build.Unique("test-job-");
        var (one, two) = (new SlowJob(Scopes, runs, operation), new SlowJob(Scopes, runs, operation));

        // One is inside its run (holding the lock) when two starts; on PostgreSQL two then skips, on SQLite it runs too.
        var first = one.RunOnceAsync(Ct);
        await UntilAsync(() => runs.Count == 1);
        var second = two.RunOnceAsync(Ct);
        await UntilAsync(() => second.IsCompleted || runs.Count == 2);
        runs.Release.SetResult();
        await Task.WhenAll(first, second);

        // SQLite is the single-node setup: no lock, both run.
        Assert.Equal(app.Provider == DatabaseProvider.Postgres ? 1 : 2, runs.Count);

        // The lock is released after the run: the next tick runs again.
        await one.RunOnceAsync(Ct);
        Assert.Equal(app.Provider == DatabaseProvider.Postgres ? 2 : 3, runs.Count);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition()) await Task.Delay(10, timeout.Token);
    }

    private sealed class RunCounter
    {
        private int _count;

        /// <summary>Runs wait for this, so the test decides when a run ends instead of guessing with a sleep.</summary>
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    /// <summary>A job whose run lasts until the test releases it, so the other instance's run starts meanwhile.</summary>
    private sealed class SlowJob(IServiceScopeFactory scopes, RunCounter runs, string operation) : PeriodicJob(scopes, TimeProvider.System, NullLogger.Instance)
    {
        public override TimeSpan Interval => TimeSpan.FromHours(1);

        protected override string Operation => operation;

        protected override async Task<(int Changed, string? Refusal)> RunAsync(IServiceProvider services, CancellationToken ct)
        {
            runs.Add();
            await runs.Release.Task.WaitAsync(ct);
            return (1, null);
        }
    }
}

public sealed class SharedStoresOnSqlite(SqliteApp app) : SharedStoresTests<SqliteApp>(app);

public sealed class SharedStoresOnPostgres(PostgresApp app) : SharedStoresTests<PostgresApp>(app);
