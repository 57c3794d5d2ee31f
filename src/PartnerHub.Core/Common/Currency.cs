namespace PartnerHub.Core.Common;

/// <summary>An ISO 4217 currency code with its minor-unit exponent (USD: 2, JPY: 0, KWD: 3).</summary>
public readonly record struct Currency
{
    // Exponents that differ from the usual 2; every other well-formed code uses 2.
    private static readonly Dictionary<string, int> UnusualExponents = new(StringComparer.Ordinal)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    };

    private Currency(string code) => Code = code;

    public string Code { get; }

    public int Exponent => UnusualExponents.GetValueOrDefault(Code, 2);

    public static Currency Usd { get; } = new("USD");

    public static Result<Currency> Parse(string? code)
    {
        var trimmed = code?.Trim().ToUpperInvariant();
        if (trimmed is not { Length: 3 } || !trimmed.All(char.IsAsciiLetterUpper))
            return Error.Validation("currency", $"'{code}' is not a three-letter ISO 4217 currency code.");
        return new Currency(trimmed);
    }

    public override string ToString() => Code;
}
