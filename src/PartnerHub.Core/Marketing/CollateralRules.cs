using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Marketing;

/// <summary>
/// Who sees a collateral item: a partner whose held tier is at or above the item's minimum tier (tiers run from highest
/// to lowest in the program) and, when the item is meant for one category, a partner of that category.
/// </summary>
public static class CollateralRules
{
    public static bool CanSee(PartnerProgram program, string? minTier, string? category, string partnerTier, string partnerCategory)
    {
        if (category is not null && category != partnerCategory) return false;
        if (minTier is null) return true;
        var needed = program.TierRank(minTier);
        var held = program.TierRank(partnerTier);
        // An unknown tier on either side (a tier dropped by a later program version) never opens anything up.
        return needed >= 0 && held >= 0 && held <= needed;
    }
}
