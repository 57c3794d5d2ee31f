using System.Globalization;
using PartnerHub.Core.Common;

namespace PartnerHub.Web.Common;

/// <summary>Query-string values that arrive as text, so that a bad one is reported by name instead of an empty 400.</summary>
public static class Query
{
    public static int Int(FieldErrors errors, string field, string? text, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(field, $"'{text}' is not a whole number.");
        return fallback;
    }

    public static System.Guid? Guid(FieldErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (System.Guid.TryParse(text, out var value)) return value;
        errors.Add(field, $"'{text}' is not an id like 0190a6b2-7c4e-7d1a-9f00-3c5e2b1a4d77.");
        return null;
    }
}
