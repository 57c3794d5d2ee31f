using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Support;

namespace PartnerHub.App.Support;

/// <summary>The shared steps of every change to a ticket: find it (a foreign ticket is not found), check the version, save.</summary>
internal static class ChangeSupportTicket
{
    public static async Task<Result<SupportTicket>> FindAsync(PartnerHubDb db, SupportTicketId id, int? version, CancellationToken ct)
    {
        var ticket = await db.Set<SupportTicket>().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null) return SupportErrors.NotFound(id);
        if (version is { } v && v != ticket.Version) return SupportErrors.StaleVersion(v, ticket.Version);
        return ticket;
    }

    public static async Task<Result<TicketView>> SaveAsync(PartnerHubDb db, ProgramStore programs, SupportTicket ticket, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("stale_version", "The ticket changed while you worked on it. Reload it and try again.");
        }

        return await SupportReader.ViewAsync(db, ticket, (await programs.CurrentAsync(ct)).Program, ct);
    }

    public static Error? Text(string? text, string field, out string clean)
    {
        clean = SupportReader.Text(text) ?? "";
        if (clean.Length == 0) return Error.Validation(field, "Write something.");
        return clean.Length > SupportTicket.MaxText ? Error.Validation(field, $"At most {SupportTicket.MaxText} characters.") : null;
    }

    public static Error? VendorOnly(PartnerHubDb db, string action) => Access.VendorOnly(db.Actor, action);
}
