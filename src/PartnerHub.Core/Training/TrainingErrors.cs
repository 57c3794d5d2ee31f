using PartnerHub.Core.Common;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Training;

public static class TrainingErrors
{
    public static Error UnknownTrack(string key, IEnumerable<string> keys) =>
        Error.Validation("track", $"The catalog has no course '{key}'; its courses are {string.Join(", ", keys)}.");

    public static Error UnknownModule(TrainingTrack track, string key) =>
        Error.Validation("module", $"Course '{track.Key}' has no module '{key}'; its modules are {string.Join(", ", track.Modules.Select(m => m.Name))}.");

    public static Error UnknownExam(string key, IEnumerable<string> keys) =>
        Error.Validation("exam", $"The program has no exam '{key}'; its exams are {string.Join(", ", keys)}.");

    public static Error NotInPortal(Exam exam) =>
        Error.Conflict("exam_not_in_portal", $"{exam.Name} has no questions in the program; it is taken elsewhere and its results imported.");

    public static Error NoAttemptsLeft(Exam exam) =>
        Error.Validation("exam", $"All {exam.MaxAttempts} attempts at {exam.Name} are used; the program allows no more.");

    public static Error NotEnrolled(string track) =>
        Error.Validation("track", $"Enrol in course '{track}' first.");

    public static Error AlreadyEnrolled(string track) => Error.Conflict("enrolled", $"Your organization is already enrolled in course '{track}'.");

    public static Error SessionNeeded(TrainingTrack track) =>
        Error.Validation("session", $"{track.Name} is taken at a scheduled session ({string.Join(" or ", track.Delivery)}); choose one.");

    public static Error NoSessionForSelfPaced(TrainingTrack track) =>
        Error.Validation("session", $"{track.Name} is self-paced; it has no sessions.");

    public static Error SessionFull(int capacity) =>
        Error.Validation("session", $"The session is full: all {capacity} places are taken. Choose another session.");

    public static Error SessionPast() => Error.Validation("session", "The session has already started; choose a later one.");

    public static Error SessionNotFound(Guid id) => Error.NotFound("Training session", id);

    public static Error ModuleDone(string module) => Error.Conflict("module_done", $"Module '{module}' is already complete.");

    public static Error CertificateNotFound(Guid id) => Error.NotFound("Certificate", id);

    public static Error NotPending() => Error.Conflict("not_pending", "This certification is not awaiting confirmation.");
}
