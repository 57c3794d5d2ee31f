namespace PartnerHub.Core.Deals;

/// <summary>
/// How alike two company names are: the Jaccard similarity of the trigram sets of their skeletons (padded "  acme "
/// gives "  a", " ac", "acm", "cme", "me "). Chosen over Jaro–Winkler because the same sets drive the index: a
/// candidate at or above the threshold must share enough trigrams, which lets <see cref="CustomerIdentityIndex"/>
/// find every such name without comparing against all of them.
/// </summary>
public static class NameSimilarity
{
    /// <summary>
    /// Names at or above 50% are a "close name match". Measured on pairs: one typo in a name of ten letters or more
    /// stays above ("salesforce"/"salesforse" 0.57, "contoso"/"contosso" 0.70, "acme holdings"/"acme holding" 0.79);
    /// different companies that share a word stay below ("general motors"/"general mills" 0.42, "acme"/"acme robotics"
    /// 0.29, "united airlines"/"united airways" 0.45). Short names need near-identity ("acme"/"acne" 0.25), which is
    /// right: short real names one letter apart are usually different companies. Look-alike spellings are caught
    /// by equal skeletons, not by this measure.
    /// </summary>
    public const int ThresholdPercent = 50;

    public static double Similarity(string skeletonA, string skeletonB)
    {
        var (shared, union) = Jaccard(Trigrams(skeletonA), Trigrams(skeletonB));
        return union == 0 ? 0 : (double)shared / union;
    }

    public static bool IsClose(string skeletonA, string skeletonB)
    {
        var (shared, union) = Jaccard(Trigrams(skeletonA), Trigrams(skeletonB));
        return union > 0 && IsClose(shared, union);
    }

    internal static bool IsClose(int shared, int union) => shared * 100L >= ThresholdPercent * (long)union;

    /// <summary>The fewest trigrams a name must share with a query of <paramref name="count"/> trigrams to be close.</summary>
    internal static int MinShared(int count) => (int)Math.Ceiling(count * ThresholdPercent / 100.0);

    /// <summary>The distinct trigrams of a skeleton, each packed into a long (three UTF-16 units), sorted.</summary>
    internal static long[] Trigrams(string skeleton)
    {
        if (skeleton.Length == 0) return [];
        var padded = string.Concat("  ", skeleton, " ");
        var grams = new long[padded.Length - 2];
        for (var i = 0; i < grams.Length; i++)
            grams[i] = ((long)padded[i] << 32) | ((long)padded[i + 1] << 16) | padded[i + 2];
        Array.Sort(grams);
        var distinct = 0;
        for (var i = 0; i < grams.Length; i++)
            if (i == 0 || grams[i] != grams[i - 1]) grams[distinct++] = grams[i];
        return grams[..distinct];
    }

    internal static (int Shared, int Union) Jaccard(long[] a, long[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }

        return (shared, a.Length + b.Length - shared);
    }
}
