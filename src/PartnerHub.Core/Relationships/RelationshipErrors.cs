using PartnerHub.Core.Common;

namespace PartnerHub.Core.Relationships;

public static class RelationshipErrors
{
    public static Error GoalNotFound(GoalId id) => Error.NotFound("Goal", id);

    /// <summary>Code "stale_version", like a stale partner, so the API answers 412 for both.</summary>
    public static Error StaleGoal(GoalId id, int sent, int current) =>
        Error.Conflict("stale_version", $"Goal {id} was changed by someone else (you sent version {sent}, it is now at version {current}). Reload it and apply your change again.");
}
