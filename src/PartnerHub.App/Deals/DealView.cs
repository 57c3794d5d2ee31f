using PartnerHub.Core.Deals;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Deals;

/// <summary>A deal registration as the API, UI and CLI show it, with the dates the program's terms give it.</summary>
public sealed record DealView(
    Guid Id,
    Guid PartnerId,
    string? ExternalId,
    string CustomerName,
    string CustomerDomain,
    string RegistrableDomain,
    string ContactName,
    string ContactEmail,
    string Product,
    long EstimatedValueMinor,
    string Currency,
    string EstimatedValue,
    DateOnly ExpectedCloseOn,
    string? Notes,
    string Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset DecisionDueAt,
    bool DecisionOverdue,
    DateTimeOffset? ProtectedUntil,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    int ExtensionsGranted,
    DateTimeOffset? ExtensionPendingSince,
    IReadOnlyList<StatusChange> History,
    IReadOnlyList<ExtensionRequest> Extensions,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static DealView From(DealRegistration d, DealRegistrationSettings settings, DateTimeOffset now) => new(
        d.Id.Value, d.PartnerId.Value, d.ExternalId, d.CustomerName, d.CustomerHost, d.CustomerRegistrableDomain, d.Contact.Name, d.Contact.Email,
        d.Product, d.EstimatedValue.Minor, d.EstimatedValue.Currency.Code, d.EstimatedValue.ToString(), d.ExpectedCloseOn, d.Notes, d.Status.Key(),
        d.SubmittedAt, d.DecisionDueAt(settings), d.IsDecisionOverdue(settings, now), d.ProtectedUntil, d.DecidedBy, d.DecidedAt, d.DecisionReason,
        d.ExtensionsGranted, d.ExtensionPendingSince, [.. d.History], [.. d.Extensions], d.UpdatedAt, d.Version);
}
