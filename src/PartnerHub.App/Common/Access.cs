using PartnerHub.App.Identity;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Common;

/// <summary>
/// Checks that a use case is not run by a partner user when only vendor staff may run it (deciding registrations,
/// moving money). Endpoints check roles too; this keeps the rule when a new caller forgets.
/// </summary>
public static class Access
{
    public static Error? VendorOnly(Actor actor, string action) =>
        actor.PartnerScope is null ? null
        : new Error("forbidden", $"Only vendor staff may {action}.", ErrorKind.Forbidden);
}
