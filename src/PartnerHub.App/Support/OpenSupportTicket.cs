using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.App.Standing;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Support;

namespace PartnerHub.App.Support;

/// <summary>
/// Opens a support ticket for a partner: a partner user for its own partner, vendor staff for the partner they name (a
/// call taken on the phone). The level and channel must be ones the partner's tier includes; the targets and due instants
/// come from the program in force. Every field error is reported at once and nothing is saved unless all are right.
/// </summary>
public sealed class OpenSupportTicket(PartnerHubDb db, ProgramStore programs, GetStanding standing)
{
    public async Task<Result<TicketView>> HandleAsync(TicketInput input, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>();
        PartnerId? partner = db.Actor.PartnerScope;
        if (partner is null)
        {
            if (input.PartnerId is { } given) partner = new PartnerId(given);
            else fields["partnerId"] = ["Name the partner the ticket is for."];
        }
        else if (input.PartnerId is { } other && other != partner.Value.Value) return PartnerErrors.NotFound(new PartnerId(other));

        var subject = SupportReader.Text(input.Subject);
        var description = SupportReader.Text(input.Description);
        var channel = SupportReader.Text(input.Channel);
        if (subject is null) fields["subject"] = ["Say in a line what the ticket is about."];
        else if (subject.Length > SupportTicket.MaxSubject) fields["subject"] = [$"At most {SupportTicket.MaxSubject} characters."];
        if (description is null) fields["description"] = ["Describe the problem."];
        else if (description.Length > SupportTicket.MaxText) fields["description"] = [$"At most {SupportTicket.MaxText} characters."];
        if (input.Level is null) fields["level"] = ["Choose a support level."];
        if (channel is null) fields["channel"] = ["Choose a support channel."];

        if (partner is { } id && !await db.Partners.AnyAsync(p => p.Id == id, ct)) return PartnerErrors.NotFound(id);
        var published = await programs.CurrentAsync(ct);
        var program = published.Program;
        var held = partner is { } pid && await standing.HandleAsync(pid, null, ct) is { IsSuccess: true } s ? s.Value.Tier.Held : null;
        var tier = SupportReader.TierOf(program, held);
        if (input.Level is { } level && channel is not null && SupportRules.Allowed(program.Support, tier, level, channel) is { IsSuccess: false } refused)
            foreach (var (field, messages) in refused.Error.Fields!) fields[field] = messages;
        if (fields.Count > 0) return Error.Validation(fields);

        var targets = SupportRules.Targets(program.Support, tier, input.Level!.Value, channel!);
        var ticket = SupportTicket.Open(partner!.Value, subject!, description!, input.Level.Value, channel!, tier.Key, tier.Support.MaxLevel, published.Label,
            targets, program.Support.BusinessHours, db.Actor.Name, db.Clock.GetUtcNow());
        db.Add(ticket);
        await db.SaveChangesAsync(ct);
        return await SupportReader.ViewAsync(db, ticket, program, ct);
    }
}
