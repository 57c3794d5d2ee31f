using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>
/// A customer the vendor already sells to directly, as known to the CRM: a partner registration that names it is a
/// conflict. Kept with its normalized keys so exact matches are found by index.
/// </summary>
public sealed class Customer : IVendorOnly
{
    private Customer()
    {
    }

    /// <summary>The customer's id in the CRM.</summary>
    public string Reference { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The customer's domain, canonical; null when the CRM has none.</summary>
    public string? Domain { get; private set; }

    public string? RegistrableDomain { get; private set; }
    public string NameKey { get; private set; } = "";
    public string NameSkeleton { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Result<Customer> Create(string? reference, string? name, string? domain, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var id = Text.Line(errors, "reference", reference, 100, required: true);
        var valid = Validate(errors, name, domain);
        if (errors.Any) return errors.ToError();
        var customer = new Customer { Reference = id! };
        customer.Apply(valid!, now);
        return customer;
    }

    /// <summary>Changes name or domain; the value says whether anything changed.</summary>
    public Result<bool> Update(string? name, string? domain, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var valid = Validate(errors, name, domain);
        if (errors.Any) return errors.ToError();
        if (valid!.Name == Name && valid.Domain?.Host == Domain) return false;
        Apply(valid, now);
        return true;
    }

    public ExistingCustomer ToExistingCustomer() => new(Reference, Name, Domain);

    private static ValidCustomer? Validate(FieldErrors errors, string? name, string? domain)
    {
        var text = Text.Line(errors, "name", name, 200, required: true);
        var normalized = CompanyName.Normalize(text);
        if (text is not null && normalized.IsEmpty) errors.Add("name", "The name needs at least one letter or digit besides its legal form.");
        CustomerDomain? parsed = null;
        if (!string.IsNullOrWhiteSpace(domain))
        {
            var result = CustomerDomain.Normalize(domain, "domain");
            if (result.IsSuccess) parsed = result.Value;
            else errors.Merge("", result.Error);
        }

        return errors.Any ? null : new ValidCustomer(text!, normalized, parsed);
    }

    private void Apply(ValidCustomer valid, DateTimeOffset now)
    {
        (Name, Domain, RegistrableDomain) = (valid.Name, valid.Domain?.Host, valid.Domain?.Registrable);
        (NameKey, NameSkeleton, UpdatedAt) = (valid.Normalized.Key, valid.Normalized.Skeleton, now);
    }

    private sealed record ValidCustomer(string Name, NormalizedCompanyName Normalized, CustomerDomain? Domain);
}
