using System.Globalization;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Support;

namespace PartnerHub.App.Support;

/// <summary>
/// A partner's support ticket. Its level, channel and targets are fixed when it is opened from the program in force and
/// the partner's tier then; the due instants are computed once with the program's business calendar, so a later program
/// version does not move an open ticket's deadlines. Partner-owned: a partner user reads only its own partner's tickets.
/// </summary>
public sealed class SupportTicket : IPartnerOwned, IAudited
{
    public const int MaxSubject = 200;
    public const int MaxText = 4000;

    private SupportTicket()
    {
    }

    public SupportTicketId Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public string Subject { get; private set; } = "";
    public string Description { get; private set; } = "";
    public int Level { get; private set; }
    public string Channel { get; private set; } = "";
    public string Tier { get; private set; } = "";
    public int TierMaxLevel { get; private set; }
    public string ProgramVersion { get; private set; } = "";
    public TicketStatus Status { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public string OpenedBy { get; private set; } = "";
    public decimal? FirstResponseHours { get; private set; }
    public decimal? ResolutionHours { get; private set; }
    public DateTimeOffset? FirstResponseDueAt { get; private set; }
    public DateTimeOffset? ResolutionDueAt { get; private set; }
    public DateTimeOffset? FirstResponseAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public int Escalations { get; private set; }
    public int? Rating { get; private set; }
    public string? RatingComment { get; private set; }
    public DateTimeOffset? RatedAt { get; private set; }
    public int Version { get; private set; }

    string IAudited.AuditEntity => "support-ticket";

    string IAudited.AuditId => Id.ToString();

    public static SupportTicket Open(PartnerId partner, string subject, string description, int level, string channel, string tier, int tierMaxLevel,
        string programVersion, SupportTargets targets, BusinessCalendar calendar, string by, DateTimeOffset now)
    {
        // Stored instants keep microseconds (PostgreSQL's precision), so met/breached reads the same before and after a round trip.
        var opened = Instants.Stored(now);
        var ticket = new SupportTicket
        {
            Id = SupportTicketId.New(), PartnerId = partner, Subject = subject, Description = description, Channel = channel, Tier = tier,
            TierMaxLevel = tierMaxLevel, ProgramVersion = programVersion, Status = TicketStatus.Open, OpenedAt = opened, OpenedBy = by, Version = 1,
        };
        ticket.SetLevel(level, targets, calendar, firstResponseToo: true);
        return ticket;
    }

    /// <summary>
    /// Moves the ticket to a new level: the resolution target becomes the new level's, counted from opening. The first-response
    /// target stays as it was when the ticket was opened (first contact is judged by what the partner asked for).
    /// </summary>
    public void Escalate(int level, SupportTargets targets, BusinessCalendar calendar)
    {
        SetLevel(level, targets, calendar, firstResponseToo: false);
        Escalations++;
        Version++;
    }

    /// <summary>A reply in the conversation. The vendor's first reply stops the first-response clock.</summary>
    public void Replied(bool byVendor, DateTimeOffset now)
    {
        if (byVendor)
        {
            FirstResponseAt ??= Instants.Stored(now);
            Status = TicketStatus.Answered;
        }
        else Status = TicketStatus.Open;
        Version++;
    }

    /// <summary>Resolved: stops the resolution clock (and the first-response clock, if closing was the first answer).</summary>
    public void Close(string by, DateTimeOffset now)
    {
        var at = Instants.Stored(now);
        FirstResponseAt ??= at;
        (Status, ClosedAt, ClosedBy) = (TicketStatus.Closed, at, by);
        Version++;
    }

    public void Rate(int rating, string? comment, DateTimeOffset now)
    {
        (Rating, RatingComment, RatedAt) = (rating, comment, Instants.Stored(now));
        Version++;
    }

    private void SetLevel(int level, SupportTargets targets, BusinessCalendar calendar, bool firstResponseToo)
    {
        Level = level;
        ResolutionHours = targets.ResolutionHours;
        ResolutionDueAt = Due(targets.ResolutionHours, calendar);
        if (!firstResponseToo) return;
        FirstResponseHours = targets.FirstResponseHours;
        FirstResponseDueAt = Due(targets.FirstResponseHours, calendar);
    }

    private DateTimeOffset? Due(decimal? hours, BusinessCalendar calendar) =>
        hours is { } h ? Instants.Stored(SlaClock.Due(calendar, OpenedAt, SlaClock.Hours(h))) : null;

    public IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["status"] = Status.ToString(),
        ["level"] = Level.ToString(CultureInfo.InvariantCulture),
        ["channel"] = Channel,
        ["firstResponseAt"] = FirstResponseAt?.ToString("O", CultureInfo.InvariantCulture),
        ["closedAt"] = ClosedAt?.ToString("O", CultureInfo.InvariantCulture),
        ["rating"] = Rating?.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>A message in a ticket's conversation, which the partner and the vendor both read.</summary>
public sealed class SupportTicketMessage : IPartnerOwned
{
    private SupportTicketMessage()
    {
    }

    public long Id { get; private set; }
    public SupportTicketId TicketId { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public bool FromVendor { get; private set; }
    public string Author { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    public static SupportTicketMessage Write(SupportTicket ticket, bool fromVendor, string author, string text, DateTimeOffset at) => new()
    {
        TicketId = ticket.Id, PartnerId = ticket.PartnerId, FromVendor = fromVendor, Author = author, Text = text, At = Instants.Stored(at),
    };
}

/// <summary>
/// The vendor's internal note on a ticket. Vendor-only: the database's partner filter hides every note from partner users,
/// so no page or endpoint can show one to a partner by mistake.
/// </summary>
public sealed class SupportTicketNote : IVendorOnly
{
    private SupportTicketNote()
    {
    }

    public long Id { get; private set; }
    public SupportTicketId TicketId { get; private set; }
    public string Author { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    public static SupportTicketNote Write(SupportTicketId ticket, string author, string text, DateTimeOffset at) => new()
    {
        TicketId = ticket, Author = author, Text = text, At = Instants.Stored(at),
    };
}
