using PartnerHub.Core.Partners;

namespace PartnerHub.App.Programs;

// TEMPORARY until the program engine branch lands: replaced by published program versions.
public sealed class ProgramStore
{
    private static readonly PartnerCatalog Catalog = new(
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["technology"] = ["ai-ml-platforms", "cloud-infrastructure", "integration"],
            ["education"] = ["universities", "training-organizations"],
            ["business"] = ["marketing-agencies", "technology-consultants"],
            ["channel"] = ["resellers", "referral"],
        },
        ["revenue-share", "referral-commission", "reseller-discount", "certification-fee", "volume-discount", "co-marketing", "student-discount", "course-licensing", "white-label-licensing"],
        ["North America", "Latin America", "EMEA", "APAC"]);

    #pragma warning disable CA1822
    public Task<PartnerCatalog> CatalogAsync(CancellationToken ct) => Task.FromResult(Catalog);
#pragma warning restore CA1822
}
