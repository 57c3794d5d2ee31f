namespace PartnerHub.App.Onboarding;

/// <summary>A partner's journey as the API, CLI and pages show it. <see cref="Version"/> is the journey's ETag.</summary>
public sealed record JourneyView(Guid PartnerId, string Partner, string Category, string ProgramVersion, DateTimeOffset StartedAt, string StartedBy,
    DateTimeOffset? LaunchedAt, int Version, int Done, int Total, int Overdue, IReadOnlyList<StepView> Steps);

/// <summary>
/// One step. <see cref="Note"/> (the vendor's integration-check note) is null for partner users. A fact step is done when
/// its fact has arrived (<see cref="DoneBy"/> "facts"), even before the launch stamps it.
/// </summary>
public sealed record StepView(string Key, string Title, string Owner, string Evidence, string? Reference, DateOnly DueOn, bool Done,
    DateTimeOffset? DoneAt, string? DoneBy, bool Overdue, bool CompletesFromFacts, string? Note, DocumentView? Document);

/// <summary>What is known of an uploaded evidence file; the bytes are fetched separately.</summary>
public sealed record DocumentView(string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string UploadedBy);

/// <summary>An uploaded file as the web layer hands it over: the size is checked against the limits before the bytes are read.</summary>
public sealed record UploadedFile(string? FileName, string? ContentType, long Size, Func<CancellationToken, Task<byte[]>> ReadAsync);
