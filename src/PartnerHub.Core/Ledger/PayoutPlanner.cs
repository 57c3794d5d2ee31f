using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Ledger;

/// <summary>One partner to pay in a batch, and why this amount.</summary>
public sealed record PayoutLine(PartnerId Partner, Money Amount, string Explanation);

/// <summary>A partner left out of a batch, with its balance and why it carries forward.</summary>
public sealed record CarriedForward(PartnerId Partner, Money Balance, string Reason);

/// <summary>A payout batch: who is paid how much, who carries forward, and the batch total.</summary>
public sealed record PayoutPlan(Money Minimum, IReadOnlyList<PayoutLine> Lines, IReadOnlyList<CarriedForward> CarriedForward)
{
    public Money Total => Lines.Aggregate(Money.Zero(Minimum.Currency), (sum, line) => sum + line.Amount);
}

/// <summary>Plans a payout batch from payable balances: pay every balance at or above the minimum, carry the rest.</summary>
public static class PayoutPlanner
{
    /// <summary>
    /// Pays each partner's whole payable balance when it is at least <paramref name="minimum"/>. Smaller balances
    /// wait for the next batch; negative balances (clawbacks beyond earnings) are never paid and never collected
    /// here: they carry forward against future commission. Held commission is not payable and is not considered.
    /// </summary>
    public static PayoutPlan Plan(IEnumerable<PartnerBalance> balances, Money minimum)
    {
        if (minimum.Minor <= 0) throw new ArgumentOutOfRangeException(nameof(minimum), minimum, "The payout minimum must be more than zero.");
        var lines = new List<PayoutLine>();
        var carried = new List<CarriedForward>();
        foreach (var balance in balances.OrderBy(b => b.Partner.Value))
        {
            var payable = balance.Payable;
            if (payable.Currency != minimum.Currency || payable.Minor == 0) continue;
            if (payable >= minimum) lines.Add(new PayoutLine(balance.Partner, payable, $"Payable balance {payable} is at least the {minimum} minimum."));
            else if (payable.Minor > 0) carried.Add(new CarriedForward(balance.Partner, payable, $"Payable balance {payable} is below the {minimum} minimum."));
            else carried.Add(new CarriedForward(balance.Partner, payable, $"Payable balance {payable} is negative (clawbacks exceed earnings); it offsets future commission."));
        }

        return new PayoutPlan(minimum, lines, carried);
    }

    /// <summary>The plan as payout transactions, one per line, keyed by batch and partner so a re-run posts nothing twice.</summary>
    public static Result<IReadOnlyList<LedgerTransaction>> ToTransactions(PayoutPlan plan, string batchReference, DateOnly occurredOn, DateTimeOffset now)
    {
        var transactions = new List<LedgerTransaction>();
        foreach (var line in plan.Lines)
        {
            var payout = Payouts.PayOut($"payout:{batchReference}:{line.Partner}", line.Partner, line.Amount, line.Amount,
                $"{batchReference}/{line.Partner}", occurredOn, now);
            if (!payout.IsSuccess) return payout.Error;
            transactions.Add(payout.Value);
        }

        return transactions;
    }
}
