using System.Globalization;
using System.Text;

namespace PartnerHub.Core.Deals;

/// <summary>
/// A company name reduced for matching. <see cref="Key"/> is the name without case, accents, punctuation, legal form or
/// a leading "The" ("The Müller &amp; Söhne GmbH" → "muller and sohne"): equal keys are the same customer.
/// <see cref="Skeleton"/> also folds look-alike characters and drops spaces ("Асме" in Cyrillic → "acme"): equal
/// skeletons with different keys are a possible duplicate, worth a person's look.
/// </summary>
public sealed record NormalizedCompanyName(string Original, string Key, string Skeleton, bool MixesScripts)
{
    public bool IsEmpty => Key.Length == 0;
}

public static class CompanyName
{
    public static NormalizedCompanyName Normalize(string? name)
    {
        var original = name?.Trim() ?? "";
        var key = Reduce(original);
        var skeleton = LookAlikes.Skeleton(Reduce(LookAlikes.FoldLetters(original)));
        return new NormalizedCompanyName(original, key, skeleton, LookAlikes.MixesScripts(key));
    }

    private static string Reduce(string name)
    {
        var tokens = Tokens(name);
        StripLegalForms(tokens);
        return string.Join(' ', tokens);
    }

    private static List<string> Tokens(string name)
    {
        // NFKC first turns full-width and ligature forms ("Ｓｏｎｙ", "ﬁ") into plain letters; NFD then splits accents
        // off their letters. Plain ASCII is already in both forms, and most names are plain ASCII.
        var ascii = Ascii.IsValid(name);
        var text = (ascii ? name : name.Normalize(NormalizationForm.FormKC)).ToLowerInvariant();
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in ascii ? text : text.Normalize(NormalizationForm.FormD))
        {
            if (char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark) continue;
            switch (c)
            {
                // Letters that carry no combining mark to drop, spelled the way people type them without the key.
                case 'ß': builder.Append("ss"); break;
                case 'æ': builder.Append("ae"); break;
                case 'œ': builder.Append("oe"); break;
                case 'ø': builder.Append('o'); break;
                case 'đ' or 'ð': builder.Append('d'); break;
                case 'ł': builder.Append('l'); break;
                case 'þ': builder.Append("th"); break;
                case 'ı': builder.Append('i'); break;
                case '&' or '+': builder.Append(" and "); break;
                // Dots and apostrophes join: "S.p.A." is "spa", "McDonald's" is "mcdonalds".
                case '.' or '\'' or '’' or 'ʼ' or '`': break;
                default: builder.Append(char.IsLetterOrDigit(c) ? c : ' '); break;
            }
        }

        return [.. builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static void StripLegalForms(List<string> tokens)
    {
        // Compared folded, so a legal form typed with a look-alike letter (Cyrillic "Іnc") is still a legal form.
        var folded = tokens.Select(LookAlikes.FoldLetters).ToList();
        while (tokens.Count > 1 && LegalSuffixes.Leading.Contains(folded[0]))
        {
            tokens.RemoveAt(0);
            folded.RemoveAt(0);
        }

        // "Acme Holdings Co., Ltd." carries two forms, "Acme GmbH & Co. KG" three joined by "and": strip the longest
        // form at the end until none is left, but never the whole name ("The Company" stays "company").
        for (var words = TrailingForm(folded); words > 0; words = TrailingForm(folded))
        {
            tokens.RemoveRange(tokens.Count - words, words);
            folded.RemoveRange(folded.Count - words, words);
        }
    }

    /// <summary>How many trailing words form a legal form (or a dangling "and"), longest first; 0 when none.</summary>
    private static int TrailingForm(List<string> folded)
    {
        if (folded.Count > 1 && folded[^1] == "and") return 1;
        for (var words = Math.Min(LegalSuffixes.MaxWords, folded.Count - 1); words > 0; words--)
            if (LegalSuffixes.All.Contains(string.Join(' ', folded.GetRange(folded.Count - words, words)))) return words;
        return 0;
    }
}
