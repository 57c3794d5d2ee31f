using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Onboarding;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Marketing;

namespace PartnerHub.App.Marketing;

/// <summary>
/// The partner reports an approved activity executed and claims its funds: the amount (at most what was approved and
/// what the period may still pay), the day it ran, and a proof-of-performance file within the program's limits. The
/// proof and the claim are saved together or not at all.
/// </summary>
public sealed class ClaimMdfActivity(PartnerHubDb db, ProgramStore programs, MdfBooks books)
{
    public sealed record Input(string? Amount, string? ExecutedOn, string? Note);

    public async Task<Result<MdfActivityView>> HandleAsync(Guid id, Input input, UploadedFile? proof, CancellationToken ct)
    {
        var activity = await db.Set<MdfActivity>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return MarketingErrors.ActivityNotFound(id);
        var limits = (await programs.CurrentAsync(ct)).Program.Marketing.Mdf.Proof;
        var errors = new FieldErrors();
        var amount = MdfInput.Amount(errors, "amount", input.Amount, activity.Currency);
        var executedOn = MdfInput.Date(errors, "executedOn", input.ExecutedOn, required: true);
        if (executedOn is { } day && day > programs.Today) errors.Add("executedOn", "Claim once the activity has run; this date is in the future.");
        var note = Text.Line(errors, "note", input.Note, MdfActivity.MaxNote);
        var checkedFile = proof is null
            ? Error.Validation("file", "Attach a proof of performance (multipart form field 'file'): a report, screenshot or invoice.")
            : UploadRules.Check("file", proof.FileName, proof.ContentType, proof.Size, limits);
        if (!checkedFile.IsSuccess) errors.Merge("", checkedFile.Error);
        if (errors.Any) return errors.ToError();
        if (activity.Status is not (MdfStatus.Approved or MdfStatus.ClaimRejected)) return MarketingErrors.WrongStatus("claimed", MdfActivity.Describe(activity.Status));

        var budget = await db.Set<MdfBudgetRecord>().FirstAsync(b => b.Id == activity.BudgetId, ct);
        var position = MdfBooks.Position(budget, await books.ActivitiesAsync(budget, ct));
        var fits = MdfRules.CheckClaim(position, activity.Approved!.Value, amount!.Value, budget.Period);
        if (!fits.IsSuccess) return fits.Error;

        var bytes = await proof!.ReadAsync(ct);
        var actual = UploadRules.Check("file", proof.FileName, proof.ContentType, bytes.LongLength, limits);
        if (!actual.IsSuccess) return actual.Error;
        var now = db.Clock.GetUtcNow();
        var stored = MdfProof.Store(activity.PartnerId, activity.Id, proof.FileName!, UploadRules.MediaType(proof.ContentType)!, bytes, db.Actor.Name, now);
        db.Add(stored);
        var claimed = activity.Claim(amount.Value, executedOn!.Value, note, stored.Id, db.Actor.Name, now);
        if (!claimed.IsSuccess) return claimed.Error;
        budget.Touch();
        var saved = await MdfInput.SaveAsync(db, ct);
        if (!saved.IsSuccess) return saved.Error;
        return (await books.ViewsAsync([activity], ct))[0];
    }
}
