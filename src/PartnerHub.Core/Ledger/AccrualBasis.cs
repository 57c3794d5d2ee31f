using System.Globalization;
using PartnerHub.Core.Common;

namespace PartnerHub.Core.Ledger;

/// <summary>
/// Why a partner earned an amount: the revenue model, the base it was computed on, the rate (or a flat amount), the
/// tier and the program version, and the engine's sentence for it. The program/rates model produces this; the ledger
/// stores it on every accrual line so a statement can show where each cent came from.
/// </summary>
public sealed record AccrualBasis(string RevenueModel, Money BaseAmount, decimal? Percent, Money? FlatAmount, string? Tier, string ProgramVersion, string Explanation)
{
    public static AccrualBasis Rate(string revenueModel, Money baseAmount, decimal percent, string? tier, string programVersion, string explanation) =>
        new(revenueModel, baseAmount, percent, null, tier, programVersion, explanation);

    public static AccrualBasis Flat(string revenueModel, Money baseAmount, Money amount, string? tier, string programVersion, string explanation) =>
        new(revenueModel, baseAmount, null, amount, tier, programVersion, explanation);

    /// <summary>The amount earned: base × percent (rounded once, in <see cref="Money.ApplyRate"/>), or the flat amount.</summary>
    public Money Amount => Percent is { } percent ? BaseAmount.ApplyRate(percent) : FlatAmount ?? Money.Zero(BaseAmount.Currency);

    public Result Validate()
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(RevenueModel)) errors.Add("basis.revenueModel", "This field is required.");
        if (string.IsNullOrWhiteSpace(ProgramVersion)) errors.Add("basis.programVersion", "This field is required.");
        if (string.IsNullOrWhiteSpace(Explanation)) errors.Add("basis.explanation", "Every accrual explains itself; this field is required.");
        if ((Percent is null) == (FlatAmount is null)) errors.Add("basis.percent", "Give either a percent or a flat amount, not both or neither.");
        if (Percent is < 0 or > 100) errors.Add("basis.percent", string.Create(CultureInfo.InvariantCulture, $"{Percent}% is not between 0 and 100."));
        if (FlatAmount is { } flat && flat.Currency != BaseAmount.Currency)
            errors.Add("basis.flatAmount", $"The flat amount is in {flat.Currency}, the base in {BaseAmount.Currency}.");
        else if (!errors.Any && Amount.Minor <= 0)
            errors.Add("basis.amount", $"The earned amount is {Amount}; an accrual must be more than zero (a reduction is a clawback).");
        return errors.Any ? errors.ToError() : Result.Success;
    }
}
