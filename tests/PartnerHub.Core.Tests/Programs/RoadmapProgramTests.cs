using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Tests.Programs;

/// <summary>The roadmap's goals in the program file: read from the default file, and each mistake reported at its position.</summary>
public sealed class RoadmapProgramTests
{
    private const string Goal = "integration-partners: { title: 10 active integration partners, by: q4, metric: active-partners, subcategory: integration, target: 10 }";

    private static string Problem(string replacement) =>
        Assert.Single(ProgramFile.Parse(DefaultProgram.With(Goal, replacement), "program.yaml").Problems).ToString();

    private static int LineOf(string text) => 1 + DefaultProgram.Yaml.AsSpan(0, DefaultProgram.Yaml.IndexOf(text, StringComparison.Ordinal)).Count('\n');

    [Fact]
    public void The_default_roadmap_has_measurable_goals_each_due_at_the_end_of_a_quarter()
    {
        var roadmap = DefaultProgram.Program.Roadmap;
        var goal = roadmap.Years[0].Goals.Single(g => g.Key == "integration-partners");

        Assert.Equal((RoadmapMetric.ActivePartners, "integration", 10m), (goal.Metric, goal.Subcategory, goal.Target));
        Assert.Equal(new DateOnly(2026, 12, 31), roadmap.EndOf(1, goal.By));
        Assert.Equal(new DateOnly(2027, 3, 31), roadmap.EndOf(2, "q1"));
        Assert.All(roadmap.Years, y => Assert.NotEmpty(y.Goals));
    }

    [Fact]
    public void An_unknown_metric_is_an_error_at_its_line_and_column_with_the_closest_metric()
    {
        var problem = Problem(Goal.Replace("metric: active-partners", "metric: active-partner", StringComparison.Ordinal));
        Assert.StartsWith($"program.yaml:{LineOf(Goal)}:", problem, StringComparison.Ordinal);
        Assert.Contains("'active-partner' is not a metric PartnerHub measures", problem, StringComparison.Ordinal);
        Assert.Contains("did you mean 'active-partners'?", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("subcategory: integration", "subcategory: integrations", "subcategory 'integrations'")]
    [InlineData("by: q4", "by: q5", "'q5' is not a quarter")]
    [InlineData("subcategory: integration", "level: certified", "metric 'active-partners' does not take 'level'")]
    [InlineData("metric: active-partners, subcategory: integration", "metric: program-kpi", "metric 'program-kpi' needs 'kpi'")]
    [InlineData("metric: active-partners, subcategory: integration", "metric: program-kpi, kpi: win-rate", "'win-rate' is not a program KPI")]
    [InlineData("metric: active-partners, subcategory: integration", "metric: certified-partners", "metric 'certified-partners' needs 'level'")]
    [InlineData("target: 10", "target: 10.5", "target")]
    public void A_goal_that_cannot_be_measured_is_refused(string find, string replace, string expected)
    {
        var problem = Problem(Goal.Replace(find, replace, StringComparison.Ordinal));
        Assert.StartsWith($"program.yaml:{LineOf(Goal)}:", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
