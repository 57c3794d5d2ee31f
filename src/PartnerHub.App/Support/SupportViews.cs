using PartnerHub.Core.Support;

namespace PartnerHub.App.Support;

/// <summary>One SLA clock of a ticket: state (running, met, breached, none), business hours used, target, time left, due instant.</summary>
public sealed record SlaView(string State, decimal ElapsedHours, decimal? TargetHours, decimal? RemainingHours, DateTimeOffset? DueAt, string Text)
{
    public static SlaView From(SlaClockReading r) => new(r.State.ToString().ToLowerInvariant(), Hours(r.Elapsed), r.Target is { } t ? Hours(t) : null,
        r.Remaining is { } left ? Hours(left) : null, r.DueAt, r.Describe());

    public bool Breached => State == "breached";

    private static decimal Hours(TimeSpan span) => Math.Round((decimal)span.Ticks / TimeSpan.TicksPerHour, 2);
}

/// <summary>A ticket in the queue or a partner's list.</summary>
public sealed record TicketRow(Guid Id, Guid PartnerId, string PartnerName, string Subject, int Level, string Channel, string Tier, string Status,
    DateTimeOffset OpenedAt, SlaView FirstResponse, SlaView Resolution, bool Breached, int? Rating);

public sealed record MessageView(bool FromVendor, string Author, string Text, DateTimeOffset At);

public sealed record NoteView(string Author, string Text, DateTimeOffset At);

/// <summary>
/// A ticket with its conversation. <see cref="Notes"/> are the vendor's internal notes: null for a partner user, who never
/// reads them (the database hides them too).
/// </summary>
public sealed record TicketView(TicketRow Ticket, string Description, string LevelName, string ChannelName, string Targets, string BusinessHours,
    string OpenedBy, DateTimeOffset? FirstResponseAt, DateTimeOffset? ClosedAt, int Escalations, int? NextLevel, string? RatingComment,
    DateTimeOffset? RatedAt, int Version, IReadOnlyList<MessageView> Messages, IReadOnlyList<NoteView>? Notes);

/// <summary>What opening a ticket takes. Vendor staff name the partner; a partner user's is its own.</summary>
public sealed record TicketInput
{
    public Guid? PartnerId { get; init; }
    public string? Subject { get; init; }
    public string? Description { get; init; }
    public int? Level { get; init; }
    public string? Channel { get; init; }
}
