using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Revenue;
using PartnerHub.Core.Common;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Deals;
using PartnerHub.Tests.Infrastructure;
using static PartnerHub.Tests.Revenue.RevenueData;

namespace PartnerHub.Tests.Facts;

/// <summary>
/// A partner's revenue facts kept between standings (<see cref="KeptRevenueFacts"/>) are never stale: an event
/// appended after the copy was kept, an older event attributed by hand, and an event another instance wrote all show
/// in the next read of the instance that keeps the copy.
/// </summary>
public abstract class KeptRevenueFactsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private AppHarness _app = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await AppHarness.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_kept_revenue_includes_appended_events_an_older_event_attributed_by_hand_and_another_instance_s_events()
    {
        var partner = await _app.PartnerOfAsync("integration");
        var stray = await _app.SendAsync(Payment("stray", "400.00", customer: "nobody-yet")); // kept unattributed, with the lowest id
        Assert.Null(stray.Event.PartnerId);
        await _app.SendAsync(Payment("first", "1000.00", partner: partner.Value.ToString()));
        Assert.Equal(100_000L, await RevenueAsync(_app, partner)); // this instance now keeps the partner's revenue

        await _app.SendAsync(Payment("appended", "250.00", partner: partner.Value.ToString()));
        Assert.Equal(125_000L, await RevenueAsync(_app, partner));

        // Attributed by hand: an id below the kept highest one joins the partner's events, so only a reload finds it.
        await _app.Run<AttributeRevenueEvent, Result<RevenueEventReceipt>>(a => a.HandleAsync(stray.Event.Id, partner.Value.ToString(), "found its partner", Ct));
        Assert.Equal(165_000L, await RevenueAsync(_app, partner));

        await using (var other = _app.Second())
        {
            await other.SendAsync(Payment("elsewhere", "5.00", partner: partner.Value.ToString()));
            Assert.Equal(165_500L, await RevenueAsync(other, partner));
        }

        Assert.Equal(165_500L, await RevenueAsync(_app, partner));
    }

    [Fact]
    public async Task An_event_committed_while_the_copy_catches_up_never_stands_in_for_an_older_event_attributed_by_hand()
    {
        var partner = await _app.PartnerOfAsync("integration");
        var stray = await _app.SendAsync(Payment("stray", "400.00", customer: "nobody-yet"));
        await _app.SendAsync(Payment("first", "1000.00", partner: partner.Value.ToString()));
        Assert.Equal(100_000L, await RevenueAsync(_app, partner));
        await _app.Run<AttributeRevenueEvent, Result<RevenueEventReceipt>>(a => a.HandleAsync(stray.Event.Id, partner.Value.ToString(), "found its partner", Ct));

        // The copy counts two events (the kept one and the stray); before it reads the events above its highest id, a
        // new one commits: one more above, one (the stray) below, so the count read first would match.
        var late = new Statements(2, () => _app.SendAsync(Payment("late", "25.00", partner: partner.Value.ToString())));
        await using var db = TestDatabases.Open(_app.Database, interceptors: late);
        var revenue = await _app.Services.GetRequiredService<KeptRevenueFacts>().ForPartnerAsync(db, partner, "USD", Ct);

        Assert.True(late.Wrote);
        Assert.Equal(142_500L, revenue.Sum(e => e.AmountMinor));
    }

    [Fact]
    public async Task An_event_this_instance_committed_joins_the_kept_revenue_so_the_next_standing_only_counts()
    {
        var partner = await _app.PartnerOfAsync("integration");
        await _app.SendAsync(Payment("first", "1000.00", partner: partner.Value.ToString()));
        Assert.Equal(100_000L, await RevenueAsync(_app, partner));
        await _app.SendAsync(Payment("next", "250.00", partner: partner.Value.ToString()));

        var statements = new Statements();
        await using var db = TestDatabases.Open(_app.Database, interceptors: statements);
        var revenue = await _app.Services.GetRequiredService<KeptRevenueFacts>().ForPartnerAsync(db, partner, "USD", Ct);

        Assert.Equal(125_000L, revenue.Sum(e => e.AmountMinor));
        Assert.Equal(1, statements.Count); // the count, found equal: no row read
    }

    /// <summary>Counts the database context's queries and, if given, runs <paramref name="write"/> (on its own connection) just before the n-th.</summary>
    private sealed class Statements(int writeBefore = 0, Func<Task>? write = null) : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public bool Wrote { get; private set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (++Count == writeBefore && write is not null)
            {
                await write();
                Wrote = true;
            }

            return result;
        }
    }

    private static async Task<long> RevenueAsync(AppHarness app, PartnerId partner)
    {
        var facts = await app.Run<FactStore, Result<PartnerFacts>>(f => f.ForPartnerAsync(partner, Currency.Parse("USD").Value, Ct));
        return facts.Ok().Revenue.Sum(e => e.AmountMinor);
    }
}

public sealed class KeptRevenueFactsOnSqlite() : KeptRevenueFactsTests(DatabaseProvider.Sqlite);

public sealed class KeptRevenueFactsOnPostgres() : KeptRevenueFactsTests(DatabaseProvider.Postgres);
