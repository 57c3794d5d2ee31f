using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Training;

namespace PartnerHub.App.Training;

/// <summary>
/// A partner user records a module of an enrolled course as complete (with the time and who). Completing the last one
/// completes the course and writes the training fact in the same save; then the certification awarder looks at the
/// partner's standing, since the course may have been the last thing it was missing.
/// </summary>
public sealed class CompleteModule(PartnerHubDb db, ProgramStore programs, CertificationAwarder awarder)
{
    public sealed record Completed(CourseView Course, CertificateView? Certificate);

    public async Task<Result<Completed>> HandleAsync(string track, string module, CancellationToken ct)
    {
        if (db.Actor.PartnerScope is not { } partner) return Error.Validation("partner", "Only a partner's users take courses.");
        var program = (await programs.CurrentAsync(ct)).Program;
        if (program.FindTrack(track) is not { } course) return TrainingErrors.UnknownTrack(track, program.Training.Tracks.Select(t => t.Key));
        if (course.Modules.All(m => m.Name != module)) return TrainingErrors.UnknownModule(course, module);
        var enrolment = await db.Set<TrainingEnrolment>().Include(e => e.Modules).FirstOrDefaultAsync(e => e.PartnerId == partner && e.Track == course.Key, ct);
        if (enrolment is null) return TrainingErrors.NotEnrolled(course.Key);
        if (enrolment.Modules.Any(m => m.Module == module)) return TrainingErrors.ModuleDone(module);

        var now = db.Clock.GetUtcNow();
        enrolment.Modules.Add(new ModuleCompletion { PartnerId = partner, Module = module, CompletedAt = now, CompletedBy = db.Actor.Name });
        var completed = await CourseCompletion.CompleteIfDoneAsync(db, enrolment, course, now, ct);
        try
        {
            await CourseCompletion.SaveWithFactsAsync(db, completed, ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return TrainingErrors.ModuleDone(module);
        }

        var certificate = completed ? await awarder.AwardIfEligibleAsync(partner, ct) : null;
        var view = (await TrainingReader.CoursesAsync(db, program, partner, ct)).First(c => c.Key == course.Key);
        return new Completed(view, certificate);
    }
}
