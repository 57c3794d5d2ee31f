using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Ledger;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Marketing;

namespace PartnerHub.App.Marketing;

/// <summary>
/// A manager approves a claim (paid through the ledger as an MDF claim: the vendor's MDF expense, owed to the partner on
/// its payable balance, so the next payout pays it) or rejects it with a reason (the partner may claim again). The
/// posting, keyed by the activity, and the activity's change are one save; the sum of approved claims of a period never
/// exceeds its budget (<see cref="MdfRules.CheckClaim"/>, the budget row's version guarding concurrent approvals).
/// </summary>
public sealed class DecideMdfClaim(PartnerHubDb db, MdfBooks books, PostTransaction post)
{
    public sealed record Input(bool Approve, string? Note);

    public static string SourceKey(Guid activity) => $"mdf-claim:{activity}";

    public async Task<Result<MdfActivityView>> HandleAsync(Guid id, Input input, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "decide MDF claims") is { } denied) return denied;
        var activity = await db.Set<MdfActivity>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return MarketingErrors.ActivityNotFound(id);
        var errors = new FieldErrors();
        var note = Text.Line(errors, "note", input.Note, MdfActivity.MaxNote);
        if (!input.Approve && note is null) errors.Add("note", "Say why the claim is rejected; this field is required.");
        if (errors.Any) return errors.ToError();
        if (activity.Status != MdfStatus.Claimed) return MarketingErrors.WrongStatus(input.Approve ? "paid" : "rejected as a claim", MdfActivity.Describe(activity.Status));

        var budget = await db.Set<MdfBudgetRecord>().FirstAsync(b => b.Id == activity.BudgetId, ct);
        var now = db.Clock.GetUtcNow();
        budget.Touch();
        if (!input.Approve)
        {
            var rejected = activity.RejectClaim(note!, db.Actor.Name, now);
            if (!rejected.IsSuccess) return rejected.Error;
            var saved = await MdfInput.SaveAsync(db, ct);
            return saved.IsSuccess ? (await books.ViewsAsync([activity], ct))[0] : saved.Error;
        }

        var position = MdfBooks.Position(budget, await books.ActivitiesAsync(budget, ct));
        var claim = new Money(activity.ClaimMinor!.Value, activity.Currency);
        var fits = MdfRules.CheckClaim(position, activity.Approved!.Value, claim, budget.Period);
        if (!fits.IsSuccess) return fits.Error;

        var why = $"{activity.Kind} '{activity.Title}' run on {activity.ExecutedOn:yyyy-MM-dd}, claim approved by {db.Actor.Name}" + (note is null ? "." : $": {note}");
        var posting = MarketDevelopmentFunds.PayClaim(SourceKey(activity.Id), activity.PartnerId, claim, activity.Title, why, DateOnly.FromDateTime(now.UtcDateTime), now);
        if (!posting.IsSuccess) return posting.Error;
        var paid = activity.Pay(posting.Value.Id, note, db.Actor.Name, now);
        if (!paid.IsSuccess) return paid.Error;
        try
        {
            // One save: the ledger transaction, the activity and the budget's version (fresh: the key belongs to this activity, paid once).
            var posted = await post.HandleAsync(posting.Value, ct, fresh: true);
            if (!posted.IsSuccess) return posted.Error;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("stale_version", "Another decision on this partner's market development funds was saved at the same time. Reload and try again.");
        }

        return (await books.ViewsAsync([activity], ct))[0];
    }
}
