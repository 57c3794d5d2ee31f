using System.Globalization;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Ledger;

/// <summary>A partner's part in a shared deal, as a weight (e.g. 60 and 40, or 1 and 1).</summary>
public sealed record PartnerShare(PartnerId Partner, long Weight);

/// <summary>
/// The life of a commission as transactions: accrued into holding, released to payable after the holding period,
/// clawed back on a refund or chargeback. Every function is pure: it reads the transactions it is given and
/// returns a new one (or an error); posting it is the caller's business.
/// </summary>
public static class Commissions
{
    /// <summary>Accrues what one partner earned: debit the earnings expense, credit the partner's held commission.</summary>
    public static Result<LedgerTransaction> Accrue(string sourceKey, PartnerId partner, AccrualBasis basis, DateOnly occurredOn, DateTimeOffset now,
        LedgerAccount expense = LedgerAccount.CommissionExpense) =>
        AccrueSplit(sourceKey, basis, [new PartnerShare(partner, 1)], occurredOn, now, expense);

    /// <summary>
    /// Accrues one earned amount split between partners by weight (largest remainder, so the parts add up exactly to
    /// the amount). The expense line and every partner line carry the basis and its explanation.
    /// </summary>
    public static Result<LedgerTransaction> AccrueSplit(string sourceKey, AccrualBasis basis, IReadOnlyList<PartnerShare> shares, DateOnly occurredOn,
        DateTimeOffset now, LedgerAccount expense = LedgerAccount.CommissionExpense)
    {
        var valid = basis.Validate();
        if (!valid.IsSuccess) return valid.Error;
        if (!expense.IsEarningsExpense()) return Error.Validation("expense", $"{expense.Key()} is not an earnings expense account.");
        if (shares.Count == 0 || shares.Any(s => s.Weight < 0) || shares.All(s => s.Weight == 0))
            return Error.Validation("shares", "Give at least one partner with a positive weight, and no negative weights.");
        if (shares.Select(s => s.Partner).Distinct().Count() != shares.Count) return Error.Validation("shares", "Each partner may appear once.");

        var amount = basis.Amount;
        var parts = amount.Split(shares.Select(s => s.Weight).ToArray());
        var totalWeight = shares.Sum(s => s.Weight);
        var entries = new List<LedgerEntry> { LedgerEntry.Debit(expense, null, amount, basis.Explanation, basis) };
        for (var i = 0; i < shares.Count; i++)
        {
            if (parts[i].Minor == 0) continue;
            var explanation = shares.Count == 1 ? basis.Explanation
                : string.Create(CultureInfo.InvariantCulture, $"{basis.Explanation} Split {shares[i].Weight}/{totalWeight}: {parts[i]} of {amount}.");
            entries.Add(LedgerEntry.Credit(LedgerAccount.CommissionHeld, shares[i].Partner, parts[i], explanation, basis));
        }

        return LedgerTransaction.Create(sourceKey, LedgerTransactionKind.Accrual, occurredOn, now,
            $"{basis.RevenueModel} accrual of {amount} ({basis.ProgramVersion})", entries);
    }

    /// <summary>
    /// Takes back <paramref name="amount"/> (or everything still clawable when null) of an earlier accrual, e.g. on a
    /// refund. Partners lose in proportion to what each still has of it; each loses from holding first and the rest
    /// from payable, which may go negative and then carries forward against future earnings.
    /// </summary>
    public static Result<LedgerTransaction> Clawback(string sourceKey, LedgerTransaction accrual, IEnumerable<LedgerTransaction> related, Money? amount,
        string reason, DateOnly occurredOn, DateTimeOffset now)
    {
        var found = AccrualPosition.Of(accrual, related);
        if (!found.IsSuccess) return found.Error;
        var position = found.Value;
        if (string.IsNullOrWhiteSpace(reason)) return Error.Validation("reason", "A clawback needs a reason (refund, chargeback, ...).");

        var take = amount ?? position.Clawable;
        if (take.Currency != position.Currency) return LedgerErrors.CurrencyMismatch("amount", position.Currency, take.Currency);
        if (take.Minor <= 0) return LedgerErrors.MustBePositive("amount", take);
        if (take > position.Clawable) return LedgerErrors.ClawbackExceedsAccrual(accrual.Id, take, position.Clawable);

        // Split by what each partner still has, so nobody loses more than their own remaining share.
        var parts = take.Split(position.Shares.Select(s => s.Clawable.Minor).ToArray());
        var entries = new List<LedgerEntry>();
        for (var i = 0; i < parts.Count; i++)
        {
            var share = position.Shares[i];
            var fromHeld = new Money(Math.Min(parts[i].Minor, share.Held.Minor), take.Currency);
            var fromPayable = parts[i] - fromHeld;
            var why = $"Clawback of {parts[i]} of accrual {accrual.Id} ({accrual.Description}): {reason.Trim()}";
            if (fromHeld.Minor > 0) entries.Add(LedgerEntry.Debit(LedgerAccount.CommissionHeld, share.Partner, fromHeld, $"{why}; {fromHeld} from holding."));
            if (fromPayable.Minor > 0) entries.Add(LedgerEntry.Debit(LedgerAccount.CommissionPayable, share.Partner, fromPayable, $"{why}; {fromPayable} from payable."));
        }

        entries.Add(LedgerEntry.Credit(position.ExpenseAccount, null, take, $"Clawback of {take} of accrual {accrual.Id}: {reason.Trim()}"));
        return LedgerTransaction.Create(sourceKey, LedgerTransactionKind.Clawback, occurredOn, now, $"Clawback: {reason.Trim()}", entries, accrual.Id);
    }

    /// <summary>The first business date an accrual may be released.</summary>
    public static DateOnly ReleasableOn(LedgerTransaction accrual, int holdingDays) => accrual.OccurredOn.AddDays(holdingDays);

    /// <summary>
    /// Moves what is still held of an accrual to payable once the holding period is over. Dated <paramref name="asOf"/>
    /// (never back-dated to the due date), so a late run cannot change a statement already issued.
    /// </summary>
    public static Result<LedgerTransaction> Release(LedgerTransaction accrual, IEnumerable<LedgerTransaction> related, int holdingDays, DateOnly asOf,
        DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(holdingDays);
        var found = AccrualPosition.Of(accrual, related);
        if (!found.IsSuccess) return found.Error;
        var dueOn = ReleasableOn(accrual, holdingDays);
        if (asOf < dueOn) return LedgerErrors.HoldingPeriodNotOver(accrual.Id, dueOn);

        var why = string.Create(CultureInfo.InvariantCulture,
            $"Released after the {holdingDays}-day holding period (accrued {accrual.OccurredOn:yyyy-MM-dd}, releasable {dueOn:yyyy-MM-dd}) of accrual {accrual.Id}.");
        var entries = new List<LedgerEntry>();
        foreach (var share in found.Value.Shares.Where(s => s.Held.Minor > 0))
        {
            entries.Add(LedgerEntry.Debit(LedgerAccount.CommissionHeld, share.Partner, share.Held, why));
            entries.Add(LedgerEntry.Credit(LedgerAccount.CommissionPayable, share.Partner, share.Held, why));
        }

        if (entries.Count == 0) return LedgerErrors.NothingToRelease(accrual.Id);
        return LedgerTransaction.Create($"release:{accrual.Id}", LedgerTransactionKind.Release, asOf, now, $"Release of {accrual.Description}", entries, accrual.Id);
    }

    /// <summary>Every release due at <paramref name="asOf"/> across a journal: what a nightly run posts.</summary>
    public static IReadOnlyList<LedgerTransaction> ReleaseDue(IReadOnlyCollection<LedgerTransaction> journal, int holdingDays, DateOnly asOf, DateTimeOffset now)
    {
        var byOriginal = journal.Where(t => t.RelatesTo is not null).ToLookup(t => t.RelatesTo!.Value);
        var releases = new List<LedgerTransaction>();
        foreach (var accrual in journal.Where(t => t.Kind == LedgerTransactionKind.Accrual && ReleasableOn(t, holdingDays) <= asOf))
        {
            var release = Release(accrual, byOriginal[accrual.Id], holdingDays, asOf, now);
            if (release.IsSuccess) releases.Add(release.Value);
        }

        return releases;
    }
}
