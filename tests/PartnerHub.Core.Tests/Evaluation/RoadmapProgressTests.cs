using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;
using PartnerHub.Core.Tests.Programs;
using static PartnerHub.Core.Tests.Evaluation.PartnerBuilder;

namespace PartnerHub.Core.Tests.Evaluation;

/// <summary>Roadmap goals measured from the engine's results on a date (the default roadmap starts on 2026-01-01).</summary>
public sealed class RoadmapProgressTests
{
    private static readonly PartnerBuilder[] Integration =
    [
        new PartnerBuilder().Started("2026-01-10").In("technology", "integration").Paid("2026-02-01", 40_000m),
        new PartnerBuilder().Started("2026-01-20").In("technology", "integration").Paid("2026-02-01", 10_000m),
        new PartnerBuilder().Started("2026-02-01").In("technology", "integration"),
    ];

    private static readonly PartnerBuilder Reseller = new PartnerBuilder().Started("2025-06-01").In("channel", "resellers").Paid("2026-01-05", 5_000m);

    private static GoalProgress Goal(string key, string asOf, IReadOnlyDictionary<PartnerId, string?>? regions = null, PartnerProgram? program = null)
    {
        program ??= DefaultProgram.Program;
        var builders = Integration.Append(Reseller).ToArray();
        var facts = new ProgramFacts(builders.Select(b => b.Build()).ToArray(), []);
        var evaluation = Evaluator.EvaluateAll(program, "v1", facts, D(asOf));
        return RoadmapProgress.Compute(program, facts, evaluation, regions ?? new Dictionary<PartnerId, string?>(), D(asOf)).Single(g => g.Key == key);
    }

    [Fact]
    public void A_count_goal_ahead_of_an_even_pace_is_on_track_and_names_its_partners()
    {
        // 3 of 10 integration partners by 2026-12-31; on 2026-03-01, 59 of 365 days have gone: 1.6 expected.
        var goal = Goal("integration-partners", "2026-03-01");

        Assert.Equal((3m, 10m, 30, GoalStatus.OnTrack), (goal.Actual, goal.Target, goal.Percent, goal.Status));
        Assert.Equal(Integration.Select(b => b.Id), goal.Partners);
        Assert.Equal("3 active partners in Integration Partners on 2026-03-01, against 10 by 2026-12-31 (year 1 Q4): "
            + "on track: 1.6 expected by now at an even pace from 2026-01-01.", goal.Explanation);
    }

    [Fact]
    public void A_goal_below_an_even_pace_is_behind_and_missed_once_its_quarter_is_over()
    {
        // 4 of 25 active partners by 2026-06-30.
        Assert.Equal(GoalStatus.Behind, Goal("first-partnerships", "2026-03-01").Status);
        var late = Goal("first-partnerships", "2026-07-01");
        Assert.Equal((4m, GoalStatus.Missed), (late.Actual, late.Status));
        Assert.EndsWith("missed: it was due on 2026-06-30.", late.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_goal_is_measured_on_the_date_asked_so_a_partner_that_had_not_started_does_not_count()
    {
        Assert.Equal(2m, Goal("integration-partners", "2026-01-25").Actual);
        Assert.Equal(3m, Goal("integration-partners", "2026-02-01").Actual);
    }

    [Fact]
    public void Regions_count_distinct_regions_of_active_partners_and_a_reached_target_is_met()
    {
        var regions = new Dictionary<PartnerId, string?>
        {
            [Integration[0].Id] = "North America", [Integration[1].Id] = "EMEA", [Integration[2].Id] = "EMEA", [Reseller.Id] = "APAC",
        };

        var goal = Goal("international", "2026-03-01", regions);

        Assert.Equal((3m, GoalStatus.Met, 100), (goal.Actual, goal.Status, goal.Percent));
        Assert.Contains("regions with an active partner (APAC 1, EMEA 2, North America 1)", goal.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Revenue_goals_are_in_the_program_currency_and_kpi_goals_in_percent()
    {
        var revenue = Goal("partner-revenue", "2026-03-01");
        Assert.Equal((55_000m, "$55,000.00", "$2,000,000.00"), (revenue.Actual, revenue.ActualText, revenue.TargetText));

        var retention = Goal("retention", "2026-03-01");
        Assert.Equal("85%", retention.TargetText);
        Assert.Contains("Partner Retention", retention.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tier_goal_counts_only_partners_holding_that_tier()
    {
        var program = ProgramFile.Parse(DefaultProgram.With("tier: strategic, target: 10", "tier: standard, target: 10"), "default.yaml").Program!;
        Assert.Equal(4m, Goal("strategic-partners", "2026-03-01", program: program).Actual);
        Assert.Equal(0m, Goal("strategic-partners", "2026-03-01").Actual);
    }
}
