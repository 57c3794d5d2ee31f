using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Relationships;

/// <summary>
/// Churns or terminates a partner: a reason is required, the lifecycle must allow the move, and the caller must name
/// the version it previewed. Only the stage moves (audited, with the reason); deals, ledger and certifications are left
/// exactly as they are, so nothing owed is lost and a won-back partner picks up where it was.
/// </summary>
public sealed class EndPartnership(PartnerHubDb db)
{
    public async Task<Result<PartnerView>> HandleAsync(PartnerId id, LifecycleStage to, string? reason, int expectedVersion, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "end partnerships") is { } denied) return denied;
        if (!PartnerExits.Stages.Contains(to)) return Error.Validation("to", $"{to.Key()} does not end a partnership; use churned or terminated.");
        var errors = new FieldErrors();
        var why = Text.Line(errors, "reason", reason, 2000, required: true);
        if (errors.Any) return errors.ToError();

        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return PartnerErrors.NotFound(id);
        if (partner.IsArchived) return PartnerErrors.Archived(id);
        if (expectedVersion != partner.Version) return PartnerErrors.StaleVersion(id, expectedVersion, partner.Version);
        var moved = partner.MoveTo(to, why, db.Clock.GetUtcNow());
        if (!moved.IsSuccess) return moved.Error;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PartnerErrors.StaleVersion(id, expectedVersion, expectedVersion + 1);
        }

        return PartnerView.From(partner);
    }
}
