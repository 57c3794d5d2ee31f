using PartnerHub.Core.Programs;
using PartnerHub.Core.Prospects;
using PartnerHub.Core.Tests.Programs;

namespace PartnerHub.Core.Tests.Prospects;

/// <summary>The weighted fit score against the shipped program's criteria (weights 30, 25, 20, 25; technology needs 70, channel 55, others 60).</summary>
public sealed class FitScoringTests
{
    private static QualificationPolicy Policy => DefaultProgram.Program.Qualification!;

    private static Dictionary<string, int?> Scores(int strategic, int audience, int technical, int revenue) => new()
    {
        ["strategic-fit"] = strategic, ["audience-overlap"] = audience, ["technical-capability"] = technical, ["revenue-potential"] = revenue,
    };

    [Fact]
    public void Fit_is_the_weighted_points_out_of_the_maximum_with_every_line_explained()
    {
        // 4×30 + 3×25 + 5×20 + 2×25 = 120 + 75 + 100 + 50 = 345 of 500 → 69.
        var fit = FitScoring.Score(Policy, "technology", Scores(4, 3, 5, 2)).Value;
        Assert.Equal((345, 500, 69, 70, false, 2), (fit.Points, fit.MaxPoints, fit.Score, fit.Threshold, fit.Passes, fit.RevenuePotential));
        Assert.Equal([120, 75, 100, 50], fit.Criteria.Select(c => c.Points));
        Assert.Equal("$5K–$25K", fit.Criteria.Single(c => c.Criterion == "revenue-potential").Label);
        Assert.Equal("Fit 69 = 345 of 500 points (Strategic Fit 4 × 30 + Audience Overlap 3 × 25 + Technical Capability 5 × 20 + Revenue Potential 2 × 25); "
            + "technology needs 70: does not pass.", fit.Explanation);
    }

    [Theory]
    [InlineData("technology", 70, false)] // 69 < 70
    [InlineData("channel", 55, true)]
    [InlineData("business", 60, true)] // no category threshold: the default
    public void The_threshold_is_the_categorys_or_the_default(string category, int threshold, bool passes)
    {
        var fit = FitScoring.Score(Policy, category, Scores(4, 3, 5, 2)).Value;
        Assert.Equal((threshold, passes), (fit.Threshold, fit.Passes));
    }

    [Fact]
    public void Exactly_the_threshold_passes_and_the_extremes_are_20_and_100()
    {
        Assert.Equal(20, FitScoring.Score(Policy, "business", Scores(1, 1, 1, 1)).Value.Score);
        Assert.Equal(100, FitScoring.Score(Policy, "business", Scores(5, 5, 5, 5)).Value.Score);
        // 3×30 + 3×25 + 3×20 + 3×25 = 300 of 500 = 60, the default threshold.
        Assert.True(FitScoring.Score(Policy, "business", Scores(3, 3, 3, 3)).Value.Passes);
    }

    [Fact]
    public void Unknown_missing_and_out_of_range_scores_are_field_errors_and_nothing_is_scored()
    {
        var scores = Scores(0, 6, 3, 3);
        scores.Remove("technical-capability");
        scores["charisma"] = 4;
        var error = FitScoring.Score(Policy, "business", scores).Error!;
        Assert.Equal(["scores.audience-overlap", "scores.charisma", "scores.strategic-fit", "scores.technical-capability"], error.Fields!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("out of range", error.Fields["scores.strategic-fit"][0]);
        Assert.Contains("Unknown criterion 'charisma'", error.Fields["scores.charisma"][0]);
        Assert.Contains("from 1 to 5", error.Fields["scores.technical-capability"][0]);
    }

    [Fact]
    public void Keys_of_sources_channels_and_outcomes_round_trip()
    {
        Assert.Equal(["market-research", "inbound", "referral", "event"], ProspectKeys.All<ProspectSource>());
        Assert.True(ProspectKeys.TryParse<OutreachOutcome>("Meeting-Booked", out var outcome));
        Assert.Equal(OutreachOutcome.MeetingBooked, outcome);
        Assert.False(ProspectKeys.TryParse<OutreachChannel>("pigeon", out _));
    }
}
