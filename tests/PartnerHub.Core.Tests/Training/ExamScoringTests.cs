using PartnerHub.Core.Programs;
using PartnerHub.Core.Tests.Programs;
using PartnerHub.Core.Training;

namespace PartnerHub.Core.Tests.Training;

public sealed class ExamScoringTests
{
    private static readonly Exam Certified = DefaultProgram.Program.FindExam("certified-exam")!;

    private static Dictionary<string, IReadOnlyList<string>> Answers(params (string Question, string[] Options)[] answers) =>
        answers.ToDictionary(a => a.Question, a => (IReadOnlyList<string>)a.Options);

    [Fact]
    public void A_question_is_right_only_with_exactly_its_correct_options_and_the_score_rounds_half_up()
    {
        var all = ExamScoring.Score(Certified, Answers(("q1", ["b"]), ("q2", ["a"]), ("q3", ["d", "a", "b"]), ("q4", ["b"]))).Value;
        Assert.Equal(new ExamScore(4, 4, 100, true), all);
        // q3 misses an option, q4 unanswered: 2 of 4 = 50.
        Assert.Equal(new ExamScore(2, 4, 50, false), ExamScoring.Score(Certified, Answers(("q1", ["b"]), ("q2", ["a"]), ("q3", ["a", "b"]))).Value);
        // 3 of 4 = 75, pass mark 70.
        Assert.True(ExamScoring.Score(Certified, Answers(("q1", ["b"]), ("q2", ["a"]), ("q4", ["b"]))).Value.Passed);
        var twoOfThree = Certified with { PassMark = 67, Questions = Certified.Questions.Take(3).ToList() };
        Assert.Equal(67, ExamScoring.Score(twoOfThree, Answers(("q1", ["b"]), ("q2", ["a"]))).Value.Score);
    }

    [Fact]
    public void Unknown_questions_and_options_and_several_answers_to_a_single_choice_are_field_errors()
    {
        var result = ExamScoring.Score(Certified, Answers(("q7", ["a"]), ("q1", ["zz"]), ("q2", ["a", "b"]), ("q3", ["a", "c"])));
        Assert.False(result.IsSuccess);
        Assert.Equal(["answers.q1", "answers.q2", "answers.q7"], result.Error.Fields!.Keys.Order());
    }

    [Fact]
    public void An_exam_without_questions_is_not_taken_in_the_portal()
    {
        Assert.Equal("exam_not_in_portal", ExamScoring.Score(Certified with { Questions = [] }, Answers()).Error!.Code);
    }
}
