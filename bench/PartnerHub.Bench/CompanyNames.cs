using PartnerHub.Core.Deals;

namespace PartnerHub.Bench;

/// <summary>How the bench names its companies.</summary>
public enum NameStyle
{
    /// <summary>
    /// A made-up brand (two or three consonant-vowel syllables, maybe a final consonant) and an industry word, sometimes a
    /// third word: "Kavoren Analytics", "Tizumo Logistics Group". Like real customer lists, most trigrams are rare (the
    /// brand's) and a few are everywhere (the industry words', the first letters').
    /// </summary>
    Realistic,

    /// <summary>Four words out of a 40-word vocabulary: every trigram occurs in tens of thousands of a million names. The worst case for the close-name hint.</summary>
    FortyWords,
}

/// <summary>A distinct company per number (no two numbers give the same name key or domain), in either <see cref="NameStyle"/>.</summary>
public static class CompanyNames
{
    private static readonly string[] Words =
    [
        "Bright", "North", "Blue", "Summit", "Cedar", "Nova", "Atlas", "Harbor", "Pixel", "Lumen", "Vertex", "Orbit", "Maple", "Signal",
        "Kite", "Ember", "Tidal", "Quartz", "Willow", "Falcon", "Aurora", "Granite", "Meadow", "Beacon", "Cobalt", "Juniper", "Prism",
        "Sable", "Zenith", "Copper", "Fjord", "Ridge", "Sparrow", "Lattice", "Mosaic", "Ion", "Crest", "Delta", "Echo", "Harvest",
    ];

    private const string Consonants = "bcdfghjklmnprstvz";
    private const string Vowels = "aeiou";
    private const string Endings = " nrsxltmk"; // the first means none

    private static readonly string[] Industries =
    [
        "Analytics", "Logistics", "Software", "Health", "Foods", "Energy", "Capital", "Robotics", "Media", "Systems", "Networks", "Labs",
        "Mobility", "Pharma", "Security", "Cloud", "Data", "Retail", "Studios", "Dynamics", "Biotech", "Marine", "Aerospace", "Textiles",
        "Apparel", "Farms", "Motors", "Games", "Learning", "Insurance", "Consulting", "Travel", "Finance", "Payments", "Devices", "Materials",
        "Brewing", "Fitness", "Optics", "Telecom", "Semiconductors", "Interiors", "Architects", "Clinics", "Outdoors", "Audio", "Ventures", "Freight",
    ];

    private static readonly string[] Thirds = ["Group", "Partners", "International", "Holdings", "Solutions", "Technologies", "Industries", "Services"];

    private const int Syllables = 17 * 5;

    /// <summary>How many distinct realistic names there are: numbers 0 … Count − 1 give different companies.</summary>
    public const long RealisticCount = (long)Syllables * Syllables * (Syllables + 1) * 9 * 48 * 2;

    /// <summary>Multiplying by this (coprime to <see cref="RealisticCount"/>) modulo the count scatters consecutive numbers over the whole space.</summary>
    private const long Scatter = 2_654_435_761;

    public static string Name(long n, NameStyle style) => style == NameStyle.FortyWords ? FortyWords((int)n) : Realistic(n);

    public static DealRegistrationDetails Details(long n, NameStyle style)
    {
        var name = Name(n, style);
        return new DealRegistrationDetails
        {
            CustomerName = name + " Ltd", CustomerDomain = $"{name.Replace(' ', '-').ToLowerInvariant()}.com", ContactName = "Ada Buyer",
            ContactEmail = "ada@example.com", Product = "Enterprise plan", EstimatedValue = "48000.00", Currency = "USD", ExpectedCloseOn = new DateOnly(2027, 1, 31),
        };
    }

    private static string FortyWords(int n)
    {
        var w = Words;
        return $"{w[n % 40]} {w[n / 40 % 40]} {w[n / 1600 % 40]} {w[n / 64000 % 40]}";
    }

    // Mixed-radix digits of a scattered number: syllables strictly alternate consonant and vowel, so a brand reads back
    // into exactly one digit sequence and distinct numbers give distinct names.
    private static string Realistic(long n)
    {
        var x = (long)((UInt128)(ulong)n * Scatter % RealisticCount);
        var first = (int)(x % Syllables); x /= Syllables;
        var second = (int)(x % Syllables); x /= Syllables;
        var third = (int)(x % (Syllables + 1)); x /= Syllables + 1;
        var ending = (int)(x % 9); x /= 9;
        var industry = (int)(x % 48); x /= 48;
        var withThird = x % 2 == 1;
        var brand = Syllable(first) + Syllable(second) + (third == Syllables ? "" : Syllable(third)) + Endings[ending].ToString().Trim();
        brand = char.ToUpperInvariant(brand[0]) + brand[1..];
        var name = $"{brand} {Industries[industry]}";
        return withThird ? $"{name} {Thirds[(first + second) % Thirds.Length]}" : name;
    }

    private static string Syllable(int s) => $"{Consonants[s / 5]}{Vowels[s % 5]}";
}
