using System.Text;

namespace PartnerHub.Core.Deals;

/// <summary>
/// Characters that people read as Latin letters though they are not: Cyrillic "а" for "a", Greek "Ο" for "O", the digit
/// "0" for "o". Folding them gives a name's skeleton, so "Асме" (Cyrillic) and "Acme" meet. A small hand-picked subset
/// of Unicode's confusables (UTS #39): the letters that really occur in spoofed company names, not the whole table.
/// </summary>
internal static class LookAlikes
{
    // Case matters before lower-casing: Cyrillic "Н" looks like "H" while "н" looks like a small-caps H too, but Greek
    // "Η" looks like "H" and "η" like "n"; so the fold runs on the text as typed.
    private static readonly Dictionary<char, char> Letters = new()
    {
        // Cyrillic
        ['А'] = 'A', ['а'] = 'a', ['В'] = 'B', ['в'] = 'b', ['Е'] = 'E', ['е'] = 'e', ['К'] = 'K', ['к'] = 'k',
        ['М'] = 'M', ['м'] = 'm', ['Н'] = 'H', ['н'] = 'h', ['О'] = 'O', ['о'] = 'o', ['Р'] = 'P', ['р'] = 'p',
        ['С'] = 'C', ['с'] = 'c', ['Т'] = 'T', ['т'] = 't', ['У'] = 'Y', ['у'] = 'y', ['Х'] = 'X', ['х'] = 'x',
        ['І'] = 'I', ['і'] = 'i', ['Ј'] = 'J', ['ј'] = 'j', ['Ѕ'] = 'S', ['ѕ'] = 's', ['Һ'] = 'H', ['һ'] = 'h',
        ['Ԁ'] = 'd', ['ԁ'] = 'd', ['Ԛ'] = 'Q', ['ԛ'] = 'q', ['Ԝ'] = 'W', ['ԝ'] = 'w', ['Ӏ'] = 'l', ['ӏ'] = 'l',
        ['п'] = 'n', ['Ь'] = 'b', ['ь'] = 'b', ['Ү'] = 'Y', ['ү'] = 'y',
        // Greek
        ['Α'] = 'A', ['α'] = 'a', ['Β'] = 'B', ['β'] = 'b', ['Ε'] = 'E', ['ε'] = 'e', ['Ζ'] = 'Z', ['Η'] = 'H',
        ['η'] = 'n', ['Ι'] = 'I', ['ι'] = 'i', ['Κ'] = 'K', ['κ'] = 'k', ['Μ'] = 'M', ['Ν'] = 'N', ['ν'] = 'v',
        ['Ο'] = 'O', ['ο'] = 'o', ['Ρ'] = 'P', ['ρ'] = 'p', ['Τ'] = 'T', ['τ'] = 't', ['Υ'] = 'Y', ['υ'] = 'u',
        ['Χ'] = 'X', ['χ'] = 'x', ['ω'] = 'w', ['γ'] = 'y', ['ϲ'] = 'c', ['Ϲ'] = 'C',
    };

    /// <summary>Replaces look-alike letters of other scripts with the Latin letter they imitate.</summary>
    public static string FoldLetters(string text)
    {
        if (Ascii.IsValid(text) || !text.Any(Letters.ContainsKey)) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(Letters.GetValueOrDefault(c, c));
        return builder.ToString();
    }

    /// <summary>
    /// The compact skeleton of an already normalized name: look-alike digits and letter pairs folded ("0" → "o",
    /// "1" → "l", "rn" → "m", "vv" → "w") and spaces dropped, so "Micr0soft" and "Micro Soft" read alike.
    /// </summary>
    public static string Skeleton(string normalized)
    {
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c == ' ') continue;
            builder.Append(c switch { '0' => 'o', '1' => 'l', _ => c });
        }

        return builder.Replace("rn", "m").Replace("vv", "w").ToString();
    }

    /// <summary>True when one word mixes Latin letters with Cyrillic or Greek ones: never a real spelling, often a spoof.</summary>
    public static bool MixesScripts(string text)
    {
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            bool latin = false, other = false;
            foreach (var c in word)
            {
                if (char.IsAsciiLetter(c) || c is >= 'À' and <= 'ɏ') latin = true;
                else if (c is >= 'Ͱ' and <= 'ԯ') other = true;
            }

            if (latin && other) return true;
        }

        return false;
    }
}
