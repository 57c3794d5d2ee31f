using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Prospects;

namespace PartnerHub.App.Prospects;

/// <summary>Logs a contact attempt with a prospect; its next step (if any) replaces the prospect's open follow-up.</summary>
public sealed class LogOutreach(PartnerHubDb db)
{
    public sealed record Input(string? Channel, string? Outcome, string? Note, string? NextStep, DateOnly? NextStepDueOn);

    public async Task<Result<OutreachView>> HandleAsync(PartnerId id, Input input, CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return PartnerErrors.NotFound(id);

        var errors = new FieldErrors();
        if (!ProspectKeys.TryParse<OutreachChannel>(input.Channel, out var channel))
            errors.Add("channel", $"{Given(input.Channel)}Use one of: {string.Join(", ", ProspectKeys.All<OutreachChannel>())}.");
        if (!ProspectKeys.TryParse<OutreachOutcome>(input.Outcome, out var outcome))
            errors.Add("outcome", $"{Given(input.Outcome)}Use one of: {string.Join(", ", ProspectKeys.All<OutreachOutcome>())}.");
        var note = Text.Block(errors, "note", input.Note, 2000)?.Trim();
        var nextStep = Text.Line(errors, "nextStep", input.NextStep, 500);
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        if (nextStep is not null && input.NextStepDueOn is null) errors.Add("nextStepDueOn", "Give the next step a due date.");
        if (nextStep is null && input.NextStepDueOn is not null) errors.Add("nextStep", "Say what the next step due on that date is.");
        if (input.NextStepDueOn is { } due && due < today) errors.Add("nextStepDueOn", $"The next step is due in the past ({due:yyyy-MM-dd}); today is {today:yyyy-MM-dd}.");
        if (errors.Any) return errors.ToError();
        if (!ProspectStages.Workable.Contains(partner.Stage)) return ProspectErrors.NotAProspect(partner.Stage);

        var attempt = OutreachAttempt.Log(id, channel, outcome, note, nextStep, input.NextStepDueOn, db.Actor.Name, db.Clock.GetUtcNow());
        db.Add(attempt);
        await db.SaveChangesAsync(ct);
        return OutreachView.From(attempt);
    }

    private static string Given(string? text) => string.IsNullOrWhiteSpace(text) ? "Required. " : $"Unknown value '{text.Trim()}'. ";
}
