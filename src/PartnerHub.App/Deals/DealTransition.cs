using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>
/// What every workflow step shares: find the registration through the partner scope (a foreign id is simply not
/// found), check who may act, apply the domain's transition at "now", save (audited by the context), and keep the
/// conflict index in step. A concurrent change is refused by the version check, never overwritten.
/// </summary>
internal static class DealTransition
{
    public delegate Result Step(DealRegistration deal, DealTerms terms, DateTimeOffset now, string actor);

    public static async Task<Result<DealView>> RunAsync(PartnerHubDb db, DealIdentityIndex index, DealSettingsSource settings, DealId id,
        string? vendorOnlyAction, Step step, CancellationToken ct)
    {
        var deal = await db.DealRegistrations.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null) return DealErrors.NotFound(id);
        if (vendorOnlyAction is not null && Access.VendorOnly(db.Actor, vendorOnlyAction) is { } denied) return denied;

        var terms = await settings.CurrentAsync(ct);
        var now = db.Clock.GetUtcNow();
        var result = step(deal, terms, now, db.Actor.Name);
        if (!result.IsSuccess)
        {
            db.Entry(deal).State = EntityState.Detached;
            return result.Error;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(deal).State = EntityState.Detached;
            return Changed(id);
        }

        index.Applied(deal);
        return DealView.From(deal, terms.Registration, now);
    }

    public static Error Changed(DealId id) =>
        Error.Conflict("deal_changed", $"Deal registration {id} was changed by someone else at the same time; reload it and try again.");
}
