using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Onboarding;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Onboarding;

/// <summary>
/// One partner's onboarding journey: the category's steps copied from the program in force when it started (so a later
/// program version does not move an in-flight partner's goalposts), when it started and when it launched. A partner
/// won back after churn starts a new journey; the latest is the current one. Partner-owned: a partner user reads its own.
/// </summary>
public sealed class OnboardingJourney : IPartnerOwned, IAudited
{
    private OnboardingJourney()
    {
    }

    public long Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public string Category { get; private set; } = "";
    public string ProgramVersion { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public string StartedBy { get; private set; } = "";
    public DateTimeOffset? LaunchedAt { get; private set; }
    public int Version { get; private set; }
    public List<OnboardingStepRecord> Steps { get; private set; } = [];

    string IAudited.AuditEntity => "onboarding-journey";

    string IAudited.AuditId => PartnerId.ToString();

    public static OnboardingJourney Start(PartnerId partner, JourneyDefinition definition, string programVersion, string by, DateTimeOffset now) => new()
    {
        PartnerId = partner, Category = definition.Category, ProgramVersion = programVersion, StartedAt = now, StartedBy = by, Version = 1,
        Steps = definition.Steps.Select((s, i) => OnboardingStepRecord.Plan(partner, i, s, JourneyRules.DueOn(now, s))).ToList(),
    };

    /// <summary>The steps in journey order, as the pure rules define them.</summary>
    public IReadOnlyList<OnboardingStepRecord> Ordered => Steps.OrderBy(s => s.Position).ToList();

    public void Touch() => Version++;

    public void Launch(DateTimeOffset now)
    {
        LaunchedAt = now;
        Version++;
    }

    public IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["category"] = Category,
        ["programVersion"] = ProgramVersion,
        ["startedAt"] = StartedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["launchedAt"] = LaunchedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>A step of a journey: its definition as it was at the start, its due date, and who completed it when, with what.</summary>
public sealed class OnboardingStepRecord : IPartnerOwned, IAudited
{
    public const int MaxNote = 2000;

    private OnboardingStepRecord()
    {
    }

    public long Id { get; private set; }
    public long JourneyId { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public int Position { get; private set; }
    public string Key { get; private set; } = "";
    public string Title { get; private set; } = "";
    public StepOwner Owner { get; private set; }
    public int DueDays { get; private set; }
    public EvidenceKind Evidence { get; private set; }
    public string? Reference { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string? DoneBy { get; private set; }

    /// <summary>The vendor's note on an integration check; vendor-only, never shown to a partner user.</summary>
    public string? Note { get; private set; }
    public Guid? DocumentId { get; private set; }

    string IAudited.AuditEntity => "onboarding-step";

    string IAudited.AuditId => $"{PartnerId}/{Key}";

    public JourneyStep Definition => new(Key, Title, Owner, DueDays, Evidence, Reference);

    internal static OnboardingStepRecord Plan(PartnerId partner, int position, JourneyStep step, DateOnly dueOn) => new()
    {
        PartnerId = partner, Position = position, Key = step.Key, Title = step.Title, Owner = step.Owner, DueDays = step.DueDays,
        Evidence = step.Evidence, Reference = step.Reference, DueOn = dueOn,
    };

    public void Complete(DateTimeOffset at, string by, string? note, OnboardingDocument? document)
    {
        (DoneAt, DoneBy, Note) = (at, by, note);
        if (document is not null) DocumentId = document.Id;
    }

    public IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["dueOn"] = DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["doneAt"] = DoneAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["doneBy"] = DoneBy,
        ["note"] = Note,
        ["document"] = DocumentId?.ToString(),
    };
}

/// <summary>
/// An uploaded evidence file, stored in the database. The client's file name is kept only as a label for downloads and is
/// never used as a path; the SHA-256, size and content type are recorded so the evidence can be verified later.
/// </summary>
public sealed class OnboardingDocument : IPartnerOwned, IAudited
{
    public const int MaxFileName = 255;

    private OnboardingDocument()
    {
    }

    public Guid Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public string StepKey { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public DateTimeOffset UploadedAt { get; private set; }
    public string UploadedBy { get; private set; } = "";

    string IAudited.AuditEntity => "onboarding-document";

    string IAudited.AuditId => $"{PartnerId}/{StepKey}";

    public static OnboardingDocument Store(PartnerId partner, string stepKey, string? fileName, string contentType, byte[] content, string by, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(), PartnerId = partner, StepKey = stepKey, FileName = SafeName(fileName, stepKey), ContentType = contentType, Size = content.LongLength,
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), Content = content, UploadedAt = at, UploadedBy = by,
    };

    /// <summary>The record without its bytes, for listings.</summary>
    internal static OnboardingDocument Metadata(Guid id, PartnerId partner, string stepKey, string fileName, string contentType, long size, string sha256,
        DateTimeOffset at, string by) => new()
        {
            Id = id, PartnerId = partner, StepKey = stepKey, FileName = fileName, ContentType = contentType, Size = size, Sha256 = sha256, UploadedAt = at, UploadedBy = by,
        };

    /// <summary>Only the last segment, without control or path characters: a label for Content-Disposition, nothing more.</summary>
    private static string SafeName(string? name, string fallback)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/')[^1];
        var clean = new string(last.Where(c => !char.IsControl(c) && c is not ('"' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim().TrimStart('.');
        if (clean.Length == 0) clean = fallback;
        return clean.Length <= MaxFileName ? clean : clean[..MaxFileName];
    }

    public IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["step"] = StepKey,
        ["fileName"] = FileName,
        ["contentType"] = ContentType,
        ["size"] = Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["sha256"] = Sha256,
    };
}
