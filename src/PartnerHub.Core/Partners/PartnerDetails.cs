using System.Globalization;
using PartnerHub.Core.Common;

namespace PartnerHub.Core.Partners;

/// <summary>Everything a person may write about a partner organization; <see cref="Validate"/> checks and normalizes all of it at once.</summary>
public sealed record PartnerDetails
{
    public string? ExternalId { get; init; }
    public string? Name { get; init; }
    public string? Domain { get; init; }
    public string? Category { get; init; }
    public string? Subcategory { get; init; }
    public string? Stage { get; init; }
    public string? Region { get; init; }
    public string? Country { get; init; }
    public string? Owner { get; init; }
    public IReadOnlyList<Contact>? Contacts { get; init; }
    public string? RevenueModel { get; init; }
    public IReadOnlyList<RateOverride>? RateOverrides { get; init; }
    public DateOnly? AgreementStartsOn { get; init; }
    public DateOnly? AgreementRenewsOn { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public string? Notes { get; init; }

    public Result<ValidPartnerDetails> Validate(PartnerCatalog catalog)
    {
        var errors = new FieldErrors();
        var externalId = Text.Line(errors, "externalId", ExternalId, 100);
        var name = Text.Line(errors, "name", Name, 200, required: true);
        var domain = WebDomain.Normalize(Domain);
        if (!domain.IsSuccess) errors.Merge("", domain.Error);

        var subcategory = Text.Line(errors, "subcategory", Subcategory, 100, required: true);
        var category = Text.Line(errors, "category", Category, 100)
            ?? catalog.SubcategoriesByCategory.FirstOrDefault(c => subcategory is not null && c.Value.Contains(subcategory)).Key;
        if (category is null && subcategory is not null)
            errors.Add("subcategory", $"Unknown subcategory '{subcategory}'. The program defines: {string.Join(", ", catalog.SubcategoriesByCategory.Values.SelectMany(s => s))}.");
        else if (category is null) errors.Add("category", "This field is required.");
        else if (!catalog.IsCategory(category))
            errors.Add("category", $"Unknown category '{category}'. The program defines: {string.Join(", ", catalog.SubcategoriesByCategory.Keys)}.");
        else if (subcategory is not null && !catalog.IsSubcategoryOf(category, subcategory))
            errors.Add("subcategory", $"'{subcategory}' is not a subcategory of '{category}'. Choose one of: {string.Join(", ", catalog.SubcategoriesByCategory[category])}.");

        var stage = LifecycleStage.Prospect;
        if (!string.IsNullOrWhiteSpace(Stage) && !Lifecycle.TryParse(Stage, out stage))
            errors.Add("stage", $"Unknown stage '{Stage}'. Use one of: {string.Join(", ", Enum.GetValues<LifecycleStage>().Select(s => s.Key()))}.");

        var region = Text.Line(errors, "region", Region, 100);
        if (region is not null && !catalog.Regions.Contains(region))
            errors.Add("region", $"Unknown region '{region}'. The program defines: {string.Join(", ", catalog.Regions)}.");

        var country = Text.Line(errors, "country", Country, 2 + 10)?.ToUpperInvariant();
        if (country is not null && !Countries.IsCode(country)) errors.Add("country", $"'{country}' is not an ISO 3166-1 two-letter country code.");

        var owner = Text.Email(errors, "owner", Owner);
        var contacts = ValidateContacts(errors);
        var agreement = ValidateAgreement(errors, catalog);
        var tags = ValidateTags(errors);
        var notes = Text.Block(errors, "notes", Notes, 10_000);

        if (errors.Any) return errors.ToError();
        return new ValidPartnerDetails(externalId, name!, domain.Value, category!, subcategory!, stage, region, country, owner,
            contacts, agreement, tags, notes);
    }

    private Contact[] ValidateContacts(FieldErrors errors)
    {
        var contacts = Contacts ?? [];
        if (contacts.Count > 100) errors.Add("contacts", "At most 100 contacts.");
        return contacts.Select((c, i) => new Contact(
            NoSeparators(errors, $"contacts[{i}].name", Text.Line(errors, $"contacts[{i}].name", c?.Name, 200, required: true)) ?? "",
            Text.Email(errors, $"contacts[{i}].email", c?.Email, required: true) ?? "",
            NoSeparators(errors, $"contacts[{i}].role", Text.Line(errors, $"contacts[{i}].role", c?.Role, 100)),
            NoSeparators(errors, $"contacts[{i}].phone", Text.Line(errors, $"contacts[{i}].phone", c?.Phone, 50)))).ToArray();
    }

    // "<", ">" and "|" write a contact as one line of a CSV cell ("Name <email> | role | phone"), so they can't be part of it.
    private static string? NoSeparators(FieldErrors errors, string field, string? value)
    {
        if (value is not null && value.AsSpan().IndexOfAny("<>|") >= 0) errors.Add(field, "Cannot contain <, > or |.");
        return value;
    }

    private Agreement ValidateAgreement(FieldErrors errors, PartnerCatalog catalog)
    {
        var model = Text.Line(errors, "revenueModel", RevenueModel, 100);
        if (model is not null && !catalog.RevenueModels.Contains(model))
            errors.Add("revenueModel", $"Unknown revenue model '{model}'. The program defines: {string.Join(", ", catalog.RevenueModels)}.");

        var overrides = RateOverrides ?? [];
        for (var i = 0; i < overrides.Count; i++)
        {
            var rate = overrides[i];
            if (rate is null || !catalog.RevenueModels.Contains(rate.RevenueModel ?? ""))
                errors.Add($"rateOverrides[{i}].revenueModel", $"Unknown revenue model '{rate?.RevenueModel}'.");
            else if (overrides.Take(i).Any(o => o?.RevenueModel == rate.RevenueModel))
                errors.Add($"rateOverrides[{i}].revenueModel", $"'{rate.RevenueModel}' already has an override.");
            if (rate is not null && (rate.Percent is < 0 or > 100 || decimal.Round(rate.Percent, 4) != rate.Percent))
                errors.Add($"rateOverrides[{i}].percent", "A percentage between 0 and 100 with at most 4 decimal places.");
        }

        if (AgreementStartsOn is { } start && AgreementRenewsOn is { } renew && renew <= start)
            errors.Add("agreementRenewsOn", string.Create(CultureInfo.InvariantCulture, $"The renewal date must be after the start date {start:yyyy-MM-dd}."));
        return new Agreement(model, overrides.Where(o => o is not null).ToArray(), AgreementStartsOn, AgreementRenewsOn);
    }

    private string[] ValidateTags(FieldErrors errors)
    {
        var tags = new List<string>();
        foreach (var (tag, i) in (Tags ?? []).Select((t, i) => (t, i)))
        {
            var text = Text.Line(errors, $"tags[{i}]", tag, 50, required: true);
            if (text is not null && text.Contains(';')) errors.Add($"tags[{i}]", "A tag cannot contain ';' (it separates tags in CSV files).");
            else if (text is not null && !tags.Contains(text, StringComparer.OrdinalIgnoreCase)) tags.Add(text);
        }

        if (tags.Count > 50) errors.Add("tags", "At most 50 tags.");
        return [.. tags];
    }
}

/// <summary>Partner details that passed validation, normalized (domain canonical, category resolved, country upper case).</summary>
public sealed record ValidPartnerDetails(
    string? ExternalId,
    string Name,
    string Domain,
    string Category,
    string Subcategory,
    LifecycleStage Stage,
    string? Region,
    string? Country,
    string? Owner,
    IReadOnlyList<Contact> Contacts,
    Agreement Agreement,
    IReadOnlyList<string> Tags,
    string? Notes);
