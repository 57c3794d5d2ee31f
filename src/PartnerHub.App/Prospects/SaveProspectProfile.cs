using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Prospects;

/// <summary>Sets a prospect's source and fit notes at the version the client read; audited like every profile change.</summary>
public sealed class SaveProspectProfile(PartnerHubDb db)
{
    public async Task<Result<ProspectProfileView>> HandleAsync(PartnerId id, string? source, string? fitNotes, int version, CancellationToken ct)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == id, ct)) return PartnerErrors.NotFound(id);
        var profile = await db.Set<ProspectProfile>().FirstOrDefaultAsync(p => p.PartnerId == id, ct);
        var isNew = profile is null;
        profile ??= ProspectProfile.Empty(id);
        var updated = profile.Update(source, fitNotes, version, db.Actor.Name, db.Clock.GetUtcNow());
        if (!updated.IsSuccess) return updated.Error;
        if (isNew && profile.Version > 1) db.Add(profile);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another save created or changed the profile between our read and our write.
            return Error.Conflict("stale_version", "The prospect profile was changed by someone else. Reload it and apply your change again.");
        }

        return ProspectProfileView.From(profile);
    }
}
