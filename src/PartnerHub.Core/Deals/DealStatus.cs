namespace PartnerHub.Core.Deals;

/// <summary>
/// Where a deal registration is: submitted → approved | rejected; approved → won | lost | expired. Rejected, won, lost
/// and expired are final.
/// </summary>
public enum DealStatus
{
    Submitted,
    Approved,
    Rejected,
    Won,
    Lost,
    Expired,
}

public static class DealStatuses
{
    public static string Key(this DealStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Submitted and approved registrations hold the customer; only they take part in conflict checks.</summary>
    public static bool IsActive(this DealStatus status) => status is DealStatus.Submitted or DealStatus.Approved;
}
