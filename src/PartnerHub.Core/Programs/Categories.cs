namespace PartnerHub.Core.Programs;

public sealed record Category(string Key, string Name, string Description, IReadOnlyList<Subcategory> Subcategories);

/// <summary>A kind of partner within a category, with its ecosystem layer, revenue models and target partner count.</summary>
public sealed record Subcategory(
    string Key,
    string Category,
    string Name,
    string Description,
    string Layer,
    IReadOnlyList<NamedText> ExamplePartners,
    IReadOnlyList<NamedText> Benefits,
    IReadOnlyList<string> RevenueModels,
    CountRange TargetCount);

/// <summary>The seed's ecosystem map: layers (core, technology, service, channel, customer) and what they hold.</summary>
public sealed record Ecosystem(IReadOnlyList<EcosystemLayer> Layers, IReadOnlyList<NamedText> BenefitsForPartners,
    IReadOnlyList<NamedText> BenefitsForCustomers, IReadOnlyList<NamedText> BenefitsForCompany);

public sealed record EcosystemLayer(string Key, string Name, IReadOnlyList<EcosystemGroup> Groups);

/// <summary>A named group on the map ("Analytics Platforms: Mixpanel, Amplitude"), optionally tied to subcategories.</summary>
public sealed record EcosystemGroup(string Name, string? Description, IReadOnlyList<string> Members, IReadOnlyList<string> Subcategories);
