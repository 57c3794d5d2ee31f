using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Tests.Programs;

/// <summary>Rates by order of precedence: agreement › subcategory + tier › subcategory › category + tier › category › tier › default.</summary>
public sealed class RateResolverTests
{
    private static RateDecision Resolve(string model, string tier, string category, string subcategory, IReadOnlyList<RateOverride>? overrides = null,
        string? level = null, long? volume = null) =>
        RateResolver.Resolve(DefaultProgram.Program, model, tier, category, subcategory, overrides ?? [], level, volume).Value;

    [Fact]
    public void Partner_agreement_override_wins_and_is_all_in()
    {
        var decision = Resolve("revenue-share", "strategic", "business", "marketing-agencies", [new RateOverride("revenue-share", 12.5m)], level: "elite");
        Assert.Equal((12.5m, RateSource.PartnerAgreement), (decision.Percent, decision.Source));
        Assert.Equal("Revenue sharing 12.5%: agreed in the partner's agreement (the program's rate would be 25%, for business/marketing-agencies at Strategic (subcategory and tier rate)).",
            decision.Explanation);
    }

    [Fact]
    public void Subcategory_and_tier_rate_comes_next()
    {
        var decision = Resolve("revenue-share", "preferred", "business", "marketing-agencies");
        Assert.Equal((18m, RateSource.SubcategoryAndTier), (decision.Percent, decision.Source));
    }

    [Fact]
    public void Category_rate_beats_the_tier_rate()
    {
        var decision = Resolve("revenue-share", "strategic", "education", "universities");
        Assert.Equal((20m, RateSource.Category), (decision.Percent, decision.Source));
        Assert.Equal("Revenue sharing 20%: 20% for education (category rate).", decision.Explanation);
    }

    [Fact]
    public void Tier_rate_applies_without_category_rules_and_certification_adds_points()
    {
        var decision = Resolve("revenue-share", "preferred", "technology", "integration", level: "advanced");
        Assert.Equal((17m, RateSource.Tier, 15m, 2m), (decision.Percent, decision.Source, decision.BasePercent, decision.UpliftPoints));
        Assert.Equal("Revenue sharing 17%: 15% for Preferred (tier rate), plus 2 points for Advanced Partner certification.", decision.Explanation);
        Assert.Equal(24, decision.Months);
    }

    [Fact]
    public void Model_default_is_the_last_resort()
    {
        var decision = Resolve("volume-discount", "standard", "technology", "ai-ml-platforms", volume: 10_000_00);
        Assert.Equal((0m, RateSource.ModelDefault), (decision.Percent, decision.Source));
    }

    [Fact]
    public void Discounts_add_the_volume_band_points_at_band_edges()
    {
        Assert.Equal(27m, Resolve("reseller-discount", "preferred", "channel", "resellers", volume: 50_000_00).Percent);
        Assert.Equal(25m, Resolve("reseller-discount", "preferred", "channel", "resellers", volume: 49_999_99).Percent);
        Assert.Equal(35m, Resolve("reseller-discount", "strategic", "channel", "resellers", volume: 250_000_00).Percent);
        Assert.Equal("Reseller discount 27%: 25% for Preferred (tier rate), plus 2 volume points for trailing-12-month volume $50,000.00.",
            Resolve("reseller-discount", "preferred", "channel", "resellers", volume: 50_000_00).Explanation);
    }

    [Fact]
    public void Referral_commission_carries_its_flat_amount_and_first_year_months()
    {
        var decision = Resolve("referral-commission", "standard", "channel", "referral");
        Assert.Equal((10m, 25_000L, 12), (decision.Percent, decision.FlatAmountMinor!.Value, decision.Months!.Value));
    }

    [Fact]
    public void Arrangements_fees_unknown_models_and_mismatched_subcategories_are_errors()
    {
        var p = DefaultProgram.Program;
        Assert.Equal("no_rate", RateResolver.Resolve(p, "co-marketing", "standard", "channel", "referral", []).Error!.Code);
        Assert.Equal("'certification-fee' is a fee the partner owes; it has no computed rate.",
            RateResolver.Resolve(p, "certification-fee", "standard", "business", "technology-consultants", []).Error!.Message);
        Assert.Contains("revenueModel", RateResolver.Resolve(p, "bogus", "standard", "channel", "referral", []).Error!.Fields!.Keys);
        Assert.Contains("subcategory", RateResolver.Resolve(p, "revenue-share", "standard", "technology", "referral", []).Error!.Fields!.Keys);
    }
}
