using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Support;

namespace PartnerHub.App.Support;

/// <summary>
/// The partner rates a closed ticket once, 1 to 5. The rating is also written as a satisfaction survey response
/// (external id <c>support-ticket:{id}</c>, score (rating − 1) × 25) in the same transaction, with the facts generation
/// raised, so the engine's partner-satisfaction KPI, targets and health score count it like any other survey.
/// </summary>
public sealed class RateSupportTicket(PartnerHubDb db, ProgramStore programs)
{
    public const string SurveySource = "support-ticket:";

    public async Task<Result<TicketView>> HandleAsync(SupportTicketId id, int? rating, string? comment, CancellationToken ct)
    {
        if (db.Actor.PartnerScope is null) return SupportErrors.PartnerOnly("rate a ticket");
        var found = await ChangeSupportTicket.FindAsync(db, id, null, ct);
        if (!found.IsSuccess) return found.Error;
        var ticket = found.Value;
        var fields = new Dictionary<string, string[]>();
        if (rating is not (>= 1 and <= 5)) fields["rating"] = ["Rate the support from 1 (poor) to 5 (excellent)."];
        var text = SupportReader.Text(comment);
        if (text is { Length: > SupportTicket.MaxText }) fields["comment"] = [$"At most {SupportTicket.MaxText} characters."];
        if (fields.Count > 0) return Error.Validation(fields);
        if (ticket.Status != TicketStatus.Closed) return SupportErrors.NotClosed();
        if (ticket.Rating is not null) return SupportErrors.AlreadyRated();

        var now = db.Clock.GetUtcNow();
        ticket.Rate(rating!.Value, text, now);
        db.Add(new SurveyResponseRecord
        {
            ExternalId = SurveySource + ticket.Id, PartnerId = ticket.PartnerId, Kind = SurveyKind.Satisfaction,
            AnsweredOn = DateOnly.FromDateTime(now.UtcDateTime), Score = SupportKpis.SurveyScore(rating.Value),
        });
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("stale_version", "The ticket changed while you rated it. Reload it and try again.");
        }

        await FactWrites.BumpAsync(db, ct);
        await transaction.CommitAsync(ct);
        return await SupportReader.ViewAsync(db, ticket, (await programs.CurrentAsync(ct)).Program, ct);
    }
}
