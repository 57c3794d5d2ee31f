using PartnerHub.App.Common;
using PartnerHub.App.Onboarding;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Marketing;

namespace PartnerHub.App.Marketing;

/// <summary>
/// Adds an item to the collateral library with its first file: kind from the program's materials, optional category and
/// minimum tier from the program, tags, and a file within the program's collateral limits. Every field error at once;
/// the item and its file are saved together or not at all.
/// </summary>
public sealed class AddCollateral(PartnerHubDb db, ProgramStore programs)
{
    public const int MaxTag = 40;

    public async Task<Result<CollateralView>> HandleAsync(NewCollateral input, UploadedFile? file, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "manage the collateral library") is { } denied) return denied;
        var program = (await programs.CurrentAsync(ct)).Program;
        var errors = new FieldErrors();
        var title = Text.Line(errors, "title", input.Title, CollateralItem.MaxTitle, required: true);
        var kind = Text.Line(errors, "kind", input.Kind, 100, required: true);
        if (kind is not null && program.Marketing.Materials.All(m => m.Name != kind))
            errors.Add("kind", $"'{kind}' is not a kind of material in the program; use one of {string.Join(", ", program.Marketing.Materials.Select(m => m.Name))}.");
        var category = Text.Line(errors, "category", input.Category, 100);
        if (category is not null && program.FindCategory(category) is null)
            errors.Add("category", $"'{category}' is not a category of the program; use one of {string.Join(", ", program.Categories.Select(c => c.Key))}, or leave it empty for all.");
        var minTier = Text.Line(errors, "minTier", input.MinTier, 100);
        if (minTier is not null && program.FindTier(minTier) is null)
            errors.Add("minTier", $"'{minTier}' is not a tier of the program; use one of {string.Join(", ", program.Tiers.Select(t => t.Key))}, or leave it empty for all.");
        var tags = Tags(errors, input.Tags);
        var description = Text.Block(errors, "description", input.Description, CollateralItem.MaxDescription);
        var checkedFile = file is null ? MarketingErrors.NoFile("file") : UploadRules.Check("file", file.FileName, file.ContentType, file.Size, program.Marketing.Collateral);
        if (!checkedFile.IsSuccess) errors.Merge("", checkedFile.Error);
        if (errors.Any) return errors.ToError();

        var bytes = await file!.ReadAsync(ct);
        // The declared size was checked; the bytes read are what is stored, so check them too.
        var actual = UploadRules.Check("file", file.FileName, file.ContentType, bytes.LongLength, program.Marketing.Collateral);
        if (!actual.IsSuccess) return actual.Error;

        var now = db.Clock.GetUtcNow();
        var item = CollateralItem.Create(title!, kind!, category, minTier, tags, description, db.Actor.Name, now);
        var version = CollateralVersion.Store(item.Id, item.NextVersion(now), file.FileName!, UploadRules.MediaType(file.ContentType)!, bytes, null, db.Actor.Name, now);
        db.Add(item);
        db.Add(version);
        await db.SaveChangesAsync(ct);
        return CollateralReader.View(item, CollateralReader.Meta(version), 0);
    }

    /// <summary>Comma-separated, trimmed, lower-cased, each at most <see cref="MaxTag"/> characters, duplicates dropped.</summary>
    internal static IReadOnlyList<string> Tags(FieldErrors errors, string? text)
    {
        var tags = new List<string>();
        foreach (var raw in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tag = raw.ToLowerInvariant();
            if (tag.Length > MaxTag || Text.HasControl(tag, allowLineBreaks: false)) errors.Add("tags", $"Tag '{(tag.Length > MaxTag ? tag[..MaxTag] + "…" : tag)}' must be at most {MaxTag} characters without control characters.");
            else if (!tags.Contains(tag)) tags.Add(tag);
        }

        if (tags.Count > 12) errors.Add("tags", "At most 12 tags.");
        return tags;
    }
}
