using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;
using PartnerHub.Core.Training;

namespace PartnerHub.App.Training;

/// <summary>Reads the catalog, progress, sessions and certificates into views; every read goes through the partner scope.</summary>
internal static class TrainingReader
{
    public static async Task<IReadOnlyList<CourseView>> CoursesAsync(PartnerHubDb db, PartnerProgram program, PartnerId? partner, CancellationToken ct)
    {
        var enrolments = partner is { } p
            ? await db.Set<TrainingEnrolment>().AsNoTracking().Include(e => e.Modules).Where(e => e.PartnerId == p).ToListAsync(ct)
            : [];
        var sessionIds = enrolments.Select(e => e.SessionId).OfType<Guid>().ToList();
        var sessions = await db.Set<TrainingSession>().AsNoTracking().Where(s => sessionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.StartsAt, ct);
        var completions = partner is { } q
            ? await db.Set<TrainingCompletionRecord>().AsNoTracking().Where(t => t.PartnerId == q).OrderBy(t => t.CompletedOn).ToListAsync(ct)
            : [];
        var sittings = partner is { } r
            ? await db.Set<ExamSitting>().AsNoTracking().Where(s => s.PartnerId == r).Select(s => new { s.Exam, s.Score, s.Passed }).ToListAsync(ct)
            : [];
        var attempts = partner is { } x
            ? await db.Set<ExamAttemptRecord>().AsNoTracking().Where(a => a.PartnerId == x).Select(a => new { a.Exam, a.Score }).ToListAsync(ct)
            : [];

        return program.Training.Tracks.Select(track =>
        {
            var enrolment = enrolments.FirstOrDefault(e => e.Track == track.Key);
            var done = completions.FirstOrDefault(c => c.Track == track.Key);
            ExamSummary? exam = null;
            if (track.Exam is { } examKey && program.FindExam(examKey) is { } e)
            {
                var mine = sittings.Where(s => s.Exam == e.Key).ToList();
                var best = attempts.Where(a => a.Exam == e.Key).Select(a => (int?)a.Score).Max();
                exam = new ExamSummary(e.Key, e.Name, e.PassMark, e.MaxAttempts, e.Questions.Count, mine.Count, best, best >= e.PassMark);
            }

            var modules = track.Modules.Select(m =>
            {
                var c = enrolment?.Modules.FirstOrDefault(x => x.Module == m.Name);
                return new ModuleView(m.Name, m.Text, c?.CompletedAt, c?.CompletedBy);
            }).ToList();
            var enrolled = enrolment is null ? null : new EnrolmentView(enrolment.EnrolledAt, enrolment.EnrolledBy, enrolment.SessionId,
                enrolment.SessionId is { } sid && sessions.TryGetValue(sid, out var at) ? at : null, enrolment.AttendedAt, enrolment.CompletedAt);
            return new CourseView(track.Key, track.Name, track.ContentType, program.Training.ContentTypes.FirstOrDefault(c => c.Name == track.ContentType)?.Text ?? track.ContentType,
                track.Delivery, track.NeedsSession, modules, exam, enrolled, done?.CompletedOn, done?.Source);
        }).ToList();
    }

    public static async Task<IReadOnlyList<SessionView>> UpcomingSessionsAsync(PartnerHubDb db, PartnerProgram program, DateTimeOffset now, CancellationToken ct)
    {
        var sessions = await db.Set<TrainingSession>().AsNoTracking().ToListAsync(ct);
        return sessions.Where(s => s.StartsAt > now).OrderBy(s => s.StartsAt).Select(s => Session(s, program)).ToList();
    }

    public static SessionView Session(TrainingSession s, PartnerProgram program) =>
        new(s.Id, s.Track, program.FindTrack(s.Track)?.Name ?? s.Track, s.Delivery, s.Title, s.StartsAt, s.Capacity, s.Taken, Math.Max(0, s.Capacity - s.Taken));

    public static async Task<IReadOnlyList<CertificateView>> CertificatesAsync(PartnerHubDb db, ProgramStore programs, IQueryable<Certificate> query, CancellationToken ct)
    {
        var certificates = await query.AsNoTracking().OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        var partnerIds = certificates.Select(c => c.PartnerId).Distinct().ToList();
        var names = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var program = (await programs.CurrentAsync(ct)).Program;
        return certificates.Select(c => View(c, names.GetValueOrDefault(c.PartnerId, ""), program, programs.Today)).ToList();
    }

    public static CertificateView View(Certificate c, string partnerName, PartnerProgram program, DateOnly today)
    {
        var level = program.FindLevel(c.Level);
        DateOnly? opens = level is not null && c.ExpiresOn is { } exp ? CertificateRules.RenewalOpensOn(level, exp) : null;
        var due = level is not null && c.ExpiresOn is { } e && CertificateRules.InRenewalWindow(level, e, today);
        return new CertificateView(c.Id, c.PartnerId.Value, partnerName, c.Level, level?.Name ?? c.Level, c.Status.ToString().ToLowerInvariant(), c.EligibleOn,
            c.AwardedOn, c.ExpiresOn, opens, due, c.ProgramVersion, c.Explanation, c.ConfirmedBy, VerifyPath(c.Id));
    }

    public static string VerifyPath(Guid id) => $"/verify/{id}";
}
