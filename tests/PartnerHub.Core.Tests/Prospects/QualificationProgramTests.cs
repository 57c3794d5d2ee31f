using PartnerHub.Core.Programs;
using PartnerHub.Core.Tests.Programs;

namespace PartnerHub.Core.Tests.Prospects;

/// <summary>The program file's qualification section: bound from the shipped file, and every mistake reported at its line and column.</summary>
public sealed class QualificationProgramTests
{
    private static List<string> Problems(string yaml) => ProgramFile.Parse(yaml, "program.yaml").Problems.Select(p => p.ToString()).ToList();

    /// <summary>The problem as reported at <paramref name="text"/> (plus <paramref name="skip"/> characters) in the qualification section.</summary>
    private static string At(string yaml, string text, string message, int skip = 0)
    {
        var at = yaml.IndexOf(text, yaml.IndexOf("qualification:", StringComparison.Ordinal), StringComparison.Ordinal) + skip;
        var line = 1 + yaml.AsSpan(0, at).Count('\n');
        return $"program.yaml:{line}:{at - yaml.LastIndexOf('\n', at - 1)}: {message}";
    }

    [Fact]
    public void The_shipped_program_weighs_four_criteria_with_category_thresholds()
    {
        var q = DefaultProgram.Program.Qualification!;
        Assert.Equal(["strategic-fit", "audience-overlap", "technical-capability", "revenue-potential"], q.Criteria.Select(c => c.Key));
        Assert.Equal([30, 25, 20, 25], q.Criteria.Select(c => c.Weight));
        Assert.Equal((60, 70, 55, "revenue-potential"), (q.DefaultThreshold, q.ThresholdFor("technology"), q.ThresholdFor("channel"), q.RevenueCriterion));
        Assert.Equal("Core to our strategy", q.Criteria[0].Labels[5]);
    }

    [Fact]
    public void A_weight_that_is_not_positive_is_reported_at_the_value()
    {
        var yaml = DefaultProgram.With("      weight: 20\n", "      weight: 0\n");
        Assert.Equal([At(yaml, "weight: 0\n", "qualification.criteria.technical-capability.weight: 0 is out of range; expected 1 to 1000.", skip: 8)], Problems(yaml));
    }

    [Fact]
    public void An_unknown_category_and_a_threshold_out_of_range_are_reported()
    {
        var yaml = DefaultProgram.With("      channel: 55\n", "      chanel: 55\n      business: 101\n");
        Assert.Equal(
            [
                At(yaml, "chanel", "qualification.passThreshold.byCategory.chanel: unknown category 'chanel'; did you mean 'channel'?"),
                At(yaml, "101", "qualification.passThreshold.byCategory.business: 101 is out of range; expected 0 to 100."),
            ], Problems(yaml).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_revenue_criterion_must_be_one_of_the_criteria()
    {
        var yaml = DefaultProgram.With("  revenueCriterion: revenue-potential", "  revenueCriterion: revenue");
        Assert.Equal([At(yaml, "revenue\n", "qualification.revenueCriterion: 'revenue' is not one of the criteria; expected one of: strategic-fit, audience-overlap, technical-capability, revenue-potential.")],
            Problems(yaml));
    }

    [Fact]
    public void A_label_for_a_score_outside_1_to_5_is_reported()
    {
        var yaml = DefaultProgram.With("{ 1: None, 3:", "{ 0: None, 3:");
        Assert.Equal([At(yaml, "0: None", "qualification.criteria.technical-capability.labels: '0' is not a score; label the scores 1 to 5.")], Problems(yaml));
    }

    [Fact]
    public void A_program_without_the_section_has_no_qualification_and_the_diff_lists_the_section()
    {
        var start = DefaultProgram.Yaml.IndexOf("\n# Phase 1 (identification)", StringComparison.Ordinal);
        var without = ProgramFile.Parse(DefaultProgram.Yaml[..(start + 1)], "old.yaml");
        Assert.Empty(without.Problems);
        Assert.Null(without.Program!.Qualification);
        var changes = ProgramDiff.Compare(without.Program, DefaultProgram.Program);
        Assert.Contains("added qualification criterion strategic-fit", changes);
        Assert.Contains("qualification.passThreshold.byCategory.technology: (none) → 70", changes);
    }
}
