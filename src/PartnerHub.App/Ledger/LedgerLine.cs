using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;

namespace PartnerHub.App.Ledger;

/// <summary>
/// The columns a ledger line and a statement line share: where it sits (transaction, business date, kind, account), the
/// signed amount as two columns (minor units and currency), its explanation and, on accrual lines, the basis it was
/// computed from, in columns of their own so commissions can be summed by model, tier or program version in SQL.
/// </summary>
public abstract class LedgerLine
{
    public LedgerTransactionId TransactionId { get; protected set; }
    public DateOnly OccurredOn { get; protected set; }
    public LedgerTransactionKind Kind { get; protected set; }
    public LedgerAccount Account { get; protected set; }
    public long AmountMinor { get; protected set; }
    public Currency Currency { get; protected set; }
    public string Explanation { get; protected set; } = "";

    public string? BasisRevenueModel { get; protected set; }
    public long? BasisBaseMinor { get; protected set; }
    public decimal? BasisPercent { get; protected set; }
    public long? BasisFlatMinor { get; protected set; }
    public string? BasisTier { get; protected set; }
    public string? BasisProgramVersion { get; protected set; }
    public string? BasisExplanation { get; protected set; }

    public Money Amount => new(AmountMinor, Currency);

    /// <summary>The accrual basis, when this line has one. Its base and flat amounts are in the line's currency.</summary>
    public AccrualBasis? Basis => BasisRevenueModel is null ? null
        : new AccrualBasis(BasisRevenueModel, new Money(BasisBaseMinor ?? 0, Currency), BasisPercent,
            BasisFlatMinor is { } flat ? new Money(flat, Currency) : null, BasisTier, BasisProgramVersion ?? "", BasisExplanation ?? "");

    protected void SetBasis(AccrualBasis? basis)
    {
        if (basis is null) return;
        if (basis.BaseAmount.Currency != Currency)
            throw new InvalidOperationException($"An accrual basis in {basis.BaseAmount.Currency} on a {Currency} line cannot be stored.");
        (BasisRevenueModel, BasisBaseMinor, BasisPercent, BasisFlatMinor) = (basis.RevenueModel, basis.BaseAmount.Minor, basis.Percent, basis.FlatAmount?.Minor);
        (BasisTier, BasisProgramVersion, BasisExplanation) = (basis.Tier, basis.ProgramVersion, basis.Explanation);
    }
}
