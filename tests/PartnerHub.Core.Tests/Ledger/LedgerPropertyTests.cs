using CsCheck;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Tests.Ledger;

/// <summary>Random sequences of accruals, refunds, releases and payouts keep the ledger's promises.</summary>
public sealed class LedgerPropertyTests
{
    private const int HoldingDays = 30;
    private static readonly Currency Usd = Currency.Usd;
    private static readonly PartnerId[] Partners = [.. Enumerable.Range(1, 3).Select(i => new PartnerId(new Guid(i, 0, 0, new byte[8])))];
    private static readonly DateOnly Start = new(2025, 1, 1);

    private abstract record Op;

    private sealed record AccrueOp(long BaseMinor, int BasisPoints, int[] Weights) : Op;

    private sealed record ClawbackOp(int Pick, int PerMille) : Op; // PerMille 0: everything that remains

    private sealed record ReleaseOp : Op;

    private sealed record PayOp(int Partner, int PerMille) : Op;

    private sealed record WaitOp(int Days) : Op;

    private static readonly Gen<Op> AnyOp = Gen.Frequency(
        (4, Gen.Select(Gen.Long[10_000, 100_000_000], Gen.Int[1, 5_000], Gen.Int[0, 3].Array[3].Where(w => w.Any(x => x > 0)))
            .Select(t => (Op)new AccrueOp(t.Item1, t.Item2, t.Item3))),
        (2, Gen.Select(Gen.Int[0, 1_000], Gen.Int[0, 1_000]).Select(t => (Op)new ClawbackOp(t.Item1, t.Item2))),
        (1, Gen.Const((Op)new ReleaseOp())),
        (2, Gen.Select(Gen.Int[0, 2], Gen.Int[1, 1_000]).Select(t => (Op)new PayOp(t.Item1, t.Item2))),
        (2, Gen.Int[1, 20].Select(d => (Op)new WaitOp(d))));

    /// <summary>What the test itself asked for, tallied apart from the ledger: the ledger must agree with it.</summary>
    private sealed class Expected
    {
        public long AccruedTotal { get; set; }
        public long ClawedBackTotal { get; set; }
        public long PaidTotal { get; set; }
    }

    [Fact]
    public void Random_histories_balance_and_every_partner_balance_is_explained() =>
        AnyOp.List[1, 80].Sample(ops =>
        {
            var (journal, expected, today) = Run(ops);
            var all = journal.Transactions;

            // Every transaction balances in every currency.
            Assert.All(all, t => Assert.Equal(0, t.Entries.Sum(e => e.Amount.Minor)));

            // Splits add up exactly: each accrual's partner lines sum to its basis amount, and every one is explained.
            foreach (var accrual in all.Where(t => t.Kind == LedgerTransactionKind.Accrual))
            {
                var held = accrual.Entries.Where(e => e.Account == LedgerAccount.CommissionHeld).ToArray();
                Assert.All(held, e => Assert.NotNull(e.Basis));
                Assert.Equal(held[0].Basis!.Amount.Minor, -held.Sum(e => e.Amount.Minor));
            }

            // The ledger agrees with what was asked for.
            Assert.Equal(expected.AccruedTotal, Lines(all, LedgerTransactionKind.Accrual, LedgerAccount.CommissionHeld).Sum(e => -e.Amount.Minor));
            Assert.Equal(expected.ClawedBackTotal, all.Where(t => t.Kind == LedgerTransactionKind.Clawback).SelectMany(t => t.Entries).Where(e => e.PartnerId is not null).Sum(e => e.Amount.Minor));
            Assert.Equal(expected.PaidTotal, Lines(all, LedgerTransactionKind.Payout, LedgerAccount.CommissionPayable).Sum(e => e.Amount.Minor));

            foreach (var partner in Partners)
            {
                // A partner's balance is its explained accrual lines, less clawbacks and payouts: releases only move money between its accounts.
                var balance = LedgerBalances.ForPartner(all, partner, Usd, today);
                var accrued = Lines(all, LedgerTransactionKind.Accrual, null, partner).Sum(e => -e.Amount.Minor);
                var clawedBack = Lines(all, LedgerTransactionKind.Clawback, null, partner).Sum(e => e.Amount.Minor);
                var paid = Lines(all, LedgerTransactionKind.Payout, null, partner).Sum(e => e.Amount.Minor);
                Assert.Equal(accrued - clawedBack - paid, balance.Held.Minor + balance.Payable.Minor);
                Assert.True(balance.Held.Minor >= 0, "Held commission is never negative.");

                // Monthly statements chain: each closing is the next opening, and opening plus lines is closing.
                var previous = (PartnerBalance?)null;
                for (var month = StatementPeriod.Of(Start); month.FirstDay <= today; month = StatementPeriod.Of(month.FirstDay.AddMonths(1)))
                {
                    var statement = PartnerStatement.Build(partner, month, Usd, all);
                    Assert.Equal(statement.Closing.NetOwed.Minor, statement.Opening.NetOwed.Minor + statement.Lines.Sum(l => l.Amount.Minor));
                    if (previous is not null) Assert.Equal(previous, statement.Opening);
                    previous = statement.Closing;
                }
            }

            // Per accrual and partner, nothing is clawed back beyond what was accrued, and what is held never goes below zero.
            foreach (var accrual in all.Where(t => t.Kind == LedgerTransactionKind.Accrual))
                Assert.All(AccrualPosition.Of(accrual, journal.RelatedTo(accrual.Id)).Value.Shares, s =>
                {
                    Assert.InRange(s.Clawable.Minor, 0, s.Accrued.Minor);
                    Assert.True(s.Held.Minor >= 0);
                });

            // Long after the last accrual, everything has been released.
            foreach (var release in Commissions.ReleaseDue(all, HoldingDays, today.AddDays(HoldingDays), DateTimeOffset.MaxValue.AddYears(-1)))
                journal.Post(release);
            Assert.All(Partners, p => Assert.Equal(0, LedgerBalances.ForPartner(journal.Transactions, p, Usd, today.AddDays(HoldingDays)).Held.Minor));
        });

    private static IEnumerable<LedgerEntry> Lines(IEnumerable<LedgerTransaction> all, LedgerTransactionKind kind, LedgerAccount? account, PartnerId? partner = null) =>
        all.Where(t => t.Kind == kind).SelectMany(t => t.Entries)
            .Where(e => (account is null ? e.PartnerId is not null : e.Account == account) && (partner is null || e.PartnerId == partner));

    private static (LedgerJournal Journal, Expected Expected, DateOnly Today) Run(List<Op> ops)
    {
        var journal = new LedgerJournal();
        var expected = new Expected();
        var today = Start;
        var step = 0;
        DateTimeOffset Now() => new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(step);
        void Post(Result<LedgerTransaction> tx) => Assert.True(journal.Post(tx.Value).IsSuccess);

        foreach (var op in ops)
        {
            step++;
            switch (op)
            {
                case AccrueOp a:
                    var basis = AccrualBasis.Rate("revenue-share", new Money(a.BaseMinor, Usd), a.BasisPoints / 100m, "silver", "2025.1",
                        $"Revenue share {a.BasisPoints / 100m}% of {new Money(a.BaseMinor, Usd)}.");
                    var shares = Partners.Zip(a.Weights, (p, w) => new PartnerShare(p, w)).ToArray();
                    Post(Commissions.AccrueSplit($"deal:{step}", basis, shares, today, Now()));
                    expected.AccruedTotal += basis.Amount.Minor;
                    break;

                case ClawbackOp c:
                    var accruals = journal.Transactions.Where(t => t.Kind == LedgerTransactionKind.Accrual).ToArray();
                    if (accruals.Length == 0) break;
                    var accrual = accruals[c.Pick % accruals.Length];
                    var clawable = AccrualPosition.Of(accrual, journal.RelatedTo(accrual.Id)).Value.Clawable;
                    if (clawable.Minor == 0) break;
                    var amount = c.PerMille == 0 ? (Money?)null : new Money(Math.Max(1, clawable.Minor * c.PerMille / 1_000), Usd);
                    Post(Commissions.Clawback($"refund:{step}", accrual, journal.RelatedTo(accrual.Id), amount, "Customer refund", today, Now()));
                    expected.ClawedBackTotal += (amount ?? clawable).Minor;
                    break;

                case ReleaseOp:
                    foreach (var release in Commissions.ReleaseDue(journal.Transactions, HoldingDays, today, Now())) Post(release);
                    break;

                case PayOp p:
                    var payable = LedgerBalances.ForPartner(journal.Transactions, Partners[p.Partner], Usd, today).Payable;
                    if (payable.Minor <= 0) break;
                    var pay = new Money(Math.Max(1, payable.Minor * p.PerMille / 1_000), Usd);
                    Post(Payouts.PayOut($"payout:{step}", Partners[p.Partner], pay, payable, $"TR-{step}", today, Now()));
                    expected.PaidTotal += pay.Minor;
                    break;

                case WaitOp w:
                    today = today.AddDays(w.Days);
                    break;
            }
        }

        return (journal, expected, today);
    }
}
