using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Deals;

/// <summary>
/// A customer's web domain: <see cref="Host"/> as typed, made canonical (see <see cref="WebDomain"/>), and its
/// <see cref="Registrable"/> domain (eTLD+1), the key that decides whether two registrations name the same customer.
/// </summary>
public sealed record CustomerDomain(string Host, string Registrable)
{
    public static Result<CustomerDomain> Normalize(string? input, string field = "customerDomain") =>
        Normalize(input, PublicSuffixList.Default, field);

    public static Result<CustomerDomain> Normalize(string? input, PublicSuffixList suffixes, string field = "customerDomain")
    {
        var host = WebDomain.Normalize(input, field);
        if (!host.IsSuccess) return host.Error;

        // "github.io" or "co.uk" alone is shared by thousands of owners: it identifies no customer.
        var registrable = suffixes.RegistrableDomain(host.Value);
        if (registrable is null)
            return Error.Validation(field, $"'{host.Value}' is a public suffix shared by many owners; give the customer's own domain (like acme.{host.Value}).");
        return new CustomerDomain(host.Value, registrable);
    }
}
