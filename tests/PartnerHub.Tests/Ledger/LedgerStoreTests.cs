using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Ledger;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Deals;
using PartnerHub.Tests.Infrastructure;
using static PartnerHub.Tests.Ledger.LedgerData;

namespace PartnerHub.Tests.Ledger;

/// <summary>The ledger in the database: append-only by trigger, idempotent posting under concurrency, dated balances, releases.</summary>
public abstract class LedgerStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private AppHarness _app = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await AppHarness.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A row in every append-only table: the seed program, the partner's audit entry, an accrual, and a closed statement.</summary>
    private async Task<PartnerId> LedgerWithAStatementAsync()
    {
        var partner = await _app.PartnerAsync();
        await _app.PostAsync(Accrual(_app, partner, RevenueShare(1_000_00, 10m)));
        _app.Clock.Advance(TimeSpan.FromDays(31));
        (await _app.Run<CloseStatements, Result<CloseStatements.Closed>>(u => u.HandleAsync("2026-06", Ct))).Ok();
        return partner;
    }

    [Theory]
    [InlineData("ledger_entries", "amount_minor = amount_minor + 1")]
    [InlineData("ledger_transactions", "description = 'edited'")]
    [InlineData("statements", "closing_payable_minor = 0")]
    [InlineData("statement_lines", "explanation = 'edited'")]
    [InlineData("audit_entries", "actor = 'someone else'")]
    [InlineData("program_versions", "yaml = 'edited'")]
    public async Task The_database_refuses_to_update_or_delete_an_append_only_row(string table, string change)
    {
        await LedgerWithAStatementAsync();
        await using var db = _app.Open();
        var rows = await CountAsync(db, table);
        Assert.True(rows > 0);

#pragma warning disable EF1002 // table and column names are test constants, not input
        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync($"UPDATE {table} SET {change}", Ct));
        Assert.Contains($"{table} is append-only: UPDATE refused", update.Message);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync($"DELETE FROM {table}", Ct));
        Assert.Contains($"{table} is append-only: DELETE refused", delete.Message);
        if (provider == DatabaseProvider.Postgres)
        {
            var truncate = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync($"TRUNCATE {table} CASCADE", Ct));
            Assert.Contains("append-only: TRUNCATE refused", truncate.Message);
        }
#pragma warning restore EF1002

        Assert.Equal(rows, await CountAsync(db, table));
    }

    [Fact]
    public async Task An_entry_changed_through_EF_Core_is_refused_by_the_database_too()
    {
        var partner = await _app.PartnerAsync();
        var accrual = await _app.PostAsync(Accrual(_app, partner, RevenueShare(1_000_00, 10m)));
        await using var db = _app.Open();
        var line = await db.LedgerEntries.SingleAsync(e => e.TransactionId == accrual.Id && e.PartnerId == partner, Ct);
        db.Entry(line).Property(e => e.AmountMinor).CurrentValue = -1;
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        db.ChangeTracker.Clear();
        db.LedgerEntries.Remove(await db.LedgerEntries.SingleAsync(e => e.TransactionId == accrual.Id && e.PartnerId == partner, Ct));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        await using var check = _app.Open();
        Assert.Equal(-10_000L, (await check.LedgerEntries.SingleAsync(e => e.TransactionId == accrual.Id && e.PartnerId == partner, Ct)).AmountMinor);
    }

    [Fact]
    public async Task Fifty_concurrent_posts_of_the_same_source_make_exactly_one_transaction()
    {
        var partner = await _app.PartnerAsync();
        const string source = "revenue-event:INV-2026-0042";
        // Fifty deliveries of one event, each turned into its own (identical) transaction by its own request.
        var attempts = Enumerable.Range(0, 50).Select(_ => Accrual(_app, partner, RevenueShare(4_321_00, 12.5m), source: source)).ToArray();
        using var start = new SemaphoreSlim(0);
        var posts = attempts.Select(async t =>
        {
            await start.WaitAsync(Ct);
            return await _app.Run<PostTransaction, Result<PostTransaction.Posted>>(p => p.HandleAsync(t, Ct));
        }).ToArray();
        start.Release(posts.Length);
        var results = (await Task.WhenAll(posts)).Select(r => r.Ok()).ToArray();

        Assert.Single(results, r => r.Created);
        var winner = Assert.Single(results.Select(r => r.Transaction.Id).Distinct());
        await using var db = _app.Open();
        Assert.Equal(1, await db.LedgerTransactions.CountAsync(t => t.SourceKey == source, Ct));
        Assert.Equal(2, await db.LedgerEntries.CountAsync(e => e.TransactionId == winner, Ct));
        var balance = (await _app.Run<GetPartnerBalance, Result<IReadOnlyList<PartnerBalance>>>(u => u.HandleAsync(partner, null, Ct))).Ok();
        Assert.Equal(54_013L, Assert.Single(balance).Held.Minor); // 4,321.00 × 12.5% = 540.125 → 540.13, once
    }

    [Fact]
    public async Task A_post_that_loses_the_race_between_its_look_up_and_its_insert_returns_the_winner()
    {
        var partner = await _app.PartnerAsync();
        var winner = Accrual(_app, partner, RevenueShare(1_000_00, 10m), source: "event:race");
        var loser = Accrual(_app, partner, RevenueShare(1_000_00, 10m), source: "event:race");

        // Right after the loser's look-up found nothing, another request posts the same source.
        var interceptor = new AfterFirstLookUp(() => _app.PostAsync(winner));
        await using var db = OpenWith(interceptor);
        var result = (await new PostTransaction(db).HandleAsync(loser, Ct)).Ok();

        Assert.True(interceptor.Fired);
        Assert.Equal((winner.Id, false), (result.Transaction.Id, result.Created));
        await using var check = _app.Open();
        Assert.Equal(1, await check.LedgerTransactions.CountAsync(t => t.SourceKey == "event:race", Ct));
    }

    [Fact]
    public async Task A_different_transaction_under_a_used_source_key_is_refused_and_a_replay_returns_the_original()
    {
        var partner = await _app.PartnerAsync();
        var first = await _app.PostAsync(Accrual(_app, partner, RevenueShare(1_000_00, 10m), source: "event:1"));
        var replay = (await _app.Run<PostTransaction, Result<PostTransaction.Posted>>(p => p.HandleAsync(Accrual(_app, partner, RevenueShare(1_000_00, 10m), source: "event:1"), Ct))).Ok();
        Assert.Equal((first.Id, false), (replay.Transaction.Id, replay.Created));
        Assert.Equal(first.Entries, replay.Transaction.Entries); // lines, explanations and bases survive the round trip

        var different = await _app.Run<PostTransaction, Result<PostTransaction.Posted>>(p => p.HandleAsync(Accrual(_app, partner, RevenueShare(2_000_00, 10m), source: "event:1"), Ct));
        different.Failed("ledger_duplicate_source");
    }

    [Fact]
    public async Task A_partner_s_balance_is_known_at_any_date()
    {
        var partner = await _app.PartnerAsync();
        var day = _app.Today;
        var accrual = await _app.PostAsync(Accrual(_app, partner, RevenueShare(1_000_00, 10m), on: day));
        await _app.PostAsync(Commissions.Clawback("refund:1", accrual, [], Usd_(3_000), "Refund", day.AddDays(5), _app.Clock.GetUtcNow()));

        async Task<long?> HeldOn(DateOnly date) =>
            (await _app.Run<GetPartnerBalance, Result<IReadOnlyList<PartnerBalance>>>(u => u.HandleAsync(partner, date, Ct))).Ok().SingleOrDefault()?.Held.Minor;
        Assert.Null(await HeldOn(day.AddDays(-1)));
        Assert.Equal(10_000L, await HeldOn(day));
        Assert.Equal(10_000L, await HeldOn(day.AddDays(4)));
        Assert.Equal(7_000L, await HeldOn(day.AddDays(5)));
    }

    [Fact]
    public async Task Held_commission_is_released_after_the_holding_period_once_dated_the_day_it_runs()
    {
        var partner = await _app.PartnerAsync();
        await _app.PostAsync(Accrual(_app, partner, RevenueShare(1_000_00, 10m)));
        async Task<int> Release() => (await _app.Run<ReleaseHeldCommissions, Result<int>>(u => u.HandleAsync(Ct))).Ok();

        _app.Clock.Advance(TimeSpan.FromDays(44)); // the program holds commission for 45 days
        Assert.Equal(0, await Release());
        _app.Clock.Advance(TimeSpan.FromDays(3)); // a late run: two days after it was due
        var service = new CommissionReleaseService(_app.Services.GetRequiredService<IServiceScopeFactory>(), _app.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<CommissionReleaseService>.Instance);
        Assert.Equal(1, await service.RunOnceAsync(Ct));
        Assert.Equal(0, await Release());

        var balance = Assert.Single((await _app.Run<GetPartnerBalance, Result<IReadOnlyList<PartnerBalance>>>(u => u.HandleAsync(partner, null, Ct))).Ok());
        Assert.Equal((0L, 10_000L), (balance.Held.Minor, balance.Payable.Minor));
        await using var db = _app.Open();
        var release = await db.LedgerTransactions.SingleAsync(t => t.Kind == LedgerTransactionKind.Release, Ct);
        Assert.Equal(_app.Today, release.OccurredOn); // never back-dated to the due date
    }

    [Fact]
    public async Task A_chunk_posted_in_one_save_keeps_what_another_process_posted_first_and_posts_the_rest()
    {
        var partner = await _app.PartnerAsync();
        var first = await _app.PostAsync(Accrual(_app, partner, RevenueShare(1_000_00, 10m), source: "event:a"));
        var chunk = new[] { Accrual(_app, partner, RevenueShare(1_000_00, 10m), source: "event:a"), Accrual(_app, partner, RevenueShare(2_000_00, 10m), source: "event:b") };

        Assert.Equal(1, (await _app.Run<PostTransaction, Result<int>>(p => p.HandleAllAsync(chunk, Ct))).Ok());
        await using var db = _app.Open();
        Assert.Equal(first.Id, (await db.LedgerTransactions.SingleAsync(t => t.SourceKey == "event:a", Ct)).Id);
        Assert.Equal(1, await db.LedgerTransactions.CountAsync(t => t.SourceKey == "event:b", Ct));
        var balance = (await _app.Run<GetPartnerBalance, Result<IReadOnlyList<PartnerBalance>>>(u => u.HandleAsync(partner, null, Ct))).Ok();
        Assert.Equal(30_000L, Assert.Single(balance).Held.Minor);
    }

    [Fact]
    public async Task A_backlog_of_more_than_a_chunk_is_released_in_one_run_and_only_once()
    {
        var partners = new[] { await _app.PartnerAsync(), await _app.PartnerAsync() };
        var accruals = Enumerable.Range(0, 1_203).Select(i => Accrual(_app, partners[i % 2], RevenueShare(100_00 + i, 10m), source: $"event:{i}")).ToList();
        Assert.Equal(1_203, (await _app.Run<PostTransaction, Result<int>>(p => p.HandleAllAsync(accruals, Ct))).Ok());
        async Task<int> Release() => (await _app.Run<ReleaseHeldCommissions, Result<int>>(u => u.HandleAsync(Ct))).Ok();

        _app.Clock.Advance(TimeSpan.FromDays(45));
        Assert.Equal(1_203, await Release());
        Assert.Equal(0, await Release());
        foreach (var partner in partners)
        {
            var accrued = accruals.SelectMany(a => a.Entries).Where(e => e.PartnerId == partner).Sum(e => Math.Abs(e.Amount.Minor));
            var balance = Assert.Single((await _app.Run<GetPartnerBalance, Result<IReadOnlyList<PartnerBalance>>>(u => u.HandleAsync(partner, null, Ct))).Ok());
            Assert.Equal((0L, accrued), (balance.Held.Minor, balance.Payable.Minor));
        }
    }

    private PartnerHubDb OpenWith(IInterceptor interceptor)
    {
        if (_app.Database.Provider == DatabaseProvider.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqlitePartnerHubDb>();
            Database.Configure(options, _app.Database.Provider, _app.Database.ConnectionString).AddInterceptors(interceptor);
            return new SqlitePartnerHubDb(options.Options, new PartnerHub.App.Identity.Actor(), _app.Clock);
        }

        var pg = new DbContextOptionsBuilder<PostgresPartnerHubDb>();
        Database.Configure(pg, _app.Database.Provider, _app.Database.ConnectionString).AddInterceptors(interceptor);
        return new PostgresPartnerHubDb(pg.Options, new PartnerHub.App.Identity.Actor(), _app.Clock);
    }

    /// <summary>Runs <paramref name="action"/> once, when the first look-up of a source key has read its (empty) result.</summary>
    private sealed class AfterFirstLookUp(Func<Task> action) : DbCommandInterceptor
    {
        public bool Fired { get; private set; }

        public override async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            if (!Fired && command.CommandText.Contains("source_key", StringComparison.Ordinal))
            {
                Fired = true;
                await action();
            }

            return result;
        }
    }

    private static async Task<long> CountAsync(PartnerHubDb db, string table)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class LedgerStoreOnSqlite() : LedgerStoreTests(DatabaseProvider.Sqlite);

public sealed class LedgerStoreOnPostgres() : LedgerStoreTests(DatabaseProvider.Postgres);
