using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Deals;
using PartnerHub.App.Ledger;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;
using PartnerHub.Tests.Ledger;

namespace PartnerHub.Tests.Deals;

/// <summary>
/// A partner user (an actor confined to one partner) reads and writes only its own registrations, balances and
/// statements, through every use case and even through the DbContext directly, on SQLite and PostgreSQL.
/// </summary>
public abstract class PartnerScopeTests(DatabaseProvider provider) : IAsyncLifetime
{
    private AppHarness _app = null!;
    private PartnerId _a;
    private PartnerId _b;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = await AppHarness.CreateAsync(provider);
        (_a, _b) = (await _app.PartnerAsync(), await _app.PartnerAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_partner_user_lists_and_reads_only_its_own_registrations()
    {
        var own = new[] { await _app.RegisteredAsync(_a), await _app.ApprovedAsync(_a) };
        var foreign = await _app.RegisteredAsync(_b);

        var list = (await _app.Run<ListDeals, Result<Page<DealView>>>(u => u.HandleAsync(new DealQuery(), Ct), As.PartnerUser(_a))).Ok();
        Assert.Equal(own.Select(d => d.Value).Order(), list.Items.Select(d => d.Id).Order());
        Assert.Equal(2, list.Total);
        var asked = (await _app.Run<ListDeals, Result<Page<DealView>>>(u => u.HandleAsync(new DealQuery { PartnerId = _b }, Ct), As.PartnerUser(_a))).Ok();
        Assert.Empty(asked.Items);
        var approvedOnly = (await _app.Run<ListDeals, Result<Page<DealView>>>(u => u.HandleAsync(new DealQuery { Status = "approved" }, Ct), As.PartnerUser(_a))).Ok();
        Assert.Equal([own[1].Value], approvedOnly.Items.Select(d => d.Id));

        var foreignRead = await _app.Run<GetDeal, Result<GetDeal.DealDetails>>(u => u.HandleAsync(foreign, Ct), As.PartnerUser(_a));
        var missingRead = await _app.Run<GetDeal, Result<GetDeal.DealDetails>>(u => u.HandleAsync(DealId.New(), Ct), As.PartnerUser(_a));
        Assert.Equal(foreignRead.Failed("not_found").Kind, missingRead.Failed("not_found").Kind); // a foreign id looks exactly like a missing one

        var all = (await _app.Run<ListDeals, Result<Page<DealView>>>(u => u.HandleAsync(new DealQuery(), Ct), As.Manager)).Ok();
        Assert.Equal(3, all.Total);
    }

    [Fact]
    public async Task A_partner_user_cannot_register_act_on_or_decide_another_partner_s_registrations()
    {
        (await _app.RegisterAsync(_b, DealData.Details(), As.PartnerUser(_a))).Failed("not_found");
        var foreign = await _app.ApprovedAsync(_b);
        (await _app.Run<RequestDealExtension, Result<DealView>>(u => u.HandleAsync(foreign, "Mine now", Ct), As.PartnerUser(_a))).Failed("not_found");
        (await _app.Run<MarkDealLost, Result<DealView>>(u => u.HandleAsync(foreign, null, Ct), As.PartnerUser(_a))).Failed("not_found");

        // Its own: it may ask for more time and record a loss, but not approve or win.
        var own = (await _app.RegisterAsync(_a, DealData.Details(), As.PartnerUser(_a))).Ok();
        var ownId = new DealId(own.Deal.Id);
        Assert.Equal(ErrorKind.Forbidden, (await _app.Run<ApproveDeal, Result<DealView>>(u => u.HandleAsync(ownId, null, Ct), As.PartnerUser(_a))).Failed("forbidden").Kind);
        (await _app.Run<ApproveDeal, Result<DealView>>(u => u.HandleAsync(ownId, null, Ct), As.Manager)).Ok();
        (await _app.Run<MarkDealWon, Result<DealView>>(u => u.HandleAsync(ownId, null, Ct), As.PartnerUser(_a))).Failed("forbidden");
        (await _app.Run<RequestDealExtension, Result<DealView>>(u => u.HandleAsync(ownId, "More time", Ct), As.PartnerUser(_a))).Ok();
        (await _app.Run<GrantDealExtension, Result<DealView>>(u => u.HandleAsync(ownId, null, Ct), As.PartnerUser(_a))).Failed("forbidden");
        Assert.Equal("lost", (await _app.Run<MarkDealLost, Result<DealView>>(u => u.HandleAsync(ownId, "Budget cut", Ct), As.PartnerUser(_a))).Ok().Status);
    }

    [Fact]
    public async Task Even_through_the_database_context_a_partner_user_cannot_write_another_partner_s_registration()
    {
        var foreign = await _app.ApprovedAsync(_b);
        await using var db = _app.Open(As.PartnerUser(_a));
        Assert.Null(await db.DealRegistrations.FirstOrDefaultAsync(d => d.Id == foreign, Ct)); // the read filter hides it

        var deal = await db.DealRegistrations.IgnoreQueryFilters().SingleAsync(d => d.Id == foreign, Ct);
        Assert.True(deal.MarkLost(_app.Clock.GetUtcNow(), "u@x.com", "sabotage").IsSuccess);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        Assert.Contains("scope of partner", refused.Message);

        await using var check = _app.Open();
        Assert.Equal(DealStatus.Approved, (await check.DealRegistrations.SingleAsync(d => d.Id == foreign, Ct)).Status);
    }

    [Fact]
    public async Task Ledger_money_is_vendor_only_except_a_partner_s_own_lines_balance_and_statements()
    {
        var split = Commissions.AccrueSplit("deal:shared", LedgerData.RevenueShare(1_000_00, 10m), [new PartnerShare(_a, 1), new PartnerShare(_b, 1)],
            _app.Today, _app.Clock.GetUtcNow()).Ok();
        await _app.PostAsync(split);
        (await _app.Run<SaveCustomer, Result<SaveCustomer.Saved>>(u => u.HandleAsync("CRM-1", "Initech", "initech-scope.com", Ct))).Ok();

        await using (var db = _app.Open(As.PartnerUser(_a)))
        {
            Assert.Empty(await db.LedgerTransactions.ToListAsync(Ct));
            Assert.Empty(await db.Customers.ToListAsync(Ct));
            var lines = await db.LedgerEntries.ToListAsync(Ct);
            Assert.Equal([(LedgerAccount.CommissionHeld, _a, -5_000L)], lines.Select(l => (l.Account, l.PartnerId!.Value, l.AmountMinor)));
        }

        var own = (await _app.Run<GetPartnerBalance, Result<IReadOnlyList<PartnerBalance>>>(u => u.HandleAsync(_a, null, Ct), As.PartnerUser(_a))).Ok();
        Assert.Equal(5_000L, Assert.Single(own).Held.Minor);
        (await _app.Run<GetPartnerBalance, Result<IReadOnlyList<PartnerBalance>>>(u => u.HandleAsync(_b, null, Ct), As.PartnerUser(_a))).Failed("not_found");
        (await _app.Run<PostTransaction, Result<PostTransaction.Posted>>(u => u.HandleAsync(split, Ct), As.PartnerUser(_a))).Failed("forbidden");
        (await _app.Run<CreatePayoutBatch, Result<PayoutBatchView>>(u => u.HandleAsync("USD", "1.00", Ct), As.PartnerUser(_a))).Failed("forbidden");

        _app.Clock.Advance(TimeSpan.FromDays(31));
        var closed = (await _app.Run<CloseStatements, Result<CloseStatements.Closed>>(u => u.HandleAsync(TestApp.Start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), Ct))).Ok();
        Assert.Equal(2, closed.Issued.Count);
        var statements = (await _app.Run<ListStatements, Result<IReadOnlyList<ListStatements.Item>>>(u => u.HandleAsync(null, null, Ct), As.PartnerUser(_a))).Ok();
        Assert.Equal([_a.Value], statements.Select(s => s.PartnerId));
        var foreignStatement = new StatementId(closed.Issued.Single(s => s.PartnerId == _b.Value).StatementId);
        (await _app.Run<GetStatement, Result<StatementView>>(u => u.HandleAsync(foreignStatement, Ct), As.PartnerUser(_a))).Failed("not_found");
    }
}

public sealed class PartnerScopeOnSqlite() : PartnerScopeTests(DatabaseProvider.Sqlite);

public sealed class PartnerScopeOnPostgres() : PartnerScopeTests(DatabaseProvider.Postgres);
