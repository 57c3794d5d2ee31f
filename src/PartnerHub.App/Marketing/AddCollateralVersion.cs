using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Onboarding;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Marketing;

namespace PartnerHub.App.Marketing;

/// <summary>Uploads a new version of a collateral file; it becomes the one partners download. Earlier versions stay stored.</summary>
public sealed class AddCollateralVersion(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<CollateralView>> HandleAsync(Guid id, UploadedFile? file, string? note, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "manage the collateral library") is { } denied) return denied;
        var item = await db.Set<CollateralItem>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return MarketingErrors.CollateralNotFound(id);
        var limits = (await programs.CurrentAsync(ct)).Program.Marketing.Collateral;
        var errors = new FieldErrors();
        var text = Text.Line(errors, "note", note, 1000);
        var checkedFile = file is null ? MarketingErrors.NoFile("file") : UploadRules.Check("file", file.FileName, file.ContentType, file.Size, limits);
        if (!checkedFile.IsSuccess) errors.Merge("", checkedFile.Error);
        if (errors.Any) return errors.ToError();

        var bytes = await file!.ReadAsync(ct);
        var actual = UploadRules.Check("file", file.FileName, file.ContentType, bytes.LongLength, limits);
        if (!actual.IsSuccess) return actual.Error;
        var now = db.Clock.GetUtcNow();
        var version = CollateralVersion.Store(item.Id, item.NextVersion(now), file.FileName!, UploadRules.MediaType(file.ContentType)!, bytes, text, db.Actor.Name, now);
        db.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Error.Conflict("stale_version", "Another version of this item was uploaded at the same time. Reload it and try again.");
        }

        var downloads = await db.Set<CollateralDownload>().CountAsync(d => d.ItemId == id, ct);
        return CollateralReader.View(item, CollateralReader.Meta(version), downloads);
    }
}
