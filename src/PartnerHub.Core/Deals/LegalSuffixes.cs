namespace PartnerHub.Core.Deals;

/// <summary>
/// Legal-form words that say nothing about which company it is ("Acme GmbH" and "ACME Inc." are one customer).
/// Written after name normalization: lower case, dots dropped ("s.p.a." → "spa"), other punctuation a space ("a/s" → "a s").
/// </summary>
internal static class LegalSuffixes
{
    private static readonly string[] Forms =
    [
        // English-speaking
        "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "llp", "lp", "plc", "pc",
        "pllc", "pty", "pty ltd", "pte", "pte ltd", "pvt", "pvt ltd", "private limited", "co ltd", "nl",
        // German, Austrian, Swiss
        "gmbh", "ag", "kg", "ohg", "ug", "ev", "gbr", "kgaa", "se",
        // French, Spanish, Portuguese, Latin American
        "sa", "s a", "sas", "sasu", "sarl", "sl", "s l", "sau", "srl", "ltda", "sa de cv", "s de rl", "eirl", "sca", "scs",
        // Italian
        "spa", "s p a", "snc", "sapa",
        // Dutch, Belgian
        "bv", "b v", "nv", "n v", "bvba", "vof", "cv",
        // Nordic
        "ab", "publ", "ab publ", "as", "a s", "asa", "aps", "oy", "oyj", "hf", "ehf",
        // Central and Eastern European
        "sro", "s r o", "as", "doo", "d o o", "dd", "kft", "zrt", "nyrt", "sp z oo", "spzoo", "ood", "ead", "srl",
        // Asian
        "kk", "k k", "gk", "yk", "kabushiki kaisha", "sdn bhd", "bhd", "tbk", "jsc", "pjsc", "ojsc", "ooo", "zao", "oao",
    ];

    /// <summary>Forms written before the name: "The Acme Company", "PT Astra", "OOO Romashka".</summary>
    public static IReadOnlySet<string> Leading { get; } = new HashSet<string>(["the", "pt", "ooo"], StringComparer.Ordinal);

    /// <summary>Every form, its words joined by one space.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(Forms, StringComparer.Ordinal);

    /// <summary>The most words in one form ("sa de cv"): no longer tail of a name needs looking up.</summary>
    public static int MaxWords { get; } = Forms.Max(f => f.Split(' ').Length);
}
