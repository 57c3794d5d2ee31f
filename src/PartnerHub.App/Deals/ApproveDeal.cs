using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>
/// A partner manager approves a submitted registration, which starts its protection window. The conflict check runs
/// again first: two partners may have registered the same customer at the same moment, and approval is where the
/// program's rule is enforced. It is refused when the customer is a direct customer or an earlier valid registration
/// holds it (first valid registration wins, by UTC submission time).
/// </summary>
public sealed class ApproveDeal(PartnerHubDb db, DealIdentityIndex index, DealSettingsSource settings)
{
    public async Task<Result<DealView>> HandleAsync(DealId id, string? reason, CancellationToken ct)
    {
        // Checked before the transition, outside the tracked registration: the check reads other registrations.
        var deal = await db.DealRegistrations.FindAsync([id], ct);
        if (deal is not null && deal.Status == DealStatus.Submitted && db.Actor.PartnerScope is null)
        {
            var check = await index.CheckExactKeysAsync(db, RegistrationCandidate.From(deal), ct);
            if (Blocker(check, deal.Id) is { } blocker) return DealErrors.LosesToEarlierClaim(deal.Id, blocker.Explanation);
        }

        return await DealTransition.RunAsync(db, index, settings, id, "approve deal registrations",
            (d, terms, now, by) => d.Approve(by, terms.Registration, now, reason), ct);
    }

    /// <summary>The first match that must win over this registration: a direct customer, or an earlier conflicting registration.</summary>
    private static ConflictMatch? Blocker(ConflictResult check, DealId id) =>
        check.Matches.FirstOrDefault(m => m.Severity == ConflictOutcome.Conflict
            && (m.Record == MatchedRecord.ExistingCustomer || m.Priority is { } p && p.Winner.Id != id));
}
