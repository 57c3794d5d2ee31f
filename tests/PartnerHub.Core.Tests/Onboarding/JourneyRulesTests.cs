using PartnerHub.Core.Facts;
using PartnerHub.Core.Onboarding;
using PartnerHub.Core.Programs;
using PartnerHub.Core.Tests.Programs;

namespace PartnerHub.Core.Tests.Onboarding;

public sealed class JourneyRulesTests
{
    private static readonly JourneyDefinition Tech = DefaultProgram.Program.Journeys.For("technology")!;
    private static readonly UploadLimits Limits = new(1000, ["application/pdf", "text/plain"]);
    private static JourneyStep Step(string key) => Tech.Find(key)!;

    [Fact]
    public void Due_dates_count_from_the_utc_day_onboarding_started_and_a_step_due_today_is_not_overdue()
    {
        var started = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.FromHours(-5)); // 2 March in UTC
        var due = JourneyRules.DueOn(started, Step("integration"));
        Assert.Equal(new DateOnly(2026, 4, 1), due);
        Assert.False(JourneyRules.IsOverdue(due, done: false, today: due));
        Assert.True(JourneyRules.IsOverdue(due, done: false, today: due.AddDays(1)));
        Assert.False(JourneyRules.IsOverdue(due, done: true, today: due.AddDays(1)));
    }

    [Fact]
    public void A_partner_uploads_its_document_within_the_limits()
    {
        Assert.True(JourneyRules.CheckCompletion(Step("agreement"), StepOwner.Partner, new StepEvidence.Upload("application/pdf; name=a.pdf", 1000), Limits).IsSuccess);
        Assert.Equal("file", Field(JourneyRules.CheckCompletion(Step("agreement"), StepOwner.Partner, new StepEvidence.Upload("application/pdf", 1001), Limits)));
        Assert.Equal("file", Field(JourneyRules.CheckCompletion(Step("agreement"), StepOwner.Partner, new StepEvidence.Upload("application/zip", 10), Limits)));
        Assert.Equal("file", Field(JourneyRules.CheckCompletion(Step("agreement"), StepOwner.Partner, new StepEvidence.Upload("application/pdf", 0), Limits)));
    }

    [Fact]
    public void Each_side_completes_only_its_own_steps_with_the_right_evidence()
    {
        Assert.Equal("step", Field(JourneyRules.CheckCompletion(Step("agreement"), StepOwner.Vendor, new StepEvidence.Upload("application/pdf", 10), Limits)));
        Assert.Equal("step", Field(JourneyRules.CheckCompletion(Step("integration"), StepOwner.Partner, new StepEvidence.Check("ok"), Limits)));
        Assert.Equal("evidence", Field(JourneyRules.CheckCompletion(Step("integration"), StepOwner.Vendor, new StepEvidence.Upload("application/pdf", 10), Limits)));
        Assert.Equal("evidence", Field(JourneyRules.CheckCompletion(Step("agreement"), StepOwner.Partner, new StepEvidence.Check("signed"), Limits)));
        Assert.Equal("note", Field(JourneyRules.CheckCompletion(Step("integration"), StepOwner.Vendor, new StepEvidence.Check(" "), Limits)));
        Assert.True(JourneyRules.CheckCompletion(Step("integration"), StepOwner.Vendor, new StepEvidence.Check("API keys issued, first sync seen"), Limits).IsSuccess);
        Assert.Equal("evidence", Field(JourneyRules.CheckCompletion(Step("training"), StepOwner.Partner, new StepEvidence.Upload("application/pdf", 10), Limits)));
    }

    [Fact]
    public void Training_and_certification_steps_complete_from_facts()
    {
        var asOf = new DateOnly(2026, 6, 1);
        var training = new[] { new TrainingCompletion("product-fundamentals", new DateOnly(2026, 2, 1)), new TrainingCompletion("technical-implementation", new DateOnly(2026, 4, 3)) };
        Assert.Equal(new DateOnly(2026, 4, 3), JourneyRules.FactDoneOn(Step("training"), DefaultProgram.Program, training, [], [], asOf));
        Assert.Null(JourneyRules.FactDoneOn(Step("training"), DefaultProgram.Program, training, [], [], new DateOnly(2026, 4, 2)));

        var failed = new ExamAttempt("certified-exam", new DateOnly(2026, 4, 1), 69);
        var passed = new ExamAttempt("certified-exam", new DateOnly(2026, 4, 20), 70);
        Assert.Null(JourneyRules.FactDoneOn(Step("certification"), DefaultProgram.Program, [], [failed], [], asOf));
        Assert.Equal(passed.TakenOn, JourneyRules.FactDoneOn(Step("certification"), DefaultProgram.Program, [], [failed, passed], [], asOf));
        Assert.Equal(new DateOnly(2026, 4, 10), JourneyRules.FactDoneOn(Step("certification"), DefaultProgram.Program, [], [passed],
            [new CertificationAward("certified", new DateOnly(2026, 4, 10)), new CertificationAward("elite", new DateOnly(2026, 1, 1))], asOf));
    }

    [Fact]
    public void The_launch_step_comes_last()
    {
        var at = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var states = Tech.Steps.Select(s => new StepState(s, s.Key is "certification" or "launch" ? null : at)).ToList();
        var refused = JourneyRules.CheckLaunchOrder(Step("launch"), states);
        Assert.Contains("still open: certification", refused.Error!.Message, StringComparison.Ordinal);
        Assert.True(JourneyRules.CheckLaunchOrder(Step("agreement"), states).IsSuccess);
        states[3] = states[3] with { DoneAt = at };
        Assert.True(JourneyRules.CheckLaunchOrder(Step("launch"), states).IsSuccess);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Null(JourneyRules.Median([]));
        Assert.Equal(40m, JourneyRules.Median([90, 40, 10]));
        Assert.Equal(65m, JourneyRules.Median([90, 40, 10, 200]));
    }

    private static string Field(PartnerHub.Core.Common.Result result) => Assert.Single(result.Error!.Fields!.Keys);
}
