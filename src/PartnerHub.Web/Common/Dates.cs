using System.Globalization;
using PartnerHub.Core.Common;

namespace PartnerHub.Web.Common;

/// <summary>Business dates in query strings: yyyy-MM-dd, or the default when absent.</summary>
public static class Dates
{
    public static bool TryParse(string? text, string field, DateOnly fallback, out DateOnly date, out Error? error)
    {
        error = null;
        date = fallback;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        error = Error.Validation(field, $"'{text}' is not a date like 2026-01-31.");
        return false;
    }
}
