using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Training;

namespace PartnerHub.App.Training;

/// <summary>
/// A partner user submits an exam. Refused whole, with nothing saved, when the attempts are used up or an answer names
/// a question or option the exam does not have. Otherwise the attempt is scored on the server against the program's
/// answer key and saved with the exam fact the engine reads (the day's best score, source "portal") in one transaction;
/// a pass then lets the certification awarder look at the partner's standing.
/// </summary>
public sealed class SubmitExam(PartnerHubDb db, ProgramStore programs, CertificationAwarder awarder)
{
    public async Task<Result<ExamResult>> HandleAsync(string exam, IReadOnlyDictionary<string, IReadOnlyList<string>>? answers, CancellationToken ct)
    {
        if (db.Actor.PartnerScope is not { } partner) return Error.Validation("partner", "Only a partner's users take exams.");
        var published = await programs.CurrentAsync(ct);
        var program = published.Program;
        if (program.FindExam(exam) is not { } e) return TrainingErrors.UnknownExam(exam, program.Exams.Select(x => x.Key));
        if (answers is null) return Error.Validation("answers", "Send the answers as { \"answers\": { \"q1\": [\"a\"] } }.");
        var used = await db.Set<ExamSitting>().CountAsync(s => s.PartnerId == partner && s.Exam == e.Key, ct);
        if (used >= e.MaxAttempts) return TrainingErrors.NoAttemptsLeft(e);
        var scored = ExamScoring.Score(e, answers);
        if (!scored.IsSuccess) return scored.Error;
        var score = scored.Value;

        var now = db.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        db.Add(new ExamSitting
        {
            PartnerId = partner, Exam = e.Key, Attempt = used + 1, SubmittedAt = now, SubmittedBy = db.Actor.Name, ProgramVersion = published.Label,
            Correct = score.Correct, Asked = score.Asked, Score = score.Score, PassMark = e.PassMark, Passed = score.Passed,
            Answers = JsonSerializer.Serialize(answers),
        });
        // The engine reads one attempt per exam and day; a second attempt the same day keeps the day's best score.
        var fact = await db.Set<ExamAttemptRecord>().FirstOrDefaultAsync(a => a.PartnerId == partner && a.Exam == e.Key && a.TakenOn == today, ct);
        if (fact is null) db.Add(new ExamAttemptRecord { PartnerId = partner, Exam = e.Key, TakenOn = today, Score = score.Score, Source = FactSources.Portal });
        else if (score.Score > fact.Score) (fact.Score, fact.Source) = (score.Score, FactSources.Portal);
        try
        {
            await CourseCompletion.SaveWithFactsAsync(db, factsChanged: true, ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another submission took this attempt number between our count and our insert.
            return Error.Conflict("attempt_taken", "Another submission of this exam arrived at the same moment; reload the exam and try again.");
        }

        var certificate = score.Passed ? await awarder.AwardIfEligibleAsync(partner, ct) : null;
        return new ExamResult(e.Key, e.Name, used + 1, score.Correct, score.Asked, score.Score, e.PassMark, score.Passed, e.MaxAttempts - used - 1, certificate);
    }
}
