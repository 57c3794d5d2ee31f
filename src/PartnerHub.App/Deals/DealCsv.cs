using System.Globalization;
using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>
/// The deal registration CSV format. <c>partner_domain</c> names the registering partner (a partner user may leave the
/// column out: its rows are its own); <c>external_id</c> is the partner's or CRM's id for the opportunity and the key a
/// re-import matches on. Amounts are major units ("61200.50") in the row's currency; dates are yyyy-MM-dd.
/// </summary>
public static class DealCsv
{
    public static readonly string[] Columns =
    [
        "partner_domain", "external_id", "customer_name", "customer_domain", "contact_name", "contact_email", "product",
        "estimated_value", "currency", "expected_close_on", "notes",
    ];

    public static readonly string[] RequiredColumns =
        ["customer_name", "customer_domain", "contact_name", "contact_email", "product", "estimated_value", "currency", "expected_close_on"];

    /// <summary>"Customer Name", "customer-name" and "customer_name" all name the same column.</summary>
    public static string NormalizeHeader(string header) =>
        header.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    public static DealRegistrationDetails Parse(Func<string, string?> cell, List<(string Column, string Message)> problems)
    {
        string? Get(string column) => cell(column) is { Length: > 0 } v ? v : null;
        return new DealRegistrationDetails
        {
            ExternalId = Get("external_id"),
            CustomerName = Get("customer_name"),
            CustomerDomain = Get("customer_domain"),
            ContactName = Get("contact_name"),
            ContactEmail = Get("contact_email"),
            Product = Get("product"),
            EstimatedValue = Get("estimated_value"),
            Currency = Get("currency"),
            ExpectedCloseOn = ParseDate("expected_close_on", Get("expected_close_on"), problems),
            Notes = Get("notes"),
        };
    }

    /// <summary>Maps a validation field ("contact.email", "estimatedValue") to the CSV column it came from.</summary>
    public static string ColumnOf(string field) => field switch
    {
        "externalId" => "external_id",
        "customerName" => "customer_name",
        "customerDomain" => "customer_domain",
        "contact.name" => "contact_name",
        "contact.email" => "contact_email",
        "estimatedValue" => "estimated_value",
        "expectedCloseOn" => "expected_close_on",
        _ => field,
    };

    private static DateOnly? ParseDate(string column, string? cell, List<(string, string)> problems)
    {
        if (cell is null) return null;
        if (DateOnly.TryParseExact(cell.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problems.Add((column, $"'{(cell.Length <= 60 ? cell : cell[..57] + "...")}' is not a date like 2026-01-31."));
        return null;
    }
}
