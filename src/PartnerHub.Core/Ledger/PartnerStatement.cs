using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Ledger;

/// <summary>
/// One line of a partner statement: a line of the ledger on one of the partner's accounts, signed as the partner
/// reads it (positive: the vendor owes more; negative: less), with its explanation and, for accruals, the basis.
/// </summary>
public sealed record StatementLine(DateOnly OccurredOn, LedgerTransactionId TransactionId, LedgerTransactionKind Kind, LedgerAccount Account,
    string Description, string Explanation, Money Amount, AccrualBasis? Basis);

/// <summary>
/// A partner's monthly statement in one currency: opening balance, every line of the month, closing balance.
/// Opening plus lines equals closing, by construction.
/// </summary>
public sealed record PartnerStatement(PartnerId Partner, StatementPeriod Period, Currency Currency, PartnerBalance Opening,
    IReadOnlyList<StatementLine> Lines, PartnerBalance Closing)
{
    /// <summary>
    /// Builds the statement from the partner's transactions (others are ignored). Lines are placed by business date.
    /// Given <paramref name="postedUpTo"/>, transactions posted later are left out, so a statement issued at that
    /// instant can be rebuilt exactly as it was, whatever was posted since.
    /// </summary>
    public static PartnerStatement Build(PartnerId partner, StatementPeriod period, Currency currency, IEnumerable<LedgerTransaction> transactions,
        DateTimeOffset? postedUpTo = null)
    {
        var visible = transactions.Where(t => postedUpTo is null || t.PostedAt <= postedUpTo).ToArray();
        var opening = LedgerBalances.ForPartner(visible, partner, currency, period.FirstDay.AddDays(-1));
        return Continue(partner, period, currency, opening, visible.Where(t => period.Contains(t.OccurredOn)));
    }

    /// <summary>
    /// A statement from a known opening balance and the period's transactions, for a store that sums the opening
    /// balance itself rather than reading all history. Also builds an adjusting statement: opening at the last issued
    /// closing, with only the transactions that statement did not include. Transactions outside the period are ignored.
    /// </summary>
    public static PartnerStatement Continue(PartnerId partner, StatementPeriod period, Currency currency, PartnerBalance opening,
        IEnumerable<LedgerTransaction> transactions)
    {
        if (opening.Partner != partner || opening.Held.Currency != currency)
            throw new ArgumentException($"The opening balance is for {opening.Partner} in {opening.Held.Currency}, not {partner} in {currency}.", nameof(opening));
        var closing = opening;
        var lines = new List<StatementLine>();
        foreach (var tx in transactions.Where(t => period.Contains(t.OccurredOn)).OrderBy(t => t.OccurredOn).ThenBy(t => t.PostedAt).ThenBy(t => t.Id.Value))
            foreach (var line in tx.Entries.Where(e => e.PartnerId == partner && e.Amount.Currency == currency))
            {
                closing = closing.Add(line);
                lines.Add(new StatementLine(tx.OccurredOn, tx.Id, tx.Kind, line.Account, tx.Description, line.Explanation, -line.Amount, line.Basis));
            }

        return new PartnerStatement(partner, period, currency, opening, lines, closing);
    }
}
