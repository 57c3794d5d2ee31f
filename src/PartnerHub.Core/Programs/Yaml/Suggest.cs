namespace PartnerHub.Core.Programs.Yaml;

/// <summary>"Did you mean …?" for a misspelt key, by edit distance, so a typo is fixed without opening the docs.</summary>
internal static class Suggest
{
    public static string Closest(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var d = Distance(typed.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (d < bestDistance || (d == bestDistance && string.CompareOrdinal(candidate, best) < 0)) (best, bestDistance) = (candidate, d);
        }

        if (best is null) return "";
        return bestDistance <= Math.Max(2, typed.Length / 3) ? $"; did you mean '{best}'?" : $"; expected one of: {string.Join(", ", known)}.";
    }

    private static int Distance(string a, string b)
    {
        if (a.Length > 100 || b.Length > 100) return int.MaxValue / 2;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
