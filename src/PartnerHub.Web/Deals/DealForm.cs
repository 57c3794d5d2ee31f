using System.Globalization;
using PartnerHub.Core.Deals;

namespace PartnerHub.Web.Deals;

/// <summary>The portal's registration form as plain text fields; the close date is parsed here so a bad one is reported by field.</summary>
public sealed class DealForm
{
    public string? CustomerName { get; set; }
    public string? CustomerDomain { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? Product { get; set; }
    public string? EstimatedValue { get; set; }
    public string? Currency { get; set; } = "USD";
    public string? ExpectedCloseOn { get; set; }
    public string? ExternalId { get; set; }
    public string? Notes { get; set; }

    public DealRegistrationDetails ToDetails(Dictionary<string, string[]> formatErrors)
    {
        DateOnly? closeOn = null;
        if (!string.IsNullOrWhiteSpace(ExpectedCloseOn))
        {
            if (DateOnly.TryParseExact(ExpectedCloseOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) closeOn = date;
            else formatErrors["expectedCloseOn"] = [$"'{ExpectedCloseOn}' is not a date like 2026-01-31."];
        }

        return new DealRegistrationDetails
        {
            CustomerName = CustomerName, CustomerDomain = CustomerDomain, ContactName = ContactName, ContactEmail = ContactEmail, Product = Product,
            EstimatedValue = EstimatedValue, Currency = Currency, ExpectedCloseOn = closeOn, ExternalId = ExternalId,
            Notes = Notes?.Replace("\r", "", StringComparison.Ordinal),
        };
    }
}
