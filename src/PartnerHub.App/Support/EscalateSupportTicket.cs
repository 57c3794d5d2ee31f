using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Support;

namespace PartnerHub.App.Support;

/// <summary>
/// Escalates an open ticket to the next support level (vendor staff). The vendor may go past the tier's maxLevel, up to the
/// program's highest level (an internal hand-over to engineering); the resolution target becomes the new level's, counted
/// from opening, and the first-response target stays. A reason is recorded as an internal note.
/// </summary>
public sealed class EscalateSupportTicket(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<TicketView>> HandleAsync(SupportTicketId id, string? reason, int? version, CancellationToken ct)
    {
        if (ChangeSupportTicket.VendorOnly(db, "escalate tickets") is { } forbidden) return forbidden;
        var found = await ChangeSupportTicket.FindAsync(db, id, version, ct);
        if (!found.IsSuccess) return found.Error;
        var ticket = found.Value;
        if (ticket.Status == TicketStatus.Closed) return SupportErrors.Closed();
        var note = SupportReader.Text(reason);
        if (note is { Length: > SupportTicket.MaxText }) return Error.Validation("reason", $"At most {SupportTicket.MaxText} characters.");

        var program = (await programs.CurrentAsync(ct)).Program;
        var next = SupportRules.NextLevel(program.Support, ticket.Level);
        if (!next.IsSuccess) return next.Error;
        var tier = SupportReader.TierOf(program, ticket.Tier);
        ticket.Escalate(next.Value, SupportRules.Targets(program.Support, tier, next.Value, ticket.Channel), program.Support.BusinessHours);
        var text = $"Escalated to level {next.Value}" + (next.Value > ticket.TierMaxLevel ? $" (internal: above the tier's level {ticket.TierMaxLevel})" : "")
            + (note is null ? "." : $": {note}");
        db.Add(SupportTicketNote.Write(id, db.Actor.Name, text.Length > SupportTicket.MaxText ? text[..SupportTicket.MaxText] : text, db.Clock.GetUtcNow()));
        return await ChangeSupportTicket.SaveAsync(db, programs, ticket, ct);
    }
}
