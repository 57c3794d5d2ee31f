using PartnerHub.Core.Common;

namespace PartnerHub.Core.Support;

/// <summary>A support ticket's id.</summary>
public readonly record struct SupportTicketId(Guid Value)
{
    public static SupportTicketId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public enum TicketStatus
{
    /// <summary>Waiting for the vendor: new, or the partner replied.</summary>
    Open,

    /// <summary>The vendor answered; waiting for the partner.</summary>
    Answered,

    /// <summary>Resolved and closed by the vendor; the partner may rate it once.</summary>
    Closed,
}

public static class SupportErrors
{
    public static Error NotFound(SupportTicketId id) => Error.NotFound("Support ticket", id.Value);

    public static Error Closed() => Error.Conflict("ticket_closed", "The ticket is closed; open a new ticket for a new question.");

    public static Error NotClosed() => Error.Conflict("ticket_open", "A ticket is rated after it is closed.");

    public static Error AlreadyRated() => Error.Conflict("ticket_rated", "The ticket has already been rated.");

    public static Error PartnerOnly(string action) => new("forbidden", $"Only the partner's users may {action}.", ErrorKind.Forbidden);

    public static Error StaleVersion(int sent, int current) =>
        Error.Conflict("stale_version", $"The ticket changed since you read it (you sent version {sent}, it is now at version {current}). Reload it and try again.");
}
