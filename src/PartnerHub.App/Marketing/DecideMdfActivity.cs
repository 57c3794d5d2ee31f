using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Marketing;

namespace PartnerHub.App.Marketing;

/// <summary>
/// A manager approves a requested activity (for the amount asked or less, as long as the period still has it available;
/// the amount is then committed) or rejects it with a reason. Audited like every change of an activity.
/// </summary>
public sealed class DecideMdfActivity(PartnerHubDb db, MdfBooks books)
{
    public sealed record Input(bool Approve, string? Amount, string? Note);

    public async Task<Result<MdfActivityView>> HandleAsync(Guid id, Input input, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "decide co-marketing requests") is { } denied) return denied;
        var activity = await db.Set<MdfActivity>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return MarketingErrors.ActivityNotFound(id);
        var budget = await db.Set<MdfBudgetRecord>().FirstAsync(b => b.Id == activity.BudgetId, ct);
        var errors = new FieldErrors();
        var note = Text.Line(errors, "note", input.Note, MdfActivity.MaxNote);
        var now = db.Clock.GetUtcNow();
        Result decided;
        if (input.Approve)
        {
            var amount = string.IsNullOrWhiteSpace(input.Amount) ? activity.Asked : MdfInput.Amount(errors, "amount", input.Amount, activity.Currency);
            if (amount is { } a && a > activity.Asked) errors.Add("amount", $"Approve at most the {activity.Asked} asked.");
            if (errors.Any) return errors.ToError();
            if (activity.Status != MdfStatus.Requested) return MarketingErrors.WrongStatus("approved", MdfActivity.Describe(activity.Status));
            var position = MdfBooks.Position(budget, await books.ActivitiesAsync(budget, ct));
            var fits = MdfRules.CheckAsk(position, amount!.Value, "amount", budget.Period);
            if (!fits.IsSuccess) return fits.Error;
            decided = activity.Approve(amount.Value, note, db.Actor.Name, now);
        }
        else
        {
            if (note is null) errors.Add("note", "Say why the request is rejected; this field is required.");
            if (errors.Any) return errors.ToError();
            decided = activity.Reject(note!, db.Actor.Name, now);
        }

        if (!decided.IsSuccess) return decided.Error;
        budget.Touch();
        var saved = await MdfInput.SaveAsync(db, ct);
        if (!saved.IsSuccess) return saved.Error;
        return (await books.ViewsAsync([activity], ct))[0];
    }
}
