using System.Globalization;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Training;

/// <summary>
/// A live session or workshop of a course, scheduled by the vendor with a date and a capacity. Everyone signed in may
/// read the schedule; <see cref="Taken"/> counts the places enrolled so that a partner user's enrolment can be refused
/// when full without reading other partners' enrolments, and its concurrency token stops two last enrolments racing past it.
/// </summary>
public sealed class TrainingSession : IAudited
{
    public const int MaxTitle = 200;

    public Guid Id { get; set; }
    public string Track { get; set; } = "";
    public string Delivery { get; set; } = "";
    public string Title { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public int Capacity { get; set; }
    public int Taken { get; set; }
    public string ScheduledBy { get; set; } = "";
    public DateTimeOffset ScheduledAt { get; set; }
    public int Version { get; set; }

    string IAudited.AuditEntity => "training-session";

    string IAudited.AuditId => Id.ToString();

    public IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["track"] = Track, ["delivery"] = Delivery, ["title"] = Title, ["startsAt"] = StartsAt.ToString("O", CultureInfo.InvariantCulture),
        ["capacity"] = Capacity.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// A partner organization's enrolment in a course (one per course): the session it takes for live and workshop courses,
/// the vendor's attendance record, its completed modules, and when the course was completed.
/// </summary>
public sealed class TrainingEnrolment : IPartnerOwned, IAudited
{
    public long Id { get; set; }
    public PartnerId PartnerId { get; set; }
    public string Track { get; set; } = "";
    public Guid? SessionId { get; set; }
    public DateTimeOffset EnrolledAt { get; set; }
    public string EnrolledBy { get; set; } = "";
    public DateTimeOffset? AttendedAt { get; set; }
    public string? AttendanceBy { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public List<ModuleCompletion> Modules { get; set; } = [];

    string IAudited.AuditEntity => "training-enrolment";

    string IAudited.AuditId => $"{PartnerId}/{Track}";

    public IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["session"] = SessionId?.ToString(), ["attendedAt"] = AttendedAt?.ToString("O", CultureInfo.InvariantCulture),
        ["completedAt"] = CompletedAt?.ToString("O", CultureInfo.InvariantCulture),
    };
}

/// <summary>A module of a course completed, with when and by whom.</summary>
public sealed class ModuleCompletion : IPartnerOwned
{
    public long Id { get; set; }
    public long EnrolmentId { get; set; }
    public PartnerId PartnerId { get; set; }
    public string Module { get; set; } = "";
    public DateTimeOffset CompletedAt { get; set; }
    public string CompletedBy { get; set; } = "";
}

/// <summary>
/// One attempt at an exam in the portal: the answers as submitted (JSON), the score and the outcome. Attempts are
/// numbered per partner and exam under a unique index, so the program's attempt limit holds even between racing requests.
/// </summary>
public sealed class ExamSitting : IPartnerOwned
{
    public long Id { get; set; }
    public PartnerId PartnerId { get; set; }
    public string Exam { get; set; } = "";
    public int Attempt { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public string SubmittedBy { get; set; } = "";
    public string ProgramVersion { get; set; } = "";
    public int Correct { get; set; }
    public int Asked { get; set; }
    public int Score { get; set; }
    public int PassMark { get; set; }
    public bool Passed { get; set; }
    public string Answers { get; set; } = "{}";
}

public enum CertificateStatus
{
    /// <summary>Eligible, awaiting a partner manager's confirmation (program setting <c>certification.awarding: confirmed</c>).</summary>
    Pending,
    Awarded,
}

/// <summary>
/// A certification awarded in the app (or awaiting confirmation): the certificate page and its public verification id.
/// <see cref="Id"/> is random (not time-ordered) because it is the public URL that proves the certificate; it reveals
/// only holder, level and validity. <see cref="AwardId"/> is the certification fact row the engine reads.
/// </summary>
public sealed class Certificate : IPartnerOwned, IAudited
{
    public Guid Id { get; set; }
    public PartnerId PartnerId { get; set; }
    public string Level { get; set; } = "";
    public CertificateStatus Status { get; set; }
    public DateOnly EligibleOn { get; set; }
    public DateOnly? AwardedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public long? AwardId { get; set; }
    public string ProgramVersion { get; set; } = "";

    /// <summary>Why the partner was eligible, as the engine explained it on <see cref="EligibleOn"/>.</summary>
    public string Explanation { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? ConfirmedBy { get; set; }

    string IAudited.AuditEntity => "certificate";

    string IAudited.AuditId => Id.ToString();

    public IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["level"] = Level, ["status"] = Status.ToString(), ["awardedOn"] = AwardedOn?.ToString("O", CultureInfo.InvariantCulture),
        ["expiresOn"] = ExpiresOn?.ToString("O", CultureInfo.InvariantCulture), ["confirmedBy"] = ConfirmedBy,
    };
}
