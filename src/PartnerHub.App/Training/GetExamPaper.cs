using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Training;

namespace PartnerHub.App.Training;

/// <summary>
/// The exam as the portal shows it before submission: questions and options in the program's order, and how many
/// attempts are used. Built field by field from the program so that the answer key cannot slip into it.
/// </summary>
public sealed class GetExamPaper(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<ExamPaper>> HandleAsync(string exam, CancellationToken ct)
    {
        var program = (await programs.CurrentAsync(ct)).Program;
        if (program.FindExam(exam) is not { } e) return TrainingErrors.UnknownExam(exam, program.Exams.Select(x => x.Key));
        if (e.Questions.Count == 0) return TrainingErrors.NotInPortal(e);
        var used = db.Actor.PartnerScope is { } partner ? await db.Set<ExamSitting>().CountAsync(s => s.PartnerId == partner && s.Exam == e.Key, ct) : 0;
        var questions = e.Questions.Select(q => new QuestionView(q.Key, q.Text, q.Multiple, q.Options.Select(o => new OptionView(o.Name, o.Text)).ToList())).ToList();
        return new ExamPaper(e.Key, e.Name, e.PassMark, e.MaxAttempts, used, questions);
    }
}
