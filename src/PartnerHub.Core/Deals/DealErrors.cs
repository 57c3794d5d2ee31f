using System.Globalization;
using PartnerHub.Core.Common;

namespace PartnerHub.Core.Deals;

public static class DealErrors
{
    public static Error NotFound(DealId id) => Error.NotFound("Deal registration", id);

    public static Error NotSubmitted(DealId id, DealStatus status) =>
        Error.Conflict("deal_not_submitted", $"Deal registration {id} is {status.Key()}; only a submitted registration can be decided.");

    public static Error NotApproved(DealId id, DealStatus status) =>
        Error.Conflict("deal_not_approved", $"Deal registration {id} is {status.Key()}; only an approved registration can do this.");

    public static Error Expired(DealId id, DateTimeOffset protectedUntil) =>
        Error.Conflict("deal_expired", $"Deal registration {id} lost its protection at {Utc(protectedUntil)}.");

    public static Error StillProtected(DealId id, DateTimeOffset protectedUntil) =>
        Error.Conflict("deal_still_protected", $"Deal registration {id} is protected until {Utc(protectedUntil)} and cannot expire before then.");

    public static Error ExtensionPending(DealId id) =>
        Error.Conflict("deal_extension_pending", $"Deal registration {id} has an extension request awaiting a decision.");

    public static Error NoPendingExtension(DealId id) =>
        Error.Conflict("deal_no_pending_extension", $"Deal registration {id} has no extension request awaiting a decision.");

    public static Error ExtensionLimitReached(DealId id, int max) =>
        Error.Conflict("deal_extension_limit", $"Deal registration {id} already had the program's maximum of {max} extension(s).");

    public static Error BeforeLastChange(DealId id, DateTimeOffset now, DateTimeOffset last) =>
        Error.Unprocessable("deal_time_before_last_change", $"Deal registration {id} last changed at {Utc(last)}; a change at {Utc(now)} would rewrite its history.");

    /// <summary>
    /// The customer is already held by another partner's active registration or is an existing customer. The message
    /// comes from <see cref="ConflictResult.ForPartner"/>: it says THAT, never who.
    /// </summary>
    public static Error CustomerAlreadyProtected(PartnerConflictView view, string field) =>
        new("deal_conflict", string.Join(" ", view.Reasons), ErrorKind.Conflict, new Dictionary<string, string[]> { [field] = [.. view.Reasons] });

    /// <summary>For managers: approving would protect a customer that an earlier valid registration or an existing customer already holds.</summary>
    public static Error LosesToEarlierClaim(DealId id, string explanation) =>
        Error.Conflict("deal_conflict", $"Deal registration {id} cannot be approved: {explanation}");

    public static Error Required(string field) => Error.Validation(field, "This field is required.");

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
