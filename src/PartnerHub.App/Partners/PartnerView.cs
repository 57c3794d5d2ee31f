using PartnerHub.Core.Partners;

namespace PartnerHub.App.Partners;

/// <summary>A partner as the API, UI and CLI show it. <see cref="Version"/> must be sent back with a change.</summary>
public sealed record PartnerView(
    Guid Id,
    string? ExternalId,
    string Name,
    string Domain,
    string Category,
    string Subcategory,
    string Stage,
    string? Region,
    string? Country,
    string? Owner,
    IReadOnlyList<Contact> Contacts,
    string? RevenueModel,
    IReadOnlyList<RateOverride> RateOverrides,
    DateOnly? AgreementStartsOn,
    DateOnly? AgreementRenewsOn,
    IReadOnlyList<string> Tags,
    string? Notes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ArchivedAt,
    DateTimeOffset StageChangedAt,
    string? StageReason,
    int Version)
{
    public static PartnerView From(Partner p) => new(
        p.Id.Value, p.ExternalId, p.Name, p.Domain, p.Category, p.Subcategory, p.Stage.Key(), p.Region, p.Country, p.Owner,
        p.Contacts, p.Agreement.RevenueModel, p.Agreement.RateOverrides, p.Agreement.StartsOn, p.Agreement.RenewsOn,
        p.Tags, p.Notes, p.CreatedAt, p.UpdatedAt, p.ArchivedAt, p.StageChangedAt, p.StageReason, p.Version);

    /// <summary>The same partner as an editable input, e.g. to pre-fill an edit form.</summary>
    public PartnerDetails ToDetails() => new()
    {
        ExternalId = ExternalId, Name = Name, Domain = Domain, Category = Category, Subcategory = Subcategory, Stage = Stage,
        Region = Region, Country = Country, Owner = Owner, Contacts = Contacts, RevenueModel = RevenueModel,
        RateOverrides = RateOverrides, AgreementStartsOn = AgreementStartsOn, AgreementRenewsOn = AgreementRenewsOn, Tags = Tags, Notes = Notes,
    };
}
