using PartnerHub.Core.Programs;
using PartnerHub.Core.Tests.Programs;

namespace PartnerHub.Core.Tests.Training;

/// <summary>The program file's courses, exam questions and awarding setting: bound from the shipped file, mistakes reported where they are.</summary>
public sealed class TrainingProgramTests
{
    private static List<string> Problems(string yaml) => ProgramFile.Parse(yaml, "program.yaml").Problems.Select(p => p.Message).ToList();

    [Fact]
    public void The_shipped_program_has_courses_with_modules_exams_with_questions_and_automatic_awarding()
    {
        var program = DefaultProgram.Program;
        var sales = program.FindTrack("sales-fundamentals")!;
        Assert.Equal(["value-story", "discovery", "deal-registration"], sales.Modules.Select(m => m.Name));
        Assert.Equal("certified-exam", sales.Exam);
        Assert.False(sales.NeedsSession);
        Assert.True(program.FindTrack("advanced-sales")!.NeedsSession);
        Assert.False(program.FindTrack("elite-marketing-strategy")!.NeedsSession); // workshop or mentoring: mentoring needs none
        var exam = program.FindExam("certified-exam")!;
        Assert.Equal((70, 3, 4), (exam.PassMark, exam.MaxAttempts, exam.Questions.Count));
        Assert.True(exam.Questions.Single(q => q.Key == "q3").Multiple);
        Assert.Equal(["a", "b", "d"], exam.Questions.Single(q => q.Key == "q3").Correct);
        Assert.Equal(CertificationAwarding.Automatic, program.Certification.Awarding);
    }

    [Fact]
    public void A_correct_answer_that_is_not_an_option_is_reported()
    {
        var yaml = DefaultProgram.With("correct: [a, b, d]", "correct: [a, b, x]");
        Assert.Contains(Problems(yaml), p => p.Contains("'x' is not one of this question's options", StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_choice_question_with_two_correct_options_is_reported()
    {
        var yaml = DefaultProgram.With("options: { a: An approved deal registration, b: A discount, c: A webinar }\n        correct: [a]",
            "options: { a: An approved deal registration, b: A discount, c: A webinar }\n        correct: [a, b]");
        Assert.Contains(Problems(yaml), p => p.Contains("a single-choice question has exactly one correct option", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_awarding_mode_and_an_unknown_course_exam_are_reported()
    {
        var yaml = DefaultProgram.With("awarding: automatic", "awarding: manual").Replace("      exam: elite-exam\n", "      exam: elite-exams\n", StringComparison.Ordinal);
        var problems = Problems(yaml);
        Assert.Contains(problems, p => p.Contains("'manual' is not allowed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("elite-exams", StringComparison.Ordinal));
    }
}
