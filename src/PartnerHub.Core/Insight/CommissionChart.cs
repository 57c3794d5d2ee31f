using System.Globalization;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Insight;

/// <summary>
/// One ledger line on a partner's commission accounts (held or payable), with its transaction's kind; for a reversal,
/// <see cref="Settles"/> follows the transaction it reverses, so a returned payout counts as negative paid.
/// </summary>
public sealed record CommissionLine(DateOnly On, PartnerId Partner, LedgerAccount Account, bool Settles, long AmountMinor);

/// <summary>
/// Commission accrued vs paid per month over the dashboard's twelve months, from the ledger: what partners earned (net
/// of clawbacks and adjustments), what was settled (payouts and fee set-offs, net of returned payouts), and what the
/// vendor still owes at each month end. Pure: the lines in, the chart out.
/// </summary>
public static class CommissionChart
{
    public const string Key = "commissions";

    private static readonly LedgerAccount[] Owed = [LedgerAccount.CommissionHeld, LedgerAccount.CommissionPayable];

    /// <summary>The transaction kinds that settle what is owed rather than change it.</summary>
    public static bool IsSettlement(LedgerTransactionKind kind) => kind is LedgerTransactionKind.Payout or LedgerTransactionKind.FeeCollection;

    public static Chart Build(IReadOnlyList<CommissionLine> lines, DateOnly asOf, Currency currency)
    {
        var months = Months(asOf);
        var accrued = new long[months.Length];
        var paid = new long[months.Length];
        var owed = new long[months.Length];
        for (var m = 0; m < months.Length; m++)
        {
            var (start, end) = months[m];
            foreach (var line in lines.Where(l => Owed.Contains(l.Account) && l.On <= end))
            {
                owed[m] -= line.AmountMinor;
                if (line.On < start) continue;
                if (!line.Settles) accrued[m] -= line.AmountMinor; // a release moves held to payable and nets to zero
                else if (line.Account == LedgerAccount.CommissionPayable) paid[m] += line.AmountMinor;
            }
        }

        return new Chart(Key, "Commission accrued vs paid", asOf, ChartUnit.Money, Stacked: false,
            months.Select(m => new ChartPoint(m.End.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.End.ToString("MMM yyyy", CultureInfo.InvariantCulture))).ToList(),
            [
                new ChartSeries("accrued", "Accrued", Major(accrued, currency)),
                new ChartSeries("paid", "Paid", Major(paid, currency)),
                new ChartSeries("owed", "Owed at month end", Major(owed, currency), Line: true),
            ],
            "Accrued: commission, reseller margin and rebates partners earned in the month (ledger lines on their held and payable "
            + "accounts), net of clawbacks and adjustments; a release from held to payable nets to zero. Paid: payouts and fee "
            + "set-offs against commission in the month, net of returned payouts. Owed: held plus payable at the month end.")
        { Currency = currency.Code };
    }

    /// <summary>The partners with a non-zero value behind a point (a month) of a series.</summary>
    public static IReadOnlyList<PartnerId> Partners(IReadOnlyList<CommissionLine> lines, DateOnly asOf, string point, string series)
    {
        var month = Months(asOf).Where(m => m.End.ToString("yyyy-MM", CultureInfo.InvariantCulture) == point).ToList();
        if (month.Count == 0) return [];
        var (start, end) = month[0];
        var relevant = lines.Where(l => Owed.Contains(l.Account) && l.On <= end);
        relevant = series switch
        {
            "accrued" => relevant.Where(l => l.On >= start && !l.Settles),
            "paid" => relevant.Where(l => l.On >= start && l.Settles && l.Account == LedgerAccount.CommissionPayable),
            "owed" => relevant,
            _ => [],
        };
        return relevant.GroupBy(l => l.Partner).Where(g => g.Sum(l => l.AmountMinor) != 0).Select(g => g.Key).ToList();
    }

    private static List<decimal> Major(long[] minor, Currency currency) => minor.Select(m => new Money(m, currency).ToMajor()).ToList();

    private static (DateOnly Start, DateOnly End)[] Months(DateOnly asOf) =>
        Enumerable.Range(1, 12).Select(i => ProgramCharts.MonthEnd(asOf, i - 12)).Select(end => (new DateOnly(end.Year, end.Month, 1), end)).ToArray();
}
