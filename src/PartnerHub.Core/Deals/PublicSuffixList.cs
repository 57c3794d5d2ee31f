using System.Globalization;

namespace PartnerHub.Core.Deals;

/// <summary>
/// Mozilla's Public Suffix List: which domain suffixes anyone can register under (co.uk, github.io), so that
/// shop.acme.co.uk and acme.co.uk are one customer but foo.github.io and bar.github.io are two. Both the ICANN and
/// the private sections count, because a private suffix (github.io, herokuapp.com) is just as shared.
/// </summary>
public sealed class PublicSuffixList
{
    private const string ResourceName = "PartnerHub.Core.Deals.public_suffix_list.dat";

    // Parsed once, on first use: 9,500 rules take a few milliseconds, and most processes never need them.
    private static readonly Lazy<PublicSuffixList> Embedded = new(LoadEmbedded);

    private static readonly IdnMapping Idn = new();

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _rules;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _wildcards;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _exceptions;

    private PublicSuffixList(HashSet<string> rules, HashSet<string> wildcards, HashSet<string> exceptions)
    {
        _rules = rules.GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcards = wildcards.GetAlternateLookup<ReadOnlySpan<char>>();
        _exceptions = exceptions.GetAlternateLookup<ReadOnlySpan<char>>();
        RuleCount = rules.Count + wildcards.Count + exceptions.Count;
    }

    /// <summary>The list shipped inside this assembly (a copy of Debian's publicsuffix package).</summary>
    public static PublicSuffixList Default => Embedded.Value;

    public int RuleCount { get; }

    /// <summary>Parses the list's text format: one rule a line, "//" comments, "*." wildcards and "!" exceptions.</summary>
    public static PublicSuffixList Parse(string text)
    {
        var rules = new HashSet<string>(StringComparer.Ordinal);
        var wildcards = new HashSet<string>(StringComparer.Ordinal);
        var exceptions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var space = line.IndexOfAny([' ', '\t']);
            if (space >= 0) line = line[..space];
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal)) continue;

            if (line.StartsWith('!')) AddAscii(exceptions, line[1..]);
            else if (line.StartsWith("*.", StringComparison.Ordinal)) AddAscii(wildcards, line[2..]);
            else AddAscii(rules, line);
        }

        return new PublicSuffixList(rules, wildcards, exceptions);
    }

    /// <summary>
    /// The public suffix of a lower-case ASCII (punycode) host name: the longest matching rule, an exception rule
    /// winning over a wildcard, and the last label alone when no rule matches (the list's implicit "*" rule).
    /// </summary>
    public string PublicSuffix(string host)
    {
        var starts = LabelStarts(host);

        // An exception rule (!city.kawasaki.jp) names a registrable domain under a wildcard: its suffix is one label shorter.
        foreach (var start in starts)
            if (_exceptions.Contains(host.AsSpan(start))) return host[NextLabel(host, start)..];

        // Labels are tried longest first, so the first hit is the longest matching rule.
        for (var i = 0; i < starts.Count; i++)
        {
            var suffix = host.AsSpan(starts[i]);
            if (_rules.Contains(suffix)) return host[starts[i]..];
            if (i + 1 < starts.Count && _wildcards.Contains(host.AsSpan(starts[i + 1]))) return host[starts[i]..];
        }

        return host[starts[^1]..];
    }

    /// <summary>The registrable domain (eTLD+1) of a lower-case ASCII host, or null when the host is itself a public suffix.</summary>
    public string? RegistrableDomain(string host)
    {
        var suffix = PublicSuffix(host);
        if (suffix.Length >= host.Length) return null;
        var labelEnd = host.Length - suffix.Length - 1; // the dot before the suffix
        var labelStart = host.LastIndexOf('.', labelEnd - 1) + 1;
        return host[labelStart..];
    }

    private static void AddAscii(HashSet<string> set, string rule)
    {
        // Rules are written in Unicode (公司.cn); hosts arrive as punycode, so rules are compared in punycode too.
        try
        {
            set.Add(Idn.GetAscii(rule).ToLowerInvariant());
        }
        catch (ArgumentException)
        {
            set.Add(rule.ToLowerInvariant());
        }
    }

    private static List<int> LabelStarts(string host)
    {
        var starts = new List<int>(6) { 0 };
        for (var i = 0; i < host.Length; i++)
            if (host[i] == '.') starts.Add(i + 1);
        return starts;
    }

    private static int NextLabel(string host, int start)
    {
        var dot = host.IndexOf('.', start);
        return dot < 0 ? host.Length : dot + 1;
    }

    private static PublicSuffixList LoadEmbedded()
    {
        using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
