using PartnerHub.Core.Support;
using PartnerHub.Core.Tests.Programs;

namespace PartnerHub.Core.Tests.Support;

public sealed class SupportRulesTests
{
    private static readonly PartnerHub.Core.Programs.PartnerProgram Program = DefaultProgram.Program;

    private static PartnerHub.Core.Programs.Tier Tier(string key) => Program.Tiers.Single(t => t.Key == key);

    [Fact]
    public void The_default_program_has_targets_per_level_and_business_hours()
    {
        Assert.All(Program.Support.Levels, l => Assert.NotNull(l.FirstResponseHours));
        Assert.Equal("America/New_York", Program.Support.BusinessHours.Zone.Id);
        Assert.Equal(9 * 60, Program.Support.BusinessHours.OpensAtMinute);
        Assert.Contains(new DateOnly(2026, 12, 25), Program.Support.BusinessHours.Holidays);
    }

    [Fact]
    public void A_level_above_the_tier_and_a_channel_outside_it_are_field_errors()
    {
        var refused = SupportRules.Allowed(Program.Support, Tier("standard"), 3, "phone");
        Assert.False(refused.IsSuccess);
        Assert.Contains("up to level 2", refused.Error.Fields!["level"][0]);
        Assert.Contains("does not include phone", refused.Error.Fields["channel"][0]);
        Assert.True(SupportRules.Allowed(Program.Support, Tier("strategic"), 4, "on-site").IsSuccess);
        Assert.Contains("not a support channel", SupportRules.Allowed(Program.Support, Tier("strategic"), 1, "fax").Error!.Fields!["channel"][0]);
        Assert.Contains("does not exist", SupportRules.Allowed(Program.Support, Tier("strategic"), 9, "email").Error!.Fields!["level"][0]);
    }

    [Fact]
    public void The_first_response_target_is_the_stricter_of_level_and_channel()
    {
        // Strategic chat answers in 0.25 h, stricter than level 1's 8 h; standard email's 24 h is looser than level 1's 8 h.
        Assert.Equal(0.25m, SupportRules.Targets(Program.Support, Tier("strategic"), 1, "chat").FirstResponseHours);
        var standard = SupportRules.Targets(Program.Support, Tier("standard"), 1, "email");
        Assert.Equal(8m, standard.FirstResponseHours);
        Assert.Equal(24m, standard.ResolutionHours);
        Assert.Contains("level 1's target", standard.Explanation);
    }

    [Fact]
    public void Escalation_goes_one_level_up_and_stops_at_the_top()
    {
        Assert.Equal(2, SupportRules.NextLevel(Program.Support, 1).Value);
        Assert.Equal("top_level", SupportRules.NextLevel(Program.Support, 4).Error!.Code);
    }

    [Fact]
    public void Kpis_take_medians_in_business_hours_and_ratings_as_survey_scores()
    {
        TicketOutcome T(double first, double? resolved, bool met, int? rating) =>
            new(TimeSpan.FromHours(first), resolved is { } r ? TimeSpan.FromHours(r) : null, met, resolved is null ? null : met, rating);
        var kpis = SupportKpis.Compute([T(1, 10, true, 5), T(3, 20, false, 3), T(2, null, true, null)], open: 1);
        Assert.Equal(2m, kpis.MedianFirstResponseHours);
        Assert.Equal(15m, kpis.MedianResolutionHours);
        Assert.Equal(75m, kpis.SatisfactionPercent); // (100 + 50) / 2
        Assert.Equal(50m, kpis.WithinSlaPercent);
        Assert.Equal(1, kpis.Breached);
        Assert.Null(SupportKpis.Compute([], 0).SatisfactionPercent);
    }
}
