using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Relationships;

/// <summary>
/// One logged contact with a partner (meeting, QBR, call, email, note). A record of what happened: never edited, so a
/// correction is a new note, and the timeline stays what people read at the time.
/// </summary>
public sealed class RelationshipActivity : IOwnedByPartner
{
    private RelationshipActivity()
    {
    }

    public ActivityId Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public ActivityKind Kind { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string Who { get; private set; } = "";
    public IReadOnlyList<string> Participants { get; private set; } = [];
    public string? Outcome { get; private set; }
    public string? Notes { get; private set; }

    /// <summary>Who wrote it into PartnerHub, and when (the audit side of an append-only record).</summary>
    public string LoggedBy { get; private set; } = "";
    public DateTimeOffset LoggedAt { get; private set; }

    public static RelationshipActivity Log(PartnerId partner, ValidActivityDetails d, string loggedBy, DateTimeOffset now) => new()
    {
        Id = ActivityId.New(), PartnerId = partner, Kind = d.Kind, OccurredAt = d.OccurredAt, Who = d.Who, Participants = d.Participants,
        Outcome = d.Outcome, Notes = d.Notes, LoggedBy = loggedBy, LoggedAt = now,
    };
}
