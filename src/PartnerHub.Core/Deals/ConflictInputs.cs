using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Deals;

/// <summary>A registration being checked. Its id lets a re-check skip the registration itself and settle ties by id.</summary>
public sealed record RegistrationCandidate(DealId Id, PartnerId PartnerId, string CustomerName, string? CustomerDomain, DateTimeOffset SubmittedAt)
{
    public static RegistrationCandidate From(DealRegistration deal) =>
        new(deal.Id, deal.PartnerId, deal.CustomerName, deal.CustomerHost, deal.SubmittedAt);
}

/// <summary>A registration that currently protects a customer (submitted or approved and not expired), as loaded by the caller.</summary>
public sealed record ActiveRegistration(DealId Id, PartnerId PartnerId, string CustomerName, string? CustomerDomain, DateTimeOffset SubmittedAt)
{
    public static ActiveRegistration From(DealRegistration deal) =>
        new(deal.Id, deal.PartnerId, deal.CustomerName, deal.CustomerHost, deal.SubmittedAt);
}

/// <summary>A customer the vendor already sells to directly, from the CRM; <paramref name="Reference"/> is its id there.</summary>
public sealed record ExistingCustomer(string Reference, string Name, string? Domain);

/// <summary>The normalized identity of a customer: what the conflict rules compare.</summary>
public sealed record CustomerIdentity(string? Host, string? RegistrableDomain, NormalizedCompanyName Name)
{
    /// <summary>An unusable domain yields no domain key rather than an error: validation reports it, the check goes on by name.</summary>
    public static CustomerIdentity Of(string? name, string? domain)
    {
        var normalized = string.IsNullOrWhiteSpace(domain) ? null : CustomerDomain.Normalize(domain) is { IsSuccess: true } d ? d.Value : null;
        return new CustomerIdentity(normalized?.Host, normalized?.Registrable, CompanyName.Normalize(name));
    }
}
