using System.Globalization;

namespace PartnerHub.Core.Common;

/// <summary>
/// An amount in integer minor units (cents) of one currency. Never a float; rounding happens only in
/// <see cref="ApplyRate"/> and splitting only in <see cref="Split"/>, so both rules live in one place.
/// </summary>
public readonly record struct Money(long Minor, Currency Currency) : IComparable<Money>
{
    public static Money Zero(Currency currency) => new(0, currency);

    public static Money operator +(Money a, Money b) => new(checked(a.Minor + SameCurrency(a, b).Minor), a.Currency);

    public static Money operator -(Money a, Money b) => new(checked(a.Minor - SameCurrency(a, b).Minor), a.Currency);

    public static Money operator -(Money a) => new(checked(-a.Minor), a.Currency);

    public static bool operator <(Money a, Money b) => a.CompareTo(b) < 0;

    public static bool operator >(Money a, Money b) => a.CompareTo(b) > 0;

    public static bool operator <=(Money a, Money b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Money a, Money b) => a.CompareTo(b) >= 0;

    public int CompareTo(Money other) => Minor.CompareTo(SameCurrency(this, other).Minor);

    /// <summary>
    /// This amount times <paramref name="percent"/> / 100, rounded half away from zero to a whole minor unit:
    /// the commercial rule, so 0.5 cent of commission is paid, not dropped, and a refund claws back the mirror image.
    /// </summary>
    public Money ApplyRate(decimal percent) =>
        new(checked((long)Math.Round(Minor * percent / 100m, MidpointRounding.AwayFromZero)), Currency);

    /// <summary>
    /// Splits this amount by <paramref name="weights"/> with the largest-remainder method: the parts always add up to
    /// the whole, and leftover minor units go to the largest fractional remainders (ties to the earliest part).
    /// </summary>
    public IReadOnlyList<Money> Split(IReadOnlyList<long> weights)
    {
        ArgumentOutOfRangeException.ThrowIfZero(weights.Count);
        if (weights.Any(w => w < 0)) throw new ArgumentOutOfRangeException(nameof(weights), "Weights must not be negative.");
        var total = weights.Sum(w => (decimal)w);
        if (total == 0) throw new ArgumentOutOfRangeException(nameof(weights), "Weights must not all be zero.");

        var sign = Math.Sign(Minor);
        var magnitude = Math.Abs((decimal)Minor);
        var parts = new long[weights.Count];
        var remainders = new decimal[weights.Count];
        long allotted = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = magnitude * weights[i] / total;
            parts[i] = (long)Math.Floor(exact);
            remainders[i] = exact - parts[i];
            allotted += parts[i];
        }

        var leftover = (long)magnitude - allotted;
        foreach (var i in Enumerable.Range(0, parts.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)leftover))
            parts[i]++;

        var currency = Currency;
        return parts.Select(p => new Money(sign * p, currency)).ToArray();
    }

    /// <summary>Parses a decimal major-unit amount ("61200.50") into minor units, refusing sub-minor precision.</summary>
    public static Result<Money> ParseMajor(string? text, Currency currency, string field = "amount")
    {
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var major))
            return Error.Validation(field, $"'{text}' is not a number like 1234.56.");
        var minor = major * Pow10(currency.Exponent);
        if (minor != decimal.Truncate(minor))
            return Error.Validation(field, $"{currency.Code} amounts have at most {currency.Exponent} decimal places.");
        if (minor is > long.MaxValue or < long.MinValue) return Error.Validation(field, "The amount is too large.");
        return new Money((long)minor, currency);
    }

    public decimal ToMajor() => Minor / Pow10(Currency.Exponent);

    /// <summary>A major-unit amount (a target in the program file) in minor units, rounded half away from zero.</summary>
    public static Money FromMajor(decimal major, Currency currency) => new((long)Math.Round(major * Pow10(currency.Exponent), MidpointRounding.AwayFromZero), currency);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{ToMajor().ToString("N" + Currency.Exponent, CultureInfo.InvariantCulture)} {Currency.Code}");

    private static Money SameCurrency(Money a, Money b) =>
        a.Currency == b.Currency ? b : throw new InvalidOperationException($"Cannot combine {a.Currency} and {b.Currency}.");

    private static decimal Pow10(int exponent) => exponent switch { 0 => 1m, 1 => 10m, 2 => 100m, 3 => 1000m, _ => (decimal)Math.Pow(10, exponent) };
}
