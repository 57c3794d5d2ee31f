using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Tests.Programs;

public sealed class ProgramDiffTests
{
    [Fact]
    public void Identical_programs_have_no_changes() =>
        Assert.Empty(ProgramDiff.Compare(DefaultProgram.Program, ProgramFile.Parse(DefaultProgram.Yaml, "copy.yaml").Program!));

    [Fact]
    public void Changes_are_listed_by_path_in_plain_words()
    {
        var yaml = DefaultProgram.With("revenue: { min: 100000.01 }", "revenue: { min: 150000.00 }")
            .Replace("revenue: { min: 25000.00, max: 100000.00 }", "revenue: { min: 25000.00, max: 149999.99 }", StringComparison.Ordinal)
            .Replace(DefaultProgram.Yaml[DefaultProgram.Yaml.IndexOf("  elite-exam:\n", StringComparison.Ordinal)..DefaultProgram.Yaml.IndexOf("\ncertification:", StringComparison.Ordinal)], "", StringComparison.Ordinal)
            .Replace("exam: elite-exam", "exam: advanced-exam", StringComparison.Ordinal)
            .Replace("        targetCount: { min: 50, max: 100 }\n", """
                        targetCount: { min: 50, max: 100 }
                      marketplaces:
                        name: Marketplace Partners
                        description: App marketplaces listing our product.
                        layer: channel
                        benefits: { Listing: Marketplace listing }
                        revenueModels: [revenue-share]
                        targetCount: { min: 2, max: 4 }

                """, StringComparison.Ordinal);
        var candidate = ProgramFile.Parse(yaml, "candidate.yaml");
        Assert.Empty(candidate.Problems);

        Assert.Equal([
            "removed exam elite-exam",
            "added subcategory channel/marketplaces",
            "tiers.strategic.revenue.min: $100,000.01 → $150,000.00",
            "tiers.preferred.revenue.max: $100,000.00 → $149,999.99",
            "training.tracks.elite-business-development.exam: elite-exam → advanced-exam",
            "certification.levels.elite.exam: elite-exam → advanced-exam",
        ], ProgramDiff.Compare(DefaultProgram.Program, candidate.Program!));
    }
}
