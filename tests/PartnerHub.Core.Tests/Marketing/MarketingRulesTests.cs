using PartnerHub.Core.Common;
using PartnerHub.Core.Marketing;
using PartnerHub.Core.Programs;
using PartnerHub.Core.Tests.Programs;

namespace PartnerHub.Core.Tests.Marketing;

/// <summary>Collateral visibility, upload checks, MDF periods and budgets, and the program file's marketing section.</summary>
public sealed class MarketingRulesTests
{
    private static PartnerProgram P => DefaultProgram.Program;

    [Theory]
    [InlineData(null, null, "standard", "channel", true)]
    [InlineData("preferred", null, "standard", "channel", false)]
    [InlineData("preferred", null, "preferred", "channel", true)]
    [InlineData("preferred", null, "strategic", "channel", true)]
    [InlineData("strategic", null, "preferred", "channel", false)]
    [InlineData(null, "technology", "strategic", "channel", false)]
    [InlineData(null, "technology", "standard", "technology", true)]
    [InlineData("preferred", null, "", "channel", false)]
    [InlineData("platinum", null, "strategic", "channel", false)]
    public void Collateral_is_seen_at_or_above_its_tier_and_in_its_category(string? minTier, string? category, string tier, string partnerCategory, bool seen) =>
        Assert.Equal(seen, CollateralRules.CanSee(P, minTier, category, tier, partnerCategory));

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("C:\\temp\\deck.pdf")]
    [InlineData("deck/../x.pdf")]
    [InlineData(".hidden.pdf")]
    [InlineData("deck\u0000.pdf")]
    [InlineData(" deck.pdf")]
    [InlineData("")]
    public void A_file_name_that_is_a_path_is_refused_on_the_file_field(string name)
    {
        var result = UploadRules.Check("file", name, "application/pdf", 10, UploadLimits.Default);
        Assert.Contains("file", result.Error!.Fields!.Keys);
    }

    [Fact]
    public void Size_type_and_emptiness_are_checked_with_the_program_limits()
    {
        var limits = new UploadLimits(100, ["application/pdf"]);
        Assert.True(UploadRules.Check("file", "deck.pdf", "application/pdf; name=deck.pdf", 100, limits).IsSuccess);
        Assert.Contains("at most 100", UploadRules.Check("file", "deck.pdf", "application/pdf", 101, limits).Error!.Fields!["file"][0], StringComparison.Ordinal);
        Assert.Contains("not allowed", UploadRules.Check("file", "run.exe", "application/x-msdownload", 10, limits).Error!.Fields!["file"][0], StringComparison.Ordinal);
        Assert.Equal("The file is empty.", UploadRules.Check("proof", "deck.pdf", "application/pdf", 0, limits).Error!.Fields!["proof"][0]);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-Q1", "2026-01-01", "2026-03-31")]
    [InlineData("2026-06-15", "2026-Q2", "2026-04-01", "2026-06-30")]
    [InlineData("2026-12-31", "2026-Q4", "2026-10-01", "2026-12-31")]
    public void Quarters_are_calendar_quarters(string day, string label, string first, string last)
    {
        var period = MdfPeriod.Of(MdfPeriodKind.Quarter, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((label, first, last), (period.Label, period.FirstDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            period.LastDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_shipped_program_gives_each_tier_a_quarterly_budget_explained()
    {
        var mdf = P.Marketing.Mdf;
        Assert.Equal(MdfPeriodKind.Quarter, mdf.Period);
        Assert.Equal(["strategic", "preferred", "standard"], mdf.Budgets.Select(b => b.Tier));
        Assert.Equal(20 * 1024 * 1024, P.Marketing.Collateral.MaxBytes);
        Assert.Contains("application/pdf", mdf.Proof.ContentTypes);
        var q3 = MdfPeriod.Of(MdfPeriodKind.Quarter, new DateOnly(2026, 7, 1));
        var preferred = MdfRules.Budget(mdf, "preferred", "Preferred", new Money(6_120_000, Currency.Usd), q3);
        Assert.Equal(561_200, preferred.Amount.Minor); // $5,000.00 + 1% of $61,200.00
        Assert.Equal("2026-Q3 budget $5,612.00: Preferred on 2026-07-01, $5,000.00 fixed + 1% of trailing-12-month revenue $61,200.00 = $612.00.", preferred.Explanation);
        Assert.Equal(100_000, MdfRules.Budget(mdf, "standard", "Standard", new Money(99_999, Currency.Usd), q3).Amount.Minor);
        Assert.Equal(0, MdfRules.Budget(mdf, "", "no tier", new Money(99_999, Currency.Usd), q3).Amount.Minor);
    }

    [Fact]
    public void Mistakes_in_the_mdf_section_are_reported_at_their_place()
    {
        var yaml = DefaultProgram.With("      standard: { fixed: 1000.00 }\n", "      standart: { fixed: 1000.00 }\n      preferred-plus: { }\n")
            .Replace("    period: quarter\n", "    period: month\n", StringComparison.Ordinal);
        var problems = ProgramFile.Parse(yaml, "program.yaml").Problems.Select(p => p.Message).ToList();
        Assert.Contains(problems, p => p.Contains("'month' is not a period; use quarter or year", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unknown tier 'standart'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("needs 'fixed' (an amount per period), 'percentOfTrailingRevenue', or both", StringComparison.Ordinal));
    }
}
