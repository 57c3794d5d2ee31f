using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Tests.Programs;
using static PartnerHub.Core.Tests.Evaluation.PartnerBuilder;

namespace PartnerHub.Core.Tests.Evaluation;

/// <summary>Certification levels at their boundaries on the default program (Certified: 6 months, "meet" = 3 of 5 own-tier targets).</summary>
public sealed class CertificationTests
{
    private static CertificationStanding Evaluate(PartnerBuilder partner, string asOf) =>
        Evaluator.Evaluate(DefaultProgram.Program, "test-1", partner.Build(), D(asOf)).Certification;

    /// <summary>A Standard partner (unrated) since 2025-03-01 meeting every Certified requirement except, perhaps, tenure.</summary>
    private static PartnerBuilder ReadyForCertified() => new PartnerBuilder()
        .Started("2025-03-01")
        .Paid("2025-04-01", 30_000m)
        .Surveyed(SurveyKind.Satisfaction, "2025-05-01", 85)
        .Surveyed(SurveyKind.Advocacy, "2025-05-01", 70)
        .Trained("product-fundamentals", "2025-03-10")
        .Trained("sales-fundamentals", "2025-03-20")
        .Took("certified-exam", "2025-04-10", 82)
        .Committed("2025-03-01", "2026-02-28");

    [Fact]
    public void Five_months_in_the_program_is_one_month_short_of_Certified()
    {
        // 2025-03-01 + 6 months = 2025-09-01; on 2025-08-31 the sixth month is not complete.
        var standing = Evaluate(ReadyForCertified(), "2025-08-31");
        Assert.Null(standing.Eligible);
        Assert.Equal("Holds no certification; not yet eligible for any level; Certified Partner needs 1 more month in the program (from 2025-09-01).",
            standing.Explanation);
        Assert.Contains(new RequirementCheck("certified", "months in the program", "5", "≥ 6", Passed: false), standing.NextLevelChecks);
    }

    [Fact]
    public void Six_months_in_the_program_makes_it_eligible_for_Certified()
    {
        var standing = Evaluate(ReadyForCertified(), "2025-09-01");
        Assert.Equal("certified", standing.Eligible);
        Assert.Equal("advanced", standing.NextLevel);
    }

    [Fact]
    public void A_failed_exam_does_not_count_until_a_later_attempt_passes()
    {
        var partner = new PartnerBuilder().Started("2025-03-01").Paid("2025-04-01", 30_000m)
            .Surveyed(SurveyKind.Satisfaction, "2025-05-01", 85).Surveyed(SurveyKind.Advocacy, "2025-05-01", 70)
            .Trained("product-fundamentals", "2025-03-10").Trained("sales-fundamentals", "2025-03-20").Committed("2025-03-01", "2026-02-28")
            .Took("certified-exam", "2025-08-20", 60)
            .Took("certified-exam", "2025-09-10", 75);

        var afterFailing = Evaluate(partner, "2025-09-05");
        Assert.Null(afterFailing.Eligible);
        Assert.Equal("Holds no certification; not yet eligible for any level; Certified Partner needs a pass in the Certified Partner Exam (pass mark 70; best score 60).",
            afterFailing.Explanation);
        Assert.Equal("certified", Evaluate(partner, "2025-09-10").Eligible);
    }

    [Fact]
    public void Missing_requirements_for_the_next_level_are_listed_in_plain_words()
    {
        var partner = new PartnerBuilder().Started("2025-01-01")
            .Paid("2024-06-01", 10_000m, customer: 1).Paid("2025-06-01", 30_000m, customer: 1)
            .Surveyed(SurveyKind.Satisfaction, "2025-05-01", 85).Surveyed(SurveyKind.Advocacy, "2025-05-01", 70)
            .Trained("product-fundamentals", "2025-01-10").Trained("sales-fundamentals", "2025-01-20").Took("certified-exam", "2025-02-01", 90)
            .Trained("technical-implementation", "2025-07-01").Took("advanced-exam", "2025-08-01", 80)
            .Committed("2025-01-01", "2025-12-31")
            .Awarded("certified", "2025-08-01");

        var standing = Evaluate(partner, "2025-09-01");
        Assert.Equal(("certified", "certified"), (standing.Held, standing.Eligible));
        Assert.Equal("Holds Certified Partner until 2026-08-01; eligible for Certified Partner; it still meets Certified Partner's requirements; "
            + "Advanced Partner needs the Advanced Sales track and 4 more months in the program (from 2026-01-01).", standing.Explanation);
    }

    [Fact]
    public void Renewal_is_due_within_the_window_before_expiry()
    {
        // Awarded 2025-09-01 for 12 months; renewal opens 60 days before 2026-09-01, on 2026-07-03.
        var partner = ReadyForCertified().Committed("2026-03-01", "2027-02-28").Awarded("certified", "2025-09-01")
            .Paid("2026-04-01", 30_000m).Surveyed(SurveyKind.Satisfaction, "2026-05-01", 85).Surveyed(SurveyKind.Advocacy, "2026-05-01", 70);
        Assert.False(Evaluate(partner, "2026-07-02").RenewalDue);
        var due = Evaluate(partner, "2026-07-03");
        Assert.True(due.RenewalDue);
        Assert.StartsWith("Holds Certified Partner until 2026-09-01; eligible for Certified Partner; renewal is due by 2026-09-01 and it still meets Certified Partner's requirements;",
            due.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certification_lapses_at_the_end_of_its_validity()
    {
        var partner = ReadyForCertified().Awarded("certified", "2025-09-01");
        Assert.Equal(("certified", (DateOnly?)D("2026-09-01")), (Evaluate(partner, "2026-08-31").Held, Evaluate(partner, "2026-08-31").ExpiresOn));
        Assert.Null(Evaluate(partner, "2026-09-01").Held);
    }

    [Fact]
    public void Performance_below_the_meet_condition_blocks_certification_and_says_which_targets()
    {
        // Revenue $10,000 misses Standard's $25,000 target; no surveys: only growth ("new") is attained.
        var partner = new PartnerBuilder().Started("2025-01-01").Paid("2025-04-01", 10_000m)
            .Trained("product-fundamentals", "2025-01-10").Trained("sales-fundamentals", "2025-01-20").Took("certified-exam", "2025-02-01", 90)
            .Committed("2025-01-01", "2025-12-31");
        var standing = Evaluate(partner, "2025-09-01");
        Assert.Null(standing.Eligible);
        Assert.Equal("Holds no certification; not yet eligible for any level; Certified Partner needs to meet performance (attains at least three of its own tier's five "
            + "success targets; 1 of 5 Standard targets attained, missing revenue ($10,000.00 < $25,000.00), satisfaction (no data), retention (no data) and advocacy (no data)).",
            standing.Explanation);
    }

    [Fact]
    public void Without_a_commitment_covering_today_no_level_is_eligible()
    {
        var standing = Evaluate(ReadyForCertified(), "2026-03-01");
        Assert.Null(standing.Eligible);
        Assert.EndsWith("needs an annual commitment covering 2026-03-01.", standing.Explanation, StringComparison.Ordinal);
    }
}
