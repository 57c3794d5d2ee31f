using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Programs;

/// <summary>Where a resolved rate came from, most specific first (the order of precedence).</summary>
public enum RateSource
{
    PartnerAgreement,
    SubcategoryAndTier,
    Subcategory,
    CategoryAndTier,
    Category,
    Tier,
    ModelDefault,
}

/// <summary>
/// A resolved percentage for one partner and revenue model, with its source and a one-line explanation.
/// <see cref="Percent"/> already includes certification uplift and volume-band points when they apply.
/// </summary>
public sealed record RateDecision(
    string RevenueModel,
    decimal Percent,
    RateSource Source,
    decimal BasePercent,
    decimal UpliftPoints,
    decimal VolumePoints,
    long? FlatAmountMinor,
    int? Months,
    string Explanation);

/// <summary>
/// Resolves a revenue model's rate. Order of precedence: partner agreement override › subcategory + tier › subcategory ›
/// category + tier › category › tier › model default. Then, unless the rate is the agreement's (agreed rates are all-in),
/// certification uplift points (commissions) or volume-band points (discounts) are added; the total is capped at 100%.
/// </summary>
public static class RateResolver
{
    public static Result<RateDecision> Resolve(
        PartnerProgram program,
        string modelKey,
        string tierKey,
        string category,
        string subcategory,
        IReadOnlyList<RateOverride> overrides,
        string? certificationLevel = null,
        long? volumeMinor = null)
    {
        if (program.FindRevenueModel(modelKey) is not { } model)
            return Error.Validation("revenueModel", $"Unknown revenue model '{modelKey}'. The program defines: {string.Join(", ", program.RevenueModels.Select(m => m.Key))}.");
        if (!model.HasRates)
            return Error.Unprocessable("no_rate", $"'{modelKey}' is {(model.Kind == RevenueModelKind.Fee ? "a fee the partner owes" : "an arrangement")}; it has no computed rate.");
        if (program.FindTier(tierKey) is not { } tier) return Error.Validation("tier", $"Unknown tier '{tierKey}'.");
        if (!program.Catalog.IsSubcategoryOf(category, subcategory))
            return Error.Validation("subcategory", $"'{subcategory}' is not a subcategory of '{category}'.");

        var (percent, source, where) = ProgramRate(model, tier, category, subcategory);
        for (var i = 0; i < overrides.Count; i++)
        {
            if (overrides[i].RevenueModel != modelKey) continue;
            var agreed = overrides[i].Percent;
            return new RateDecision(modelKey, agreed, RateSource.PartnerAgreement, agreed, 0, 0, model.FlatAmountMinor, model.Months,
                $"{model.Name} {Display.Percent(agreed)}: agreed in the partner's agreement (the program's rate would be {Display.Percent(percent)}, {where}).");
        }

        decimal uplift = 0, volume = 0;
        var extras = "";
        if (model.Kind == RevenueModelKind.Commission && certificationLevel is not null
            && model.CertificationUplift.TryGetValue(certificationLevel, out var points) && points != 0)
        {
            uplift = points;
            extras += $", plus {Display.Number(points)} points for {program.FindLevel(certificationLevel)?.Name ?? certificationLevel} certification";
        }

        if (model.Kind == RevenueModelKind.Discount && model.VolumeBands.Count > 0)
        {
            if (volumeMinor is { } v && model.VolumeBands.FirstOrDefault(b => b.Contains(v)) is { } band)
            {
                volume = band.Percent;
                extras += $", plus {Display.Number(band.Percent)} volume points for trailing-12-month volume {Display.Money(v, program.Currency)}";
            }
            else if (volumeMinor is null) extras += " (no volume given, so no volume points)";
        }

        var total = Math.Min(100m, percent + uplift + volume);
        var capped = percent + uplift + volume > 100 ? ", capped at 100%" : "";
        return new RateDecision(modelKey, total, source, percent, uplift, volume, model.FlatAmountMinor, model.Months,
            $"{model.Name} {Display.Percent(total)}: {Display.Percent(percent)} {where}{extras}{capped}.");
    }

    private static (decimal Percent, RateSource Source, string Where) ProgramRate(RevenueModel model, Tier tier, string category, string subcategory)
    {
        if (model.BySubcategory.TryGetValue(subcategory, out var sub))
        {
            if (sub.ByTier.TryGetValue(tier.Key, out var p)) return (p, RateSource.SubcategoryAndTier, $"for {category}/{subcategory} at {Display.TierName(tier)} (subcategory and tier rate)");
            if (sub.Percent is { } q) return (q, RateSource.Subcategory, $"for {category}/{subcategory} (subcategory rate)");
        }

        if (model.ByCategory.TryGetValue(category, out var cat))
        {
            if (cat.ByTier.TryGetValue(tier.Key, out var p)) return (p, RateSource.CategoryAndTier, $"for {category} at {Display.TierName(tier)} (category and tier rate)");
            if (cat.Percent is { } q) return (q, RateSource.Category, $"for {category} (category rate)");
        }

        if (model.Rates.ByTier.TryGetValue(tier.Key, out var t)) return (t, RateSource.Tier, $"for {Display.TierName(tier)} (tier rate)");
        return (model.Rates.Percent ?? 0, RateSource.ModelDefault, "(the model's default rate)");
    }
}
