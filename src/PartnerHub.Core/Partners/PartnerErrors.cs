using PartnerHub.Core.Common;

namespace PartnerHub.Core.Partners;

public static class PartnerErrors
{
    public static Error NotFound(PartnerId id) => Error.NotFound("Partner", id);

    public static Error Archived(PartnerId id) => Error.Conflict("partner_archived", $"Partner {id} is archived and can no longer be changed.");

    public static Error StaleVersion(PartnerId id, int sent, int current) =>
        Error.Conflict("stale_version", $"Partner {id} was changed by someone else (you sent version {sent}, it is now at version {current}). Reload it and apply your change again.");

    public static Error DomainTaken(string domain, string holder) =>
        new("domain_taken", $"The domain {domain} already belongs to partner '{holder}'.", ErrorKind.Conflict,
            new Dictionary<string, string[]> { ["domain"] = [$"{domain} already belongs to partner '{holder}'."] });

    public static Error StageNotAllowed(LifecycleStage from, LifecycleStage to) =>
        Error.Validation("stage", $"A partner cannot move from {from.Key()} to {to.Key()}. From {from.Key()} it can move to: {AllowedList(from)}.");

    public static Error StageChangedByEdit(LifecycleStage from, LifecycleStage to) =>
        Error.Validation("stage", $"An edit cannot change the stage (from {from.Key()} to {to.Key()}); use the lifecycle actions (qualify, cool, onboard, launch, churn, terminate) on the partner's page, API or CLI.");

    private static string AllowedList(LifecycleStage from) =>
        Lifecycle.AllowedAfter(from) is { Count: > 0 } next ? string.Join(", ", next.Select(s => s.Key())) : "nothing (final stage)";
}
