using PartnerHub.Core.Programs.Yaml;

namespace PartnerHub.Core.Programs;

internal sealed partial class ProgramBinder
{
    private static RelationshipSettings Relationship(MapReader map)
    {
        var defaults = RelationshipSettings.Default;
        var settings = new RelationshipSettings(
            map.Map("healthAlert", required: false) is { } health ? HealthAlert(health, defaults) : defaults.HealthAlertBelow,
            map.Int("missedReviewsInARow", 1, 12, required: false) ?? defaults.MissedReviewsInARow,
            map.Int("expansionMaxMissing", 1, 20, required: false) ?? defaults.ExpansionMaxMissing);
        map.Done();
        return settings;
    }

    private static decimal HealthAlert(MapReader map, RelationshipSettings defaults)
    {
        var below = map.Decimal("below", 0, 100, 2, "a health score (0 to 100)") ?? defaults.HealthAlertBelow;
        map.Done();
        return below;
    }
}
