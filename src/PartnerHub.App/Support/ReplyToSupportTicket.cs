using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Support;

namespace PartnerHub.App.Support;

/// <summary>
/// A reply in a ticket's conversation. Vendor staff answering stops the first-response clock (the first time) and marks
/// the ticket answered; a partner user replying puts it back in the vendor's queue.
/// </summary>
public sealed class ReplyToSupportTicket(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<TicketView>> HandleAsync(SupportTicketId id, string? text, int? version, CancellationToken ct)
    {
        var found = await ChangeSupportTicket.FindAsync(db, id, version, ct);
        if (!found.IsSuccess) return found.Error;
        var ticket = found.Value;
        if (ChangeSupportTicket.Text(text, "text", out var clean) is { } invalid) return invalid;
        if (ticket.Status == TicketStatus.Closed) return SupportErrors.Closed();

        var vendor = db.Actor.PartnerScope is null;
        var now = db.Clock.GetUtcNow();
        db.Add(SupportTicketMessage.Write(ticket, vendor, db.Actor.Name, clean, now));
        ticket.Replied(vendor, now);
        return await ChangeSupportTicket.SaveAsync(db, programs, ticket, ct);
    }
}
