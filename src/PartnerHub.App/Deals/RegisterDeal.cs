using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Deals;

/// <summary>
/// A partner registers a deal. The input is validated field by field, then checked for channel conflict against every
/// active registration and existing customer (<see cref="DealIdentityIndex"/>). A conflict (the same registrable domain
/// or company name held by another partner or by a direct customer) refuses the registration with a message that says
/// only THAT the customer is taken, never by whom; a possible duplicate is registered and flagged for the manager.
/// The exact-key check and the insert happen in the <see cref="DealRegistrationWriter"/>'s group, under a
/// <see cref="CustomerClaim"/>, so two partners registering one customer at the same moment, on one instance or two,
/// cannot both be first.
/// </summary>
public sealed class RegisterDeal(PartnerHubDb db, DealIdentityIndex index, DealSettingsSource settings, DealRegistrationWriter writer)
{
    /// <summary>The new registration, and what the partner may know about look-alikes (for a manager, see <see cref="GetDeal"/>).</summary>
    public sealed record Registered(DealView Deal, PartnerConflictView Conflicts);

    /// <summary>
    /// Registers for <paramref name="partner"/>. A partner user can only name its own partner: any other is not found,
    /// exactly like a partner that does not exist (the partner lookup goes through the scope filter).
    /// </summary>
    public async Task<Result<Registered>> HandleAsync(PartnerId partner, DealRegistrationDetails details, CancellationToken ct)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == partner && p.ArchivedAt == null, ct)) return PartnerErrors.NotFound(partner);
        var now = Instants.Stored(db.Clock.GetUtcNow());
        var valid = details.Validate(now);
        if (!valid.IsSuccess) return valid.Error;

        var deal = DealRegistration.Submit(valid.Value, partner, now);
        var candidate = RegistrationCandidate.From(deal);
        await index.WarmAsync(db, ct); // a first build reads every active registration: not in a group, which holds the claim
        var written = await writer.WriteAsync(deal, candidate, db.Actor, ct);
        if (!written.IsSuccess) return written.Error;

        // The close-name pass runs after the commit, outside the group: it only ever flags a possible duplicate for a
        // person (who sees it live on the registration), and on SQLite the group holds every writer's lock.
        var check = await index.RecheckWithCloseNamesAsync(db, candidate, ct);
        var terms = await settings.CurrentAsync(ct);
        return new Registered(DealView.From(deal, terms.Registration, now), check.ForPartner());
    }

    /// <summary>The input field that made the conflict: the domain when it matched, otherwise the name.</summary>
    internal static string BlockingField(ConflictResult check) =>
        check.Matches.Any(m => m.Severity == ConflictOutcome.Conflict && m.Rule == ConflictRule.SameDomain) ? "customerDomain" : "customerName";

    internal static Error ExternalIdTaken(string externalId) =>
        Error.Validation("externalId", $"This partner already registered a deal with external id '{externalId}'.");
}
