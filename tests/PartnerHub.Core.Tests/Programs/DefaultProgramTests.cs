using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Tests.Programs;

/// <summary>programs/default.yaml says what the seed (partnership-strategy.md) says, point by point.</summary>
public sealed class DefaultProgramTests
{
    private static PartnerProgram P => DefaultProgram.Program;

    [Fact]
    public void Default_program_parses_without_problems()
    {
        var result = ProgramFile.Parse(DefaultProgram.Yaml, "default.yaml");
        Assert.Empty(result.Problems.Select(p => p.ToString()));
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Name_currency_and_regions_are_the_customers()
    {
        Assert.Equal("USD", P.Currency.Code);
        Assert.Equal(["North America", "Latin America", "EMEA", "APAC"], P.Regions);
        Assert.StartsWith("Construir un ecosistema de partners estratégicos", P.Vision.Mission, StringComparison.Ordinal);
        Assert.Equal(["Mutual Value", "Strategic Alignment", "Quality Focus", "Long-term Relationships", "Innovation"], P.Vision.Philosophy.Select(p => p.Name));
    }

    [Theory]
    [InlineData("technology", "ai-ml-platforms", 5, 10, "technology")]
    [InlineData("technology", "cloud-infrastructure", 3, 5, "technology")]
    [InlineData("technology", "integration", 10, 15, "technology")]
    [InlineData("education", "universities", 5, 10, "service")]
    [InlineData("education", "training-organizations", 5, 8, "service")]
    [InlineData("business", "marketing-agencies", 20, 30, "channel")]
    [InlineData("business", "technology-consultants", 15, 25, "service")]
    [InlineData("channel", "resellers", 10, 20, "channel")]
    [InlineData("channel", "referral", 50, 100, "channel")]
    public void Subcategories_have_the_seeds_target_counts_and_layer(string category, string key, int min, int max, string layer)
    {
        var sub = P.FindSubcategory(key)!;
        Assert.Equal(category, sub.Category);
        Assert.Equal(new CountRange(min, max), sub.TargetCount);
        Assert.Equal(layer, sub.Layer);
        Assert.Equal(5, sub.Benefits.Count);
        Assert.Equal(5, sub.ExamplePartners.Count);
    }

    [Theory]
    [InlineData("ai-ml-platforms", "revenue-share", "volume-discount")]
    [InlineData("cloud-infrastructure", "volume-discount", "co-marketing")]
    [InlineData("integration", "revenue-share", "co-marketing")]
    [InlineData("universities", "revenue-share", "student-discount")]
    [InlineData("training-organizations", "revenue-share", "course-licensing")]
    [InlineData("marketing-agencies", "revenue-share", "white-label-licensing")]
    [InlineData("technology-consultants", "revenue-share", "certification-fee")]
    [InlineData("referral", "referral-commission", "co-marketing")]
    public void Subcategories_use_the_seeds_revenue_models(string subcategory, string first, string second) =>
        Assert.Equal([first, second], P.FindSubcategory(subcategory)!.RevenueModels);

    [Fact]
    public void Seed_benefits_and_example_partners_are_kept_verbatim()
    {
        var ai = P.FindSubcategory("ai-ml-platforms")!;
        Assert.Contains(new NamedText("Anthropic", "Claude API integration, research collaboration"), ai.ExamplePartners);
        Assert.Contains(new NamedText("Volume Discounts", "Reduced API costs"), ai.Benefits);
        Assert.Contains(new NamedText("White-label", "Branded solutions"), P.FindSubcategory("marketing-agencies")!.Benefits);
    }

    [Fact]
    public void Catalog_lists_categories_subcategories_every_revenue_model_and_regions()
    {
        var catalog = P.Catalog;
        Assert.Equal(["technology", "education", "business", "channel"], catalog.SubcategoriesByCategory.Keys);
        Assert.True(catalog.IsSubcategoryOf("channel", "referral"));
        Assert.False(catalog.IsSubcategoryOf("technology", "referral"));
        Assert.Equal(["revenue-share", "referral-commission", "reseller-discount", "volume-discount", "certification-fee",
            "co-marketing", "student-discount", "course-licensing", "white-label-licensing"], catalog.RevenueModels);
        Assert.Equal(P.Regions, catalog.Regions);
    }

    [Fact]
    public void Revenue_models_have_the_kinds_the_ledger_expects()
    {
        Assert.Equal(RevenueModelKind.Commission, P.FindRevenueModel("revenue-share")!.Kind);
        Assert.Equal(RevenueModelKind.Commission, P.FindRevenueModel("referral-commission")!.Kind);
        Assert.Equal(RevenueModelKind.Discount, P.FindRevenueModel("reseller-discount")!.Kind);
        Assert.Equal(RevenueModelKind.Discount, P.FindRevenueModel("volume-discount")!.Kind);
        Assert.Equal(RevenueModelKind.Fee, P.FindRevenueModel("certification-fee")!.Kind);
        foreach (var key in new[] { "co-marketing", "student-discount", "course-licensing", "white-label-licensing" })
            Assert.Equal(RevenueModelKind.Arrangement, P.FindRevenueModel(key)!.Kind);
    }

    [Fact]
    public void Revenue_share_pays_for_months_and_referral_pays_a_flat_amount_and_first_year_share()
    {
        var share = P.FindRevenueModel("revenue-share")!;
        Assert.Equal(24, share.Months);
        Assert.Equal(20m, share.Rates.ByTier["strategic"]);
        Assert.Equal(5m, share.CertificationUplift["elite"]);
        var referral = P.FindRevenueModel("referral-commission")!;
        Assert.Equal(25_000, referral.FlatAmountMinor);
        Assert.Equal(12, referral.Months);
        Assert.Equal(500_00, P.FindRevenueModel("certification-fee")!.FeeAmountsMinor["certified"]);
        var reseller = P.FindRevenueModel("reseller-discount")!;
        Assert.Equal([null, 50_000_00L, 250_000_00L], reseller.VolumeBands.Select(b => b.MinMinor));
    }

    [Fact]
    public void Tiers_run_strategic_preferred_standard_with_the_seeds_revenue_bands()
    {
        Assert.Equal(["strategic", "preferred", "standard"], P.Tiers.Select(t => t.Key));
        // > $100K is Strategic: the first cent above $100,000.00.
        Assert.Equal(new RevenueBand(100_000_01, null), P.Tiers[0].Revenue);
        // $25K–$100K is Preferred, both ends included.
        Assert.Equal(new RevenueBand(25_000_00, 100_000_00), P.Tiers[1].Revenue);
        // < $25K is Standard.
        Assert.Equal(new RevenueBand(null, 24_999_99), P.Tiers[2].Revenue);
    }

    [Theory]
    [InlineData("strategic", 5, 10, true, FeatureAccess.Early, true, 4)]
    [InlineData("preferred", 15, 25, false, FeatureAccess.Beta, false, 3)]
    [InlineData("standard", 50, 100, false, FeatureAccess.Standard, false, 2)]
    public void Tiers_have_the_seeds_targets_and_benefits(string key, int min, int max, bool manager, FeatureAccess access, bool custom, int supportLevel)
    {
        var tier = P.FindTier(key)!;
        Assert.Equal(new CountRange(min, max), tier.TargetCount);
        Assert.Equal(manager, tier.Benefits.DedicatedManager);
        Assert.Equal(access, tier.Benefits.FeatureAccess);
        Assert.Equal(custom, tier.Benefits.CustomDevelopment);
        Assert.Equal(supportLevel, tier.Support.MaxLevel);
    }

    [Theory]
    [InlineData("strategic", 500_000_00L, 50, 90, 95, 80)]
    [InlineData("preferred", 100_000_00L, 30, 85, 90, 70)]
    [InlineData("standard", 25_000_00L, 20, 80, 85, 60)]
    public void Success_targets_are_the_seeds(string tier, long revenue, int growth, int satisfaction, int retention, int advocacy) =>
        Assert.Equal(new SuccessTargets(revenue, growth, satisfaction, retention, advocacy), P.FindTier(tier)!.SuccessTargets);

    [Fact]
    public void Qualitative_criteria_are_ratings_with_the_seeds_words()
    {
        Assert.Equal(["strategic-value", "market-position", "innovation", "commitment"], P.TierCriteria.Select(c => c.Key));
        Assert.Contains(new RatingRequirement("market-position", 4, "Market leadership"), P.FindTier("strategic")!.Ratings);
        Assert.Contains(new RatingRequirement("commitment", 3, "Medium-term commitment"), P.FindTier("preferred")!.Ratings);
        Assert.Contains(new RatingRequirement("market-position", null, "Regional/niche position"), P.FindTier("standard")!.Ratings);
    }

    [Fact]
    public void Tiers_are_reviewed_quarterly_with_a_grace_period() =>
        Assert.Equal(new TierReviewPolicy(3, 6), P.TierReview);

    [Fact]
    public void Support_has_four_levels_and_five_channels_with_response_targets()
    {
        Assert.Equal(["Basic technical support", "Advanced technical support", "Expert technical support", "Engineering support"], P.Support.Levels.Select(l => l.Name));
        Assert.Equal(["email", "phone", "chat", "video", "on-site"], P.Support.Channels.Select(c => c.Name));
        Assert.Equal(5, P.FindTier("strategic")!.Support.Channels.Count);
        Assert.Equal(0.25m, P.FindTier("strategic")!.Support.Channels.Single(c => c.Channel == "chat").ResponseHours);
    }

    [Theory]
    [InlineData("certified", null, 6, "meet", "certified-exam", 70)]
    [InlineData("advanced", "certified", 12, "exceed", "advanced-exam", 75)]
    [InlineData("elite", "advanced", 24, "top", "elite-exam", 80)]
    public void Certification_levels_are_the_seeds_ladder(string key, string? prerequisite, int months, string performance, string exam, int passMark)
    {
        var level = P.FindLevel(key)!;
        Assert.Equal(prerequisite, level.Prerequisite);
        Assert.Equal(months, level.MinMonths);
        Assert.Equal(performance, level.Performance);
        Assert.Equal(exam, level.Exam);
        Assert.Equal(passMark, P.FindExam(exam)!.PassMark);
        Assert.True(level.AnnualCommitment);
        Assert.Equal(2, level.Tracks.Count);
        Assert.Equal(5, level.Benefits.Count);
    }

    [Fact]
    public void Certification_levels_are_listed_lowest_first() =>
        Assert.Equal(["certified", "advanced", "elite"], P.Certification.Levels.Select(l => l.Key));

    [Fact]
    public void Training_covers_the_seeds_content_types_and_delivery_methods()
    {
        Assert.Equal(["product", "sales", "technical", "marketing", "business"], P.Training.ContentTypes.Select(c => c.Name));
        Assert.Equal(["online", "live", "workshop", "certification", "mentoring"], P.Training.DeliveryMethods.Select(c => c.Name));
        Assert.Equal("Advanced Sales", P.FindTrack("advanced-sales")!.Name);
    }

    [Fact]
    public void Health_weights_add_up_to_100_percent() => Assert.Equal(100m, P.HealthWeights.Sum(w => w.Percent));

    [Fact]
    public void Every_seed_kpi_is_defined()
    {
        Assert.Equal(17, P.Kpis.Count);
        Assert.Equal(5, P.Kpis.Count(k => k.Group == KpiGroup.Quality));
    }

    [Fact]
    public void Lifecycle_phases_hold_every_stage_once()
    {
        Assert.Equal(["identification", "onboarding", "management"], P.Phases.Select(p => p.Key));
        Assert.Equal([LifecycleStage.Prospect, LifecycleStage.Qualified], P.Phases[0].Stages);
        Assert.Equal(Enum.GetValues<LifecycleStage>().Order(), P.Phases.SelectMany(p => p.Stages).Order());
        Assert.Equal(5, P.Phases[2].Deliverables.Count);
    }

    [Fact]
    public void Onboarding_journey_has_the_seeds_five_steps()
    {
        Assert.Equal(["agreement", "integration", "training", "certification", "launch"], P.OnboardingSteps.Select(s => s.Key));
        Assert.Equal("certified-exam", P.OnboardingSteps[3].DoneWhen.ExamPassed);
    }

    [Fact]
    public void Roadmap_has_three_years_of_four_quarters()
    {
        Assert.Equal(["Foundation", "Growth", "Scale"], P.Roadmap.Years.Select(y => y.Theme));
        Assert.All(P.Roadmap.Years, y => Assert.Equal(["q1", "q2", "q3", "q4"], y.Quarters.Select(q => q.Name)));
        Assert.Equal("International partnerships", P.Roadmap.Years[1].Quarters[3].Text);
    }

    [Fact]
    public void Ecosystem_map_has_the_seeds_layers_and_groups()
    {
        Assert.Equal(["core", "technology", "service", "channel", "customer"], P.Ecosystem.Layers.Select(l => l.Key));
        var analytics = P.Ecosystem.Layers[1].Groups.Single(g => g.Name == "Analytics Platforms");
        Assert.Equal(["Mixpanel", "Amplitude"], analytics.Members);
        Assert.Equal("Core Platform", P.Ecosystem.Layers[0].Name);
        Assert.Equal(5, P.Ecosystem.BenefitsForCompany.Count);
    }

    [Fact]
    public void Deal_registration_protects_for_90_days() =>
        Assert.Equal(new DealRegistrationSettings(90, 30, 2, 48, 45), P.DealRegistration);

    [Fact]
    public void Assumptions_are_listed_and_revenue_basis_is_collected()
    {
        Assert.Contains(P.Assumptions, a => a.Path == "tierReview");
        Assert.Equal(RevenueBasis.Collected, P.Measurement.RevenueBasis);
    }
}
