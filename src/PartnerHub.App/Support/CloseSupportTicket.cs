using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Support;

namespace PartnerHub.App.Support;

/// <summary>Resolves and closes a ticket (vendor staff), with an optional last answer to the partner; stops the resolution clock.</summary>
public sealed class CloseSupportTicket(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<TicketView>> HandleAsync(SupportTicketId id, string? resolution, int? version, CancellationToken ct)
    {
        if (ChangeSupportTicket.VendorOnly(db, "close tickets") is { } forbidden) return forbidden;
        var found = await ChangeSupportTicket.FindAsync(db, id, version, ct);
        if (!found.IsSuccess) return found.Error;
        var ticket = found.Value;
        if (ticket.Status == TicketStatus.Closed) return SupportErrors.Closed();
        var now = db.Clock.GetUtcNow();
        if (SupportReader.Text(resolution) is { } text)
        {
            if (text.Length > SupportTicket.MaxText) return Error.Validation("resolution", $"At most {SupportTicket.MaxText} characters.");
            db.Add(SupportTicketMessage.Write(ticket, true, db.Actor.Name, text, now));
        }

        ticket.Close(db.Actor.Name, now);
        return await ChangeSupportTicket.SaveAsync(db, programs, ticket, ct);
    }
}
