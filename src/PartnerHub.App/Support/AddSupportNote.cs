using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Support;

namespace PartnerHub.App.Support;

/// <summary>An internal note on a ticket, for vendor staff only; the partner never reads it.</summary>
public sealed class AddSupportNote(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<TicketView>> HandleAsync(SupportTicketId id, string? text, CancellationToken ct)
    {
        if (ChangeSupportTicket.VendorOnly(db, "write internal notes") is { } forbidden) return forbidden;
        var found = await ChangeSupportTicket.FindAsync(db, id, null, ct);
        if (!found.IsSuccess) return found.Error;
        if (ChangeSupportTicket.Text(text, "text", out var clean) is { } invalid) return invalid;
        db.Add(SupportTicketNote.Write(id, db.Actor.Name, clean, db.Clock.GetUtcNow()));
        return await ChangeSupportTicket.SaveAsync(db, programs, found.Value, ct);
    }
}
