using System.Globalization;
using PartnerHub.Core.Common;

namespace PartnerHub.Core.Deals;

/// <summary>Everything a partner writes when registering a deal; <see cref="Validate"/> checks and normalizes all of it at once.</summary>
public sealed record DealRegistrationDetails
{
    /// <summary>How far ahead a close date may be: further is almost always a typo (2205 for 2025).</summary>
    public const int MaxYearsAhead = 5;

    /// <summary>The partner's or CRM's own id for the opportunity (optional): what a re-import matches on.</summary>
    public string? ExternalId { get; init; }

    public string? CustomerName { get; init; }
    public string? CustomerDomain { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? Product { get; init; }

    /// <summary>Major units as text ("61200.50"), parsed exactly, never through a float.</summary>
    public string? EstimatedValue { get; init; }

    public string? Currency { get; init; }
    public DateOnly? ExpectedCloseOn { get; init; }
    public string? Notes { get; init; }

    /// <summary>Validates against <paramref name="now"/>, whose UTC date is "today" for the close date.</summary>
    public Result<ValidDealRegistration> Validate(DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var externalId = Text.Line(errors, "externalId", ExternalId, 100);
        var name = Text.Line(errors, "customerName", CustomerName, 200, required: true);
        if (name is not null && CompanyName.Normalize(name).IsEmpty)
            errors.Add("customerName", "The name needs at least one letter or digit besides its legal form.");

        var domain = Deals.CustomerDomain.Normalize(CustomerDomain);
        if (!domain.IsSuccess) errors.Merge("", domain.Error);

        var contactName = Text.Line(errors, "contact.name", ContactName, 200, required: true);
        var contactEmail = Text.Email(errors, "contact.email", ContactEmail, required: true);
        var product = Text.Line(errors, "product", Product, 200, required: true);
        var value = ValidateValue(errors);
        var closeOn = ValidateCloseDate(errors, DateOnly.FromDateTime(now.UtcDateTime));
        var notes = Text.Block(errors, "notes", Notes, 10_000);

        if (errors.Any) return errors.ToError();
        return new ValidDealRegistration(name!, domain.Value, new CustomerContact(contactName!, contactEmail!), product!, value!.Value, closeOn!.Value, notes, externalId);
    }

    private Money? ValidateValue(FieldErrors errors)
    {
        Common.Currency? currency = null;
        if (string.IsNullOrWhiteSpace(Currency)) errors.Add("currency", "This field is required.");
        else if (Common.Currency.Parse(Currency) is var parsed && parsed.IsSuccess) currency = parsed.Value;
        else errors.Merge("", parsed.Error);

        // Both fields are reported when both are missing; the amount is parsed only once its currency is known.
        if (string.IsNullOrWhiteSpace(EstimatedValue)) { errors.Add("estimatedValue", "This field is required."); return null; }
        if (currency is null) return null;
        var money = Money.ParseMajor(EstimatedValue.Trim(), currency.Value, "estimatedValue");
        if (!money.IsSuccess) { errors.Merge("", money.Error); return null; }
        if (money.Value.Minor <= 0) { errors.Add("estimatedValue", "The estimated value must be more than zero."); return null; }
        return money.Value;
    }

    private DateOnly? ValidateCloseDate(FieldErrors errors, DateOnly today)
    {
        if (ExpectedCloseOn is not { } closeOn) { errors.Add("expectedCloseOn", "This field is required."); return null; }
        if (closeOn < today)
            errors.Add("expectedCloseOn", string.Create(CultureInfo.InvariantCulture, $"The expected close date {closeOn:yyyy-MM-dd} is in the past (today is {today:yyyy-MM-dd} UTC)."));
        else if (closeOn > today.AddYears(MaxYearsAhead))
            errors.Add("expectedCloseOn", string.Create(CultureInfo.InvariantCulture, $"The expected close date {closeOn:yyyy-MM-dd} is more than {MaxYearsAhead} years ahead."));
        return closeOn;
    }
}

/// <summary>The person at the customer the partner is working with.</summary>
public sealed record CustomerContact(string Name, string Email);

/// <summary>Registration input that passed validation: domain normalized, value parsed into minor units.</summary>
public sealed record ValidDealRegistration(
    string CustomerName,
    CustomerDomain CustomerDomain,
    CustomerContact Contact,
    string Product,
    Money EstimatedValue,
    DateOnly ExpectedCloseOn,
    string? Notes,
    string? ExternalId = null);
