using PartnerHub.Core.Relationships;

namespace PartnerHub.App.Relationships;

public sealed record ActivityView(Guid Id, Guid PartnerId, string Kind, DateTimeOffset OccurredAt, string Who, IReadOnlyList<string> Participants,
    string? Outcome, string? Notes, string LoggedBy, DateTimeOffset LoggedAt)
{
    public static ActivityView From(RelationshipActivity a) =>
        new(a.Id.Value, a.PartnerId.Value, a.Kind.Key(), a.OccurredAt, a.Who, a.Participants, a.Outcome, a.Notes, a.LoggedBy, a.LoggedAt);
}
