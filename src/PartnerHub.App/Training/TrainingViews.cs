namespace PartnerHub.App.Training;

/// <summary>The catalog as one partner sees it (or as vendor staff see it, without progress): courses, sessions, renewals due.</summary>
public sealed record CatalogView(IReadOnlyList<CourseView> Courses, IReadOnlyList<SessionView> Sessions, IReadOnlyList<CertificateView> Certificates,
    IReadOnlyList<RenewalReminder> Renewals);

public sealed record CourseView(string Key, string Name, string ContentType, string ContentTypeName, IReadOnlyList<string> Delivery, bool NeedsSession,
    IReadOnlyList<ModuleView> Modules, ExamSummary? Exam, EnrolmentView? Enrolment, DateOnly? CompletedOn, string? CompletedSource);

public sealed record ModuleView(string Key, string Title, DateTimeOffset? CompletedAt, string? CompletedBy);

public sealed record EnrolmentView(DateTimeOffset EnrolledAt, string EnrolledBy, Guid? SessionId, DateTimeOffset? SessionStartsAt, DateTimeOffset? AttendedAt,
    DateTimeOffset? CompletedAt);

/// <summary>An exam's rules and the partner's attempts so far; never its questions' answers.</summary>
public sealed record ExamSummary(string Key, string Name, int PassMark, int MaxAttempts, int Questions, int AttemptsUsed, int? BestScore, bool Passed);

public sealed record SessionView(Guid Id, string Track, string TrackName, string Delivery, string Title, DateTimeOffset StartsAt, int Capacity, int Taken,
    int PlacesLeft);

/// <summary>A session with who enrolled, for the vendor to record attendance.</summary>
public sealed record SessionDetail(SessionView Session, IReadOnlyList<Attendee> Attendees);

public sealed record Attendee(Guid PartnerId, string PartnerName, DateTimeOffset EnrolledAt, DateTimeOffset? AttendedAt);

/// <summary>What the exam page shows before submission: questions and options, nothing that says which are right.</summary>
public sealed record ExamPaper(string Key, string Name, int PassMark, int MaxAttempts, int AttemptsUsed, IReadOnlyList<QuestionView> Questions);

public sealed record QuestionView(string Key, string Text, bool Multiple, IReadOnlyList<OptionView> Options);

public sealed record OptionView(string Key, string Text);

/// <summary>A scored attempt: the score, not which answers were right, so the next attempt is still a test.</summary>
public sealed record ExamResult(string Exam, string ExamName, int Attempt, int Correct, int Asked, int Score, int PassMark, bool Passed, int AttemptsLeft,
    CertificateView? Certificate);

public sealed record CertificateView(Guid Id, Guid PartnerId, string PartnerName, string Level, string LevelName, string Status, DateOnly EligibleOn,
    DateOnly? AwardedOn, DateOnly? ExpiresOn, DateOnly? RenewalOpensOn, bool RenewalDue, string ProgramVersion, string Explanation, string? ConfirmedBy,
    string VerifyPath);

/// <summary>The public verification of a certificate id: holder, level and validity, nothing else.</summary>
public sealed record CertificateVerification(string Holder, string Level, DateOnly AwardedOn, DateOnly ExpiresOn, bool Valid);

/// <summary>A held certification inside its renewal window, from the certification facts (imported or awarded here).</summary>
public sealed record RenewalReminder(Guid PartnerId, string PartnerName, string Level, string LevelName, DateOnly AwardedOn, DateOnly ExpiresOn,
    DateOnly RenewalOpensOn, int DaysLeft, Guid? CertificateId);
