using System.Buffers;

namespace PartnerHub.Core.Common;

/// <summary>Checks for free text that users type or import. Text is stored exactly as written or refused with a reason.</summary>
public static class Text
{
    // Sets searched with vectorized instructions: every field of every imported row passes through these checks.
    private static readonly SearchValues<char> Controls = SearchValues.Create(Chars(char.IsControl));
    private static readonly SearchValues<char> ControlsButLineBreaks = SearchValues.Create(Chars(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')));
    private static readonly SearchValues<char> NotInEmail = SearchValues.Create(Chars(c => char.IsWhiteSpace(c) || c is '<' or '>'));

    /// <summary>A single-line value: trimmed, within <paramref name="max"/> characters, without control characters.</summary>
    public static string? Line(FieldErrors errors, string field, string? value, int max, bool required = false)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required) errors.Add(field, "This field is required.");
            return null;
        }

        if (text.Length > max) errors.Add(field, $"At most {max} characters (this has {text.Length}).");
        else if (HasControl(text, allowLineBreaks: false)) errors.Add(field, "Contains a control character (such as a line break or NUL); remove it.");
        return text;
    }

    /// <summary>A multi-line value: line breaks and tabs are kept, other control characters are refused.</summary>
    public static string? Block(FieldErrors errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Length > max) errors.Add(field, $"At most {max} characters (this has {value.Length}).");
        else if (HasControl(value, allowLineBreaks: true)) errors.Add(field, "Contains a control character other than a line break or tab.");
        return value;
    }

    public static string? Email(FieldErrors errors, string field, string? value, bool required = false)
    {
        var text = Line(errors, field, value, 254, required);
        if (text is null) return null;
        var at = text.IndexOf('@');
        var valid = at > 0 && at == text.LastIndexOf('@') && text.IndexOf('.', at) > at + 1 && !text.EndsWith('.')
            && !text.AsSpan().ContainsAny(NotInEmail);
        if (!valid) errors.Add(field, $"'{text}' is not an email address like name@example.com.");
        return text;
    }

    public static bool HasControl(string text, bool allowLineBreaks) =>
        text.AsSpan().ContainsAny(allowLineBreaks ? ControlsButLineBreaks : Controls);

    private static char[] Chars(Func<char, bool> where) => Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(where).ToArray();
}
