using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Relationships;

namespace PartnerHub.App.Relationships;

/// <summary>Logs a meeting, QBR, call, email or note with a partner: vendor staff only; the actor is recorded as who logged it.</summary>
public sealed class LogActivity(PartnerHubDb db)
{
    public async Task<Result<ActivityView>> HandleAsync(PartnerId partner, ActivityDetails details, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "log relationship activities") is { } denied) return denied;
        if (!await db.Partners.AnyAsync(p => p.Id == partner, ct)) return PartnerErrors.NotFound(partner);
        var now = db.Clock.GetUtcNow();
        var valid = details.Validate(now);
        if (!valid.IsSuccess) return valid.Error;
        var activity = RelationshipActivity.Log(partner, valid.Value, db.Actor.Name, now);
        db.Add(activity);
        await db.SaveChangesAsync(ct);
        return ActivityView.From(activity);
    }
}
