using CsCheck;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Revenue;
using PartnerHub.Core.Ledger;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Revenue;

/// <summary>
/// Random sequences of payments, partial and full refunds, chargebacks, re-deliveries and refunds that arrive before
/// their payment, through the API's use case on a real database. Whatever the order: every transaction balances, each
/// partner's balance is the sum of its explained accruals less its clawbacks, and every payment's net commission is
/// exactly accrued − round(accrued × min(refunded, paid) / paid).
/// </summary>
public abstract class RevenuePropertyTests(DatabaseProvider provider) : IAsyncLifetime
{
    private AppHarness _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppHarness.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A payment (partner 0–2, customer 0–3, amount, day), a refund of payment n (amount share in %), or a re-delivery of step n.</summary>
    private sealed record Step(int Kind, int Partner, int Customer, long Cents, int Day, int Target, int Share);

    private static readonly Gen<Step> AnyStep = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 2], Gen.Int[0, 3], Gen.Long[100, 500_000], Gen.Int[1, 28], Gen.Int[0, 40], Gen.Int[1, 100])
        .Select(t => new Step(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7));

    [Fact]
    public async Task The_ledger_balances_and_every_partner_is_owed_its_explained_accruals_less_clawbacks()
    {
        var run = 0;
        await AnyStep.List[5, 30].SampleAsync(async steps =>
        {
            run++;
            var prefix = $"r{run}-{Guid.NewGuid():N}"[..12] + "-";
            var partners = new[] { await _app.PartnerOfAsync("integration"), await _app.PartnerOfAsync("referral"), await _app.PartnerOfAsync("resellers") };
            var payments = new List<(string Id, long Cents)>();
            var sent = new List<RevenueEventInput>();
            var refundTotals = new Dictionary<string, long>();
            foreach (var (step, i) in steps.Select((s, i) => (s, i)))
            {
                RevenueEventInput input;
                if (step.Kind <= 4 || payments.Count == 0 && step.Kind <= 7)
                {
                    var id = prefix + "pay" + i;
                    input = RevenueData.Payment(id, Major(step.Cents), $"2026-05-{step.Day:00}", partners[step.Partner].Value.ToString(), prefix + "c" + step.Customer);
                    payments.Add((id, step.Cents));
                }
                else if (step.Kind <= 7)
                {
                    // A refund of an earlier payment, or (one time in three) of a payment that will arrive later.
                    var later = step.Kind == 7;
                    var target = later ? prefix + "late" + i : payments[step.Target % payments.Count].Id;
                    var paid = later ? step.Cents : payments[step.Target % payments.Count].Cents;
                    var refund = Math.Max(1, paid * step.Share / 100);
                    input = RevenueData.Refund(prefix + "ref" + i, Major(refund), target, $"2026-05-{step.Day:00}", later ? partners[step.Partner].Value.ToString() : null)
                        with { Kind = step.Day % 5 == 0 ? "chargeback" : "refund" };
                    refundTotals[target] = refundTotals.GetValueOrDefault(target) + refund;
                    if (later)
                    {
                        sent.Add(input);
                        await _app.SendAsync(input);
                        input = RevenueData.Payment(target, Major(paid), $"2026-05-{step.Day:00}", partners[step.Partner].Value.ToString(), prefix + "c" + step.Customer);
                        payments.Add((target, paid));
                    }
                }
                else
                {
                    if (sent.Count == 0) continue;
                    input = sent[step.Target % sent.Count]; // a re-delivery: moves nothing
                }

                sent.Add(input);
                await _app.SendAsync(input);
            }

            await using var db = _app.Open();
            var ids = partners.ToList();
            var lines = await db.LedgerEntries.AsNoTracking().Where(e => e.PartnerId != null && ids.Contains(e.PartnerId.Value)).ToListAsync();
            var transactionIds = lines.Select(l => l.TransactionId).Distinct().ToList();
            var all = await db.LedgerEntries.AsNoTracking().Where(e => transactionIds.Contains(e.TransactionId)).ToListAsync();
            foreach (var transaction in all.GroupBy(e => e.TransactionId)) Assert.Equal(0, transaction.Sum(e => e.AmountMinor));

            foreach (var partner in partners)
            {
                var own = lines.Where(l => l.PartnerId == partner).ToList();
                var accrued = own.Where(l => l.Kind == LedgerTransactionKind.Accrual).ToList();
                Assert.All(accrued, l => Assert.False(string.IsNullOrWhiteSpace(l.Basis?.Explanation)));
                var explained = accrued.Sum(l => l.Basis!.Amount.Minor);
                var clawed = own.Where(l => l.Kind == LedgerTransactionKind.Clawback).Sum(l => l.AmountMinor);
                Assert.Equal(explained - clawed, -own.Where(l => l.Account is LedgerAccount.CommissionHeld or LedgerAccount.CommissionPayable).Sum(l => l.AmountMinor));
            }

            // Per payment: net = accrued − round(accrued × min(R, P) / P).
            var events = await db.Set<RevenueEventRecord>().AsNoTracking().Where(e => e.ExternalId.StartsWith(prefix)).ToListAsync();
            var transactions = await db.LedgerTransactions.AsNoTracking().Where(t => transactionIds.Contains(t.Id)).ToListAsync();
            foreach (var payment in events.Where(e => e.Kind == Core.Facts.RevenueKind.Payment))
            {
                var keys = new[] { $"revenue-event:{payment.Id}", $"revenue-event:{payment.Id}:flat" };
                foreach (var accrual in transactions.Where(t => keys.Contains(t.SourceKey)))
                {
                    var amount = -all.Where(e => e.TransactionId == accrual.Id && e.PartnerId != null).Sum(e => e.AmountMinor);
                    var back = all.Where(e => e.PartnerId != null && transactions.Any(t => t.Id == e.TransactionId && t.RelatesTo == accrual.Id && t.Kind == LedgerTransactionKind.Clawback))
                        .Sum(e => e.AmountMinor);
                    var refunded = refundTotals.GetValueOrDefault(payment.ExternalId);
                    var expected = (long)Math.Round((decimal)amount * Math.Min(refunded, payment.AmountMinor) / payment.AmountMinor, MidpointRounding.AwayFromZero);
                    Assert.Equal(expected, back);
                }
            }
        }, iter: 6, threads: 1);
    }

    private static string Major(long cents) => (cents / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class RevenuePropertyOnSqlite() : RevenuePropertyTests(DatabaseProvider.Sqlite);

public sealed class RevenuePropertyOnPostgres() : RevenuePropertyTests(DatabaseProvider.Postgres);
