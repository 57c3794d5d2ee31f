using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Ledger;

/// <summary>A ledger account, narrowed to one partner for per-partner accounts, in one currency.</summary>
public readonly record struct AccountKey(LedgerAccount Account, PartnerId? PartnerId, Currency Currency);

/// <summary>
/// A partner's position in one currency, as a person reads it: <see cref="Held"/> and <see cref="Payable"/> are
/// what the vendor owes (positive) or, for payable after clawbacks, what the partner owes back (negative);
/// <see cref="Receivable"/> is what the partner owes in fees. <see cref="NetOwed"/> is the sum of all three.
/// </summary>
public sealed record PartnerBalance(PartnerId Partner, Money Held, Money Payable, Money Receivable)
{
    public Money NetOwed => Held + Payable - Receivable;

    public static PartnerBalance Zero(PartnerId partner, Currency currency) =>
        new(partner, Money.Zero(currency), Money.Zero(currency), Money.Zero(currency));

    /// <summary>Adds one ledger line (debit positive) on this partner's accounts, turning it into the partner's view.</summary>
    internal PartnerBalance Add(LedgerEntry line) => line.Account switch
    {
        LedgerAccount.CommissionHeld => this with { Held = Held - line.Amount },
        LedgerAccount.CommissionPayable => this with { Payable = Payable - line.Amount },
        LedgerAccount.CertificationFeesReceivable => this with { Receivable = Receivable + line.Amount },
        _ => this,
    };
}

/// <summary>Balances at any business date, folded from transactions: the ledger keeps no running totals to go stale.</summary>
public static class LedgerBalances
{
    /// <summary>Every account's balance (debit positive) from transactions that occurred on or before <paramref name="asOf"/>.</summary>
    public static IReadOnlyDictionary<AccountKey, Money> TrialBalance(IEnumerable<LedgerTransaction> transactions, DateOnly asOf)
    {
        var balances = new Dictionary<AccountKey, Money>();
        foreach (var line in transactions.Where(t => t.OccurredOn <= asOf).SelectMany(t => t.Entries))
        {
            var key = new AccountKey(line.Account, line.PartnerId, line.Amount.Currency);
            balances[key] = balances.TryGetValue(key, out var sum) ? sum + line.Amount : line.Amount;
        }

        return balances;
    }

    /// <summary>One partner's balance per account at <paramref name="asOf"/>, in <paramref name="currency"/>.</summary>
    public static PartnerBalance ForPartner(IEnumerable<LedgerTransaction> transactions, PartnerId partner, Currency currency, DateOnly asOf) =>
        transactions.Where(t => t.OccurredOn <= asOf)
            .SelectMany(t => t.Entries)
            .Where(e => e.PartnerId == partner && e.Amount.Currency == currency)
            .Aggregate(PartnerBalance.Zero(partner, currency), (balance, line) => balance.Add(line));

    /// <summary>
    /// A partner's balance from per-account sums of its lines (debit positive), as a database computes them: the same
    /// sign convention as folding the lines one by one, without reading them.
    /// </summary>
    public static PartnerBalance FromAccountSums(PartnerId partner, Currency currency, IEnumerable<(LedgerAccount Account, long Sum)> sums) =>
        sums.Aggregate(PartnerBalance.Zero(partner, currency),
            (balance, s) => balance.Add(new LedgerEntry(s.Account, partner, new Money(s.Sum, currency), "sum")));

    /// <summary>Every partner's balance in <paramref name="currency"/> at <paramref name="asOf"/>, in one pass; input to payout planning.</summary>
    public static IReadOnlyList<PartnerBalance> AllPartners(IEnumerable<LedgerTransaction> transactions, Currency currency, DateOnly asOf)
    {
        var balances = new Dictionary<PartnerId, PartnerBalance>();
        foreach (var line in transactions.Where(t => t.OccurredOn <= asOf).SelectMany(t => t.Entries))
        {
            if (line.PartnerId is not { } partner || line.Amount.Currency != currency) continue;
            balances[partner] = balances.GetValueOrDefault(partner, PartnerBalance.Zero(partner, currency)).Add(line);
        }

        return balances.Values.OrderBy(b => b.Partner.Value).ToArray();
    }
}
