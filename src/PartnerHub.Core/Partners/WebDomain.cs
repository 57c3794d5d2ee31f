using System.Globalization;
using PartnerHub.Core.Common;

namespace PartnerHub.Core.Partners;

/// <summary>
/// A website domain in one canonical form: lower case, punycode for international names, no scheme, port,
/// path, "www." or trailing dot. "https://WWW.Example.com/about" and "example.com" are the same partner.
/// </summary>
public static class WebDomain
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    public static Result<string> Normalize(string? input, string field = "domain")
    {
        var text = input?.Trim() ?? "";
        if (text.Length == 0) return Error.Validation(field, "A website domain is required.");
        if (text.Length > 2048) return Error.Validation(field, "The domain is too long.");

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0) text = text[(schemeEnd + 3)..];
        var end = text.IndexOfAny(['/', '?', '#']);
        if (end >= 0) text = text[..end];
        var at = text.LastIndexOf('@');
        if (at >= 0) text = text[(at + 1)..];
        var colon = text.LastIndexOf(':');
        if (colon >= 0) text = text[..colon];
        text = text.TrimEnd('.');

        string ascii;
        try
        {
            ascii = Idn.GetAscii(text).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return Error.Validation(field, $"'{Shorten(input!)}' is not a valid website domain.");
        }

        if (ascii.StartsWith("www.", StringComparison.Ordinal)) ascii = ascii[4..];
        var labels = ascii.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length is 0 or > 63) || ascii.Length > 253 || labels[^1].All(char.IsAsciiDigit))
            return Error.Validation(field, $"'{Shorten(input!)}' is not a valid website domain (expected something like example.com).");
        return ascii;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
