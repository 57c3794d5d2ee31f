using System.Globalization;
using PartnerHub.Core.Common;

namespace PartnerHub.Core.Programs;

/// <summary>How amounts and rates read in explanations, diffs and problems: "$100,000.00", "12.5%". One place, invariant culture.</summary>
public static class Display
{
    public static string Money(long minor, Currency currency)
    {
        var major = new Money(minor, currency).ToMajor();
        var number = Math.Abs(major).ToString("N" + currency.Exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var sign = major < 0 ? "-" : "";
        return currency.Code switch
        {
            "USD" => $"{sign}${number}",
            "EUR" => $"{sign}€{number}",
            "GBP" => $"{sign}£{number}",
            _ => $"{sign}{number} {currency.Code}",
        };
    }

    public static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"Strategic" for a tier named "Strategic Partners": how sentences name a tier.</summary>
    public static string TierName(Tier tier) => tier.Name.EndsWith(" Partners", StringComparison.Ordinal) ? tier.Name[..^9] : tier.Name;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
