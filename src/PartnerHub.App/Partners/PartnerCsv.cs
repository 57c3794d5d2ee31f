using System.Globalization;
using System.Text.RegularExpressions;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Partners;

/// <summary>
/// The partner CSV format, shared by import and export so a file round-trips unchanged. Lists inside a cell:
/// contacts one per line as "Name &lt;email&gt; | role | phone"; tags and rate overrides separated by ";".
/// </summary>
public static partial class PartnerCsv
{
    public static readonly string[] Columns =
    [
        "external_id", "name", "domain", "category", "subcategory", "stage", "region", "country", "owner", "contacts",
        "revenue_model", "rate_overrides", "agreement_starts_on", "agreement_renews_on", "tags", "notes",
    ];

    public static readonly string[] RequiredColumns = ["name", "domain"];

    /// <summary>"External ID", "external-id" and "external_id" all name the same column.</summary>
    public static string NormalizeHeader(string header) =>
        header.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    /// <summary>Reads one row's cells (by column name) into partner details; cell-format problems are reported per column.</summary>
    public static PartnerDetails Parse(Func<string, string?> cell, List<(string Column, string Message)> problems)
    {
        string? Get(string column) => cell(column) is { Length: > 0 } v ? v : null;

        return new PartnerDetails
        {
            ExternalId = Get("external_id"),
            Name = Get("name"),
            Domain = Get("domain"),
            Category = Get("category"),
            Subcategory = Get("subcategory"),
            Stage = Get("stage"),
            Region = Get("region"),
            Country = Get("country"),
            Owner = Get("owner"),
            Contacts = ParseContacts(Get("contacts"), problems),
            RevenueModel = Get("revenue_model"),
            RateOverrides = ParseRates(Get("rate_overrides"), problems),
            AgreementStartsOn = ParseDate("agreement_starts_on", Get("agreement_starts_on"), problems),
            AgreementRenewsOn = ParseDate("agreement_renews_on", Get("agreement_renews_on"), problems),
            Tags = Get("tags")?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Notes = Get("notes"),
        };
    }

    public static string[] Format(PartnerView p) =>
    [
        p.ExternalId ?? "", p.Name, p.Domain, p.Category, p.Subcategory, p.Stage, p.Region ?? "", p.Country ?? "", p.Owner ?? "",
        string.Join('\n', p.Contacts.Select(FormatContact)),
        p.RevenueModel ?? "",
        string.Join("; ", p.RateOverrides.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.RevenueModel}={r.Percent}"))),
        Date(p.AgreementStartsOn), Date(p.AgreementRenewsOn),
        string.Join("; ", p.Tags),
        p.Notes ?? "",
    ];

    /// <summary>Maps a validation field ("contacts[2].email", "agreementStartsOn") to the CSV column it came from.</summary>
    public static string ColumnOf(string field)
    {
        var end = field.IndexOfAny(['[', '.']);
        var name = end < 0 ? field : field[..end];
        return CamelToSnake().Replace(name, "_$1").ToLowerInvariant();
    }

    private static string FormatContact(Contact c) =>
        c.Phone is not null ? $"{c.Name} <{c.Email}> | {c.Role} | {c.Phone}"
        : c.Role is not null ? $"{c.Name} <{c.Email}> | {c.Role}"
        : $"{c.Name} <{c.Email}>";

    private static Contact[]? ParseContacts(string? cell, List<(string, string)> problems)
    {
        if (cell is null) return null;
        var contacts = new List<Contact>();
        foreach (var line in cell.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = ContactPattern().Match(line.TrimEnd('\r'));
            if (!match.Success)
            {
                problems.Add(("contacts", $"'{Shorten(line)}' is not a contact like 'Jane Doe <jane@example.com> | role | phone'."));
                continue;
            }

            contacts.Add(new Contact(match.Groups["name"].Value, match.Groups["email"].Value,
                match.Groups["role"].Value is { Length: > 0 } role ? role : null,
                match.Groups["phone"].Value is { Length: > 0 } phone ? phone : null));
        }

        return [.. contacts];
    }

    private static RateOverride[]? ParseRates(string? cell, List<(string, string)> problems)
    {
        if (cell is null) return null;
        var rates = new List<RateOverride>();
        foreach (var item in cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && decimal.TryParse(parts[1].TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
                rates.Add(new RateOverride(parts[0], percent));
            else problems.Add(("rate_overrides", $"'{Shorten(item)}' is not a rate like 'revenue-share=20'."));
        }

        return [.. rates];
    }

    private static DateOnly? ParseDate(string column, string? cell, List<(string, string)> problems)
    {
        if (cell is null) return null;
        if (DateOnly.TryParseExact(cell.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problems.Add((column, $"'{Shorten(cell)}' is not a date like 2026-01-31."));
        return null;
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    [GeneratedRegex(@"^(?<name>[^<>|]+?)\s*<(?<email>[^<>|]*)>\s*(\|\s*(?<role>[^|]*?)\s*)?(\|\s*(?<phone>[^|]*?)\s*)?$")]
    private static partial Regex ContactPattern();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex CamelToSnake();
}
