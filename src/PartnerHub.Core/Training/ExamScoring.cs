using PartnerHub.Core.Common;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Training;

/// <summary>A scored submission: questions right out of asked, the score 0–100 and whether it reaches the pass mark.</summary>
public sealed record ExamScore(int Correct, int Asked, int Score, bool Passed);

/// <summary>
/// Scores an exam submission against the program's answer key, on the server. A question counts as right when exactly
/// its correct options are chosen (all of them for a multiple-choice question, no others); an unanswered question is
/// wrong. Question or option ids the exam does not have are refused with a field error naming the question, so a
/// malformed or tampered submission scores nothing and uses no attempt.
/// </summary>
public static class ExamScoring
{
    public static Result<ExamScore> Score(Exam exam, IReadOnlyDictionary<string, IReadOnlyList<string>> answers)
    {
        if (exam.Questions.Count == 0) return TrainingErrors.NotInPortal(exam);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (questionKey, chosen) in answers)
        {
            var field = $"answers.{questionKey}";
            if (exam.Questions.FirstOrDefault(q => q.Key == questionKey) is not { } question)
            {
                errors[field] = [$"The exam has no question '{Shorten(questionKey)}'."];
                continue;
            }

            var unknown = chosen.Where(o => question.Options.All(x => x.Name != o)).ToList();
            if (unknown.Count > 0) errors[field] = [$"Question '{questionKey}' has no option {string.Join(", ", unknown.Select(u => $"'{Shorten(u)}'"))}."];
            else if (!question.Multiple && chosen.Distinct(StringComparer.Ordinal).Count() > 1) errors[field] = [$"Question '{questionKey}' takes one answer."];
        }

        if (errors.Count > 0) return Error.Validation(errors);
        var correct = exam.Questions.Count(q => answers.TryGetValue(q.Key, out var chosen) && Right(q, chosen));
        var asked = exam.Questions.Count;
        // Rounded half up in integers: 2 of 3 is 67, 1 of 8 is 13.
        var score = ((200 * correct) + asked) / (2 * asked);
        return new ExamScore(correct, asked, score, score >= exam.PassMark);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static bool Right(ExamQuestion question, IReadOnlyList<string> chosen) =>
        chosen.ToHashSet(StringComparer.Ordinal).SetEquals(question.Correct);
}
