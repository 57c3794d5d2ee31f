using PartnerHub.Core.Programs;
using PartnerHub.Core.Tests.Programs;

namespace PartnerHub.Core.Tests.Onboarding;

/// <summary>The program file's onboarding journeys: bound from the shipped file, and every mistake reported at its line and column.</summary>
public sealed class JourneyProgramTests
{
    private static List<string> Problems(string yaml) => ProgramFile.Parse(yaml, "program.yaml").Problems.Select(p => p.ToString()).ToList();

    /// <summary>The problem as reported at <paramref name="text"/> (plus <paramref name="skip"/> characters) after the journeys key.</summary>
    private static string At(string yaml, string text, string message, int skip = 0)
    {
        var at = yaml.IndexOf(text, yaml.IndexOf("  journeys:", StringComparison.Ordinal), StringComparison.Ordinal) + skip;
        var line = 1 + yaml.AsSpan(0, at).Count('\n');
        return $"program.yaml:{line}:{at - yaml.LastIndexOf('\n', at - 1)}: {message}";
    }

    private const string TechTraining = "{ key: training, title: Technical Training, owner: partner, dueDays: 45, evidence: training, track: technical-implementation }";

    [Fact]
    public void The_shipped_program_has_a_five_step_journey_for_every_category()
    {
        var program = DefaultProgram.Program;
        Assert.Equal(program.Categories.Select(c => c.Key), program.Journeys.Journeys.Select(j => j.Category));
        var tech = program.Journeys.For("technology")!;
        Assert.Equal(["agreement", "integration", "training", "certification", "launch"], tech.Steps.Select(s => s.Key));
        Assert.Equal([StepOwner.Partner, StepOwner.Vendor, StepOwner.Partner, StepOwner.Partner, StepOwner.Partner], tech.Steps.Select(s => s.Owner));
        Assert.Equal([0, 30, 45, 60, 90], tech.Steps.Select(s => s.DueDays));
        Assert.Equal(("technical-implementation", "certified"), (tech.Steps[2].Reference, tech.Steps[3].Reference));
        Assert.Equal(5 * 1024 * 1024, program.Journeys.Uploads.MaxBytes);
        Assert.Contains("application/pdf", program.Journeys.Uploads.ContentTypes);
    }

    [Fact]
    public void An_unknown_category_is_reported_with_the_closest_one()
    {
        var yaml = DefaultProgram.With("    channel:\n      - { key: agreement", "    chanel:\n      - { key: agreement");
        Assert.Equal([At(yaml, "chanel", "onboarding.journeys.chanel: unknown category 'chanel'; did you mean 'channel'?")], Problems(yaml));
    }

    [Fact]
    public void An_unknown_training_track_is_reported_at_the_track()
    {
        var yaml = DefaultProgram.With(TechTraining, TechTraining.Replace("technical-implementation", "technical-implement", StringComparison.Ordinal));
        var problem = Assert.Single(Problems(yaml));
        Assert.StartsWith(At(yaml, "technical-implement ", "onboarding.journeys.technology[2].track: unknown training track 'technical-implement'"), problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_certification_level_is_reported_at_the_level()
    {
        var yaml = DefaultProgram.With("evidence: certification, level: certified }", "evidence: certification, level: platinum }");
        Assert.Equal([At(yaml, "platinum", "onboarding.journeys.technology[3].level: unknown certification level 'platinum'; expected one of: certified, advanced, elite.")], Problems(yaml));
    }

    [Fact]
    public void A_duplicate_step_key_is_reported_at_the_second_key()
    {
        var yaml = DefaultProgram.With("{ key: integration, title: Technical Integration, owner: vendor, dueDays: 30",
            "{ key: agreement, title: Technical Integration, owner: vendor, dueDays: 30");
        Assert.Equal([At(yaml, "agreement, title: Technical", "onboarding.journeys.technology[1].key: step 'agreement' is listed twice in journey 'technology'.")], Problems(yaml));
    }

    [Fact]
    public void Negative_and_out_of_order_offsets_are_reported()
    {
        var yaml = DefaultProgram.With("owner: vendor, dueDays: 30, evidence: integration-check }", "owner: vendor, dueDays: -3, evidence: integration-check }");
        Assert.Equal([At(yaml, "-3", "onboarding.journeys.technology[1].dueDays: -3 is out of range; expected 0 to 3660.")], Problems(yaml));

        yaml = DefaultProgram.With(TechTraining, TechTraining.Replace("dueDays: 45", "dueDays: 20", StringComparison.Ordinal));
        Assert.Equal([At(yaml, "20, evidence: training", "onboarding.journeys.technology[2].dueDays: 20 is before the previous step 'integration' (day 30); list steps in the order they are due.")], Problems(yaml));
    }

    [Fact]
    public void A_training_step_needs_a_track_and_a_fact_step_cannot_be_last()
    {
        var yaml = DefaultProgram.With(TechTraining, TechTraining.Replace(", track: technical-implementation", "", StringComparison.Ordinal));
        Assert.Equal([At(yaml, "{ key: training", "onboarding.journeys.technology[2]: evidence training needs 'track', the training track that completes the step.")], Problems(yaml));

        yaml = DefaultProgram.With("{ key: launch, title: Launch Plan, owner: partner, dueDays: 90, evidence: document }",
            "{ key: launch, title: Launch Plan, owner: partner, dueDays: 90, evidence: training, track: advanced-sales }");
        Assert.Equal([At(yaml, "{ key: launch", "onboarding.journeys.technology[4]: the last step launches the partner, so someone completes it: give it evidence document or integration-check.")], Problems(yaml));
    }

    [Fact]
    public void Unknown_evidence_kinds_and_content_types_are_reported()
    {
        var yaml = DefaultProgram.With("dueDays: 0, evidence: document }", "dueDays: 0, evidence: contract }");
        var problem = Assert.Single(Problems(yaml));
        Assert.StartsWith(At(yaml, "contract", "onboarding.journeys.technology[0].evidence: 'contract' is not allowed"), problem, StringComparison.Ordinal);

        yaml = DefaultProgram.With("contentTypes: [application/pdf,", "contentTypes: [pdf,");
        Assert.Equal(["pdf"], Problems(yaml).Select(p => p.Split("'")[1]));
    }
}
