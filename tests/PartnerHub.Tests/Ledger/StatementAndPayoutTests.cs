using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Ledger;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Deals;
using PartnerHub.Tests.Infrastructure;
using static PartnerHub.Tests.Ledger.LedgerData;

namespace PartnerHub.Tests.Ledger;

/// <summary>Period close into immutable statements, and payouts from batch to paid, on SQLite and PostgreSQL.</summary>
public abstract class StatementAndPayoutTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Apr1 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private AppHarness _app = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await AppHarness.CreateAsync(provider, Apr1);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private void On(int month, int day) => _app.Clock.SetUtcNow(new DateTimeOffset(2026, month, day, 9, 0, 0, TimeSpan.Zero));

    private Task<Result<CloseStatements.Closed>> Close(string period) => _app.Run<CloseStatements, Result<CloseStatements.Closed>>(u => u.HandleAsync(period, Ct), As.Manager);

    private async Task Release() => (await _app.Run<ReleaseHeldCommissions, Result<int>>(u => u.HandleAsync(Ct))).Ok();

    private async Task<PartnerBalance> BalanceAsync(PartnerId partner) =>
        (await _app.Run<GetPartnerBalance, Result<IReadOnlyList<PartnerBalance>>>(u => u.HandleAsync(partner, null, Ct))).Ok().Single();

    /// <summary>
    /// The demo partner's June 2026 statement, computed by hand.
    /// <code>
    /// Apr 25  accrual A1: revenue share 20% of 12,345.67 = 2,469.134 → 2,469.13 held
    /// May  5  accrual A2: referral, flat 500.00 on a first-year base of 8,000.00 → 500.00 held
    ///         opening (May 31): held 2,969.13, payable 0.00, receivable 0.00
    /// Jun  5  Professional certification fee 300.00            receivable +300.00   line −300.00
    /// Jun  9  release A1 (Apr 25 + 45 days)                     held −2,469.13       line −2,469.13
    ///                                                          payable +2,469.13    line +2,469.13
    /// Jun 12  refund of 1,000.00 on A1's revenue → 20% = 200.00, nothing held left: from payable  line −200.00
    /// Jun 19  release A2 (May  5 + 45 days)                     held −500.00         line −500.00
    ///                                                          payable +500.00      line +500.00
    /// Jun 25  accrual A3: revenue share 15% of 3,333.33 = 499.9995 → 500.00 held     line +500.00
    ///         closing (Jun 30): held 2,969.13 − 2,469.13 − 500.00 + 500.00 = 500.00
    ///                           payable 2,469.13 − 200.00 + 500.00 = 2,769.13
    ///                           receivable 300.00
    ///                           net owed 500.00 + 2,769.13 − 300.00 = 2,969.13 (lines sum to 0.00: −300 − 200 + 500)
    /// </code>
    /// Another partner's activity on the same days must not appear on it.
    /// </summary>
    [Fact]
    public async Task The_golden_statement_of_the_demo_partner_matches_the_hand_computation()
    {
        var demo = await _app.PartnerAsync("Demo Partner " + Build.Unique());
        var other = await _app.PartnerAsync();

        On(4, 25); // the program holds commission for 45 days (commissionHoldingDays)
        var a1 = await _app.PostAsync(Accrual(_app, demo, RevenueShare(12_345_67, 20m)));
        await _app.PostAsync(Accrual(_app, other, RevenueShare(99_999_99, 20m)));
        On(5, 5);
        await _app.PostAsync(Commissions.Accrue("crm:opp-77:referral", demo, AccrualBasis.Flat("referral-commission", Usd_(8_000_00), Usd_(500_00), "preferred", "2026.1",
            "Referral commission: flat 500.00 for a first-year contract of 8,000.00, preferred tier, program 2026.1."), _app.Today, _app.Clock.GetUtcNow()));
        On(6, 5);
        await _app.PostAsync(CertificationFees.Charge("cert:demo:professional", demo, Usd_(300_00), "Professional", "Annual certification, 2026.", _app.Today, _app.Clock.GetUtcNow()));
        On(6, 9);
        await Release();
        On(6, 12);
        Assert.Equal(2_469_13L, (await BalanceAsync(demo)).Payable.Minor); // A1 released on Jun 9
        var releaseOfA1 = Assert.Single(await ReleasesOfAsync(a1.Id));
        await _app.PostAsync(Commissions.Clawback("refund:R-1", a1, [releaseOfA1], Usd_(200_00), "Refund R-1 of 1,000.00 (20%)", _app.Today, _app.Clock.GetUtcNow()));
        On(6, 19);
        await Release();
        On(6, 25);
        await _app.PostAsync(Accrual(_app, demo, RevenueShare(3_333_33, 15m)));

        On(7, 1);
        var closed = (await Close("2026-06")).Ok();
        var summary = closed.Issued.Single(s => s.PartnerId == demo.Value);
        var statement = (await _app.Run<GetStatement, Result<StatementView>>(u => u.HandleAsync(new StatementId(summary.StatementId), Ct), As.PartnerUser(demo))).Ok();

        var s = statement.Statement;
        Assert.Equal((1, false), (statement.Sequence, statement.Adjusting));
        Assert.Equal((2_969_13L, 0L, 0L), (s.Opening.Held.Minor, s.Opening.Payable.Minor, s.Opening.Receivable.Minor));
        Assert.Equal(
        [
            (new DateOnly(2026, 6, 5), LedgerTransactionKind.CertificationFee, LedgerAccount.CertificationFeesReceivable, -300_00L),
            (new DateOnly(2026, 6, 9), LedgerTransactionKind.Release, LedgerAccount.CommissionHeld, -2_469_13L),
            (new DateOnly(2026, 6, 9), LedgerTransactionKind.Release, LedgerAccount.CommissionPayable, 2_469_13L),
            (new DateOnly(2026, 6, 12), LedgerTransactionKind.Clawback, LedgerAccount.CommissionPayable, -200_00L),
            (new DateOnly(2026, 6, 19), LedgerTransactionKind.Release, LedgerAccount.CommissionHeld, -500_00L),
            (new DateOnly(2026, 6, 19), LedgerTransactionKind.Release, LedgerAccount.CommissionPayable, 500_00L),
            (new DateOnly(2026, 6, 25), LedgerTransactionKind.Accrual, LedgerAccount.CommissionHeld, 500_00L),
        ], s.Lines.Select(l => (l.OccurredOn, l.Kind, l.Account, l.Amount.Minor)));
        Assert.Equal((500_00L, 2_769_13L, 300_00L, 2_969_13L), (s.Closing.Held.Minor, s.Closing.Payable.Minor, s.Closing.Receivable.Minor, s.Closing.NetOwed.Minor));

        var accrualLine = s.Lines[^1];
        Assert.Equal(("revenue-share", 15m, 3_333_33L, "preferred", "2026.1"),
            (accrualLine.Basis!.RevenueModel, accrualLine.Basis.Percent, accrualLine.Basis.BaseAmount.Minor, accrualLine.Basis.Tier, accrualLine.Basis.ProgramVersion));
        Assert.Contains("15% of 3,333.33", accrualLine.Explanation);
        Assert.Contains("Refund R-1", s.Lines[3].Explanation);
        Assert.Contains("45-day holding period", s.Lines[1].Explanation);
        Assert.All(s.Lines, l => Assert.False(string.IsNullOrWhiteSpace(l.Explanation)));
    }

    [Fact]
    public async Task Closing_again_issues_nothing_and_a_late_correction_becomes_an_adjusting_statement()
    {
        var partner = await _app.PartnerAsync();
        On(5, 15);
        await _app.PostAsync(Accrual(_app, partner, RevenueShare(1_000_00, 10m)));

        (await Close("2026-05")).Failed("period_not_over");
        (await Close("2026-13")).Failed("validation");
        On(6, 1);
        var first = (await Close("2026-05")).Ok();
        var issued = Assert.Single(first.Issued);
        Assert.Equal((1, 1, 10_000L), (issued.Sequence, issued.Lines, issued.Closing.Held.Minor));

        var again = (await Close("2026-05")).Ok();
        Assert.Empty(again.Issued);
        Assert.Equal(1, again.AlreadyIssued);

        // In June, finance books a missed 25.00 bonus back-dated to May 31: May's statement is not touched.
        On(6, 3);
        await _app.PostAsync(Adjustments.Adjust("bonus:may-fix", "Missed May launch bonus",
            [LedgerEntry.Debit(LedgerAccount.CommissionExpense, null, Usd_(25_00), "Launch bonus promised in May, booked late."),
             LedgerEntry.Credit(LedgerAccount.CommissionPayable, partner, Usd_(25_00), "Launch bonus promised in May, booked late.")],
            new DateOnly(2026, 5, 31), _app.Clock.GetUtcNow()));
        var adjusting = Assert.Single((await Close("2026-05")).Ok().Issued);
        Assert.Equal((2, 1), (adjusting.Sequence, adjusting.Lines));
        Assert.Equal((10_000L, 0L), (adjusting.Opening.Held.Minor, adjusting.Opening.Payable.Minor)); // where the first one closed
        Assert.Equal((10_000L, 2_500L), (adjusting.Closing.Held.Minor, adjusting.Closing.Payable.Minor));
        Assert.Empty((await Close("2026-05")).Ok().Issued);

        var original = (await _app.Run<GetStatement, Result<StatementView>>(u => u.HandleAsync(new StatementId(issued.StatementId), Ct))).Ok();
        Assert.Equal((1, 0L), (original.Statement.Lines.Count, original.Statement.Closing.Payable.Minor)); // as issued
        var list = (await _app.Run<ListStatements, Result<IReadOnlyList<ListStatements.Item>>>(u => u.HandleAsync(partner, "2026-05", Ct))).Ok();
        Assert.Equal([(1, false), (2, true)], list.Select(i => (i.Sequence, i.Adjusting)));
    }

    [Fact]
    public async Task A_payout_batch_pays_balances_at_the_minimum_carries_the_rest_and_is_paid_exactly_once()
    {
        var paid = await _app.PartnerAsync("=HYPERLINK(\"http://evil\") " + Build.Unique());
        var small = await _app.PartnerAsync();
        var negative = await _app.PartnerAsync();
        On(4, 17); // released 45 days later, on Jun 1
        await _app.PostAsync(Accrual(_app, paid, RevenueShare(1_200_00, 10m))); // 120.00
        await _app.PostAsync(Accrual(_app, small, RevenueShare(200_00, 10m))); // 20.00, below the minimum
        await _app.PostAsync(Accrual(_app, negative, RevenueShare(500_00, 10m))); // 50.00
        await _app.PostAsync(Accrual(_app, paid, RevenueShare(10_000_00, 10m), on: new DateOnly(2026, 5, 20))); // still held on Jun 1
        On(6, 1);
        await Release();
        // The third partner owes a certification fee set off against its commission: payable 50.00 − 80.00 = −30.00.
        await _app.PostAsync(CertificationFees.Charge("cert:neg", negative, Usd_(80_00), "Professional", "Annual fee.", _app.Today, _app.Clock.GetUtcNow()));
        await _app.PostAsync(CertificationFees.Collect("cert:neg:collect", negative, Usd_(80_00), fromCommission: true, "set-off", _app.Today, _app.Clock.GetUtcNow()));

        var batch = (await _app.Run<CreatePayoutBatch, Result<PayoutBatchView>>(u => u.HandleAsync("USD", "50.00", Ct), As.Manager)).Ok();
        Assert.Equal([(paid.Value, 120_00L)], batch.Lines.Select(l => (l.PartnerId, l.AmountMinor)));
        Assert.Equal((120_00L, "created"), (batch.TotalMinor, batch.Status));
        Assert.Equal([(small.Value, 20_00L), (negative.Value, -30_00L)], batch.CarriedForward.Select(c => (c.PartnerId, c.BalanceMinor)).OrderBy(c => c.BalanceMinor < 0));
        (await _app.Run<CreatePayoutBatch, Result<PayoutBatchView>>(u => u.HandleAsync("USD", "50.00", Ct), As.Manager)).Failed("payout_batch_open");

        var id = new PayoutBatchId(batch.Id);
        var csv = new StringWriter();
        Assert.Equal(1, (await _app.Run<ExportPayoutBatch, Result<int>>(u => u.HandleAsync(id, csv, Ct), As.Manager)).Ok());
        var rows = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", ExportPayoutBatch.Columns), rows[0].TrimEnd('\r'));
        Assert.Contains(",120.00,12000,", rows[1]);
        Assert.Contains("'=HYPERLINK", rows[1]);
        Assert.DoesNotContain(",=HYPERLINK", rows[1]);

        On(6, 2);
        var marked = (await _app.Run<MarkPayoutPaid, Result<PayoutBatchView>>(u => u.HandleAsync(id, "WIRE-2026-06-02", null, Ct), As.Manager)).Ok();
        Assert.Equal(("paid", "WIRE-2026-06-02", new DateOnly(2026, 6, 2)), (marked.Status, marked.ExternalReference, marked.PaidOn));
        var again = (await _app.Run<MarkPayoutPaid, Result<PayoutBatchView>>(u => u.HandleAsync(id, "WIRE-2026-06-02", null, Ct), As.Manager)).Ok();
        Assert.Equal("paid", again.Status);
        (await _app.Run<MarkPayoutPaid, Result<PayoutBatchView>>(u => u.HandleAsync(id, "WIRE-OTHER", null, Ct), As.Manager)).Failed("payout_already_paid");

        var balance = await BalanceAsync(paid);
        Assert.Equal((0L, 1_000_00L), (balance.Payable.Minor, balance.Held.Minor)); // paid out; the later accrual is still held
        Assert.Equal(-30_00L, (await BalanceAsync(negative)).Payable.Minor); // carried forward, never paid nor collected here
        await using (var db = _app.Open())
        {
            var payout = await db.LedgerTransactions.SingleAsync(t => t.Kind == LedgerTransactionKind.Payout, Ct);
            Assert.Equal(($"payout:{id}:{paid}", "WIRE-2026-06-02", new DateOnly(2026, 6, 2)), (payout.SourceKey, payout.ExternalReference, payout.OccurredOn));
            var audit = await db.AuditEntries.Where(a => a.Entity == "payout_batch" && a.EntityId == id.ToString()).OrderBy(a => a.At).Select(a => a.Action).ToListAsync(Ct);
            Assert.Equal(["created", "updated", "updated"], audit);
        }

        (await _app.Run<CreatePayoutBatch, Result<PayoutBatchView>>(u => u.HandleAsync("USD", "50.00", Ct), As.Manager)).Failed("payout_nothing_due");
    }

    [Fact]
    public async Task A_cancelled_batch_moves_nothing_frees_its_currency_and_can_be_neither_paid_nor_exported()
    {
        var partner = await _app.PartnerAsync();
        await _app.PostAsync(Accrual(_app, partner, RevenueShare(1_000_00, 10m))); // 100.00
        _app.Clock.Advance(TimeSpan.FromDays(45));
        await Release();
        var first = (await _app.Run<CreatePayoutBatch, Result<PayoutBatchView>>(u => u.HandleAsync("USD", "50.00", Ct), As.Manager)).Ok();
        var id = new PayoutBatchId(first.Id);
        (await _app.Run<CancelPayoutBatch, Result<PayoutBatchView>>(u => u.HandleAsync(id, "  ", Ct), As.Manager)).Failed("validation");

        var cancelled = (await _app.Run<CancelPayoutBatch, Result<PayoutBatchView>>(u => u.HandleAsync(id, "Bank details missing", Ct), As.Manager)).Ok();
        Assert.Equal(("cancelled", "Bank details missing"), (cancelled.Status, cancelled.CancelReason));
        var again = (await _app.Run<CancelPayoutBatch, Result<PayoutBatchView>>(u => u.HandleAsync(id, "Twice", Ct), As.Manager)).Ok();
        Assert.Equal("Bank details missing", again.CancelReason); // idempotent: the first reason stays
        (await _app.Run<MarkPayoutPaid, Result<PayoutBatchView>>(u => u.HandleAsync(id, "WIRE-1", null, Ct), As.Manager)).Failed("payout_batch_cancelled");
        (await _app.Run<ExportPayoutBatch, Result<int>>(u => u.HandleAsync(id, new StringWriter(), Ct), As.Manager)).Failed("payout_batch_cancelled");
        Assert.Equal(100_00L, (await BalanceAsync(partner)).Payable.Minor); // nothing moved

        // The currency's slot is free: the next batch plans the same balance, and is paid once.
        var second = (await _app.Run<CreatePayoutBatch, Result<PayoutBatchView>>(u => u.HandleAsync("USD", "50.00", Ct), As.Manager)).Ok();
        Assert.Equal([(partner.Value, 100_00L)], second.Lines.Select(l => (l.PartnerId, l.AmountMinor)));
        (await _app.Run<MarkPayoutPaid, Result<PayoutBatchView>>(u => u.HandleAsync(new PayoutBatchId(second.Id), "WIRE-2", null, Ct), As.Manager)).Ok();
        (await _app.Run<CancelPayoutBatch, Result<PayoutBatchView>>(u => u.HandleAsync(new PayoutBatchId(second.Id), "Too late", Ct), As.Manager)).Failed("payout_already_paid");
        Assert.Equal(0L, (await BalanceAsync(partner)).Payable.Minor);
        await using var db = _app.Open();
        Assert.Equal(1, await db.LedgerTransactions.CountAsync(t => t.Kind == LedgerTransactionKind.Payout, Ct));
        var audit = await db.AuditEntries.Where(a => a.Entity == "payout_batch" && a.EntityId == id.ToString()).OrderBy(a => a.At).Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal(["created", "updated"], audit);
    }

    [Fact]
    public async Task Concurrent_mark_paid_calls_post_each_payout_once()
    {
        var partners = new[] { await _app.PartnerAsync(), await _app.PartnerAsync(), await _app.PartnerAsync() };
        foreach (var p in partners) await _app.PostAsync(Accrual(_app, p, RevenueShare(1_000_00, 10m)));
        _app.Clock.Advance(TimeSpan.FromDays(45));
        await Release();
        var batch = (await _app.Run<CreatePayoutBatch, Result<PayoutBatchView>>(u => u.HandleAsync("USD", "10", Ct), As.Manager)).Ok();
        var id = new PayoutBatchId(batch.Id);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            _app.Run<MarkPayoutPaid, Result<PayoutBatchView>>(u => u.HandleAsync(id, "ACH-77", null, Ct), As.Manager), Ct)));
        Assert.All(results, r => Assert.Equal("paid", r.Ok().Status));

        await using var db = _app.Open();
        Assert.Equal(3, await db.LedgerTransactions.CountAsync(t => t.Kind == LedgerTransactionKind.Payout, Ct));
        foreach (var p in partners) Assert.Equal(0L, (await BalanceAsync(p)).Payable.Minor);
    }

    private async Task<List<LedgerTransaction>> ReleasesOfAsync(LedgerTransactionId accrual)
    {
        await using var db = _app.Open();
        var records = await db.LedgerTransactions.AsNoTracking().Where(t => t.RelatesTo == accrual).ToListAsync(Ct);
        var ids = records.Select(r => r.Id).ToList();
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => ids.Contains(e.TransactionId)).ToListAsync(Ct);
        return records.Select(r => r.ToTransaction(entries.Where(e => e.TransactionId == r.Id))).ToList();
    }
}

public sealed class StatementAndPayoutOnSqlite() : StatementAndPayoutTests(DatabaseProvider.Sqlite);

public sealed class StatementAndPayoutOnPostgres() : StatementAndPayoutTests(DatabaseProvider.Postgres);
