namespace PartnerHub.Core.Partners;

/// <summary>A person at the partner organization.</summary>
public sealed record Contact(string Name, string Email, string? Role = null, string? Phone = null);

/// <summary>A rate agreed with this partner that takes precedence over the program's rate for one revenue model.</summary>
public sealed record RateOverride(string RevenueModel, decimal Percent);

/// <summary>The partnership agreement: how the partner earns, at which agreed rates, from when, renewing when.</summary>
public sealed record Agreement(string? RevenueModel, IReadOnlyList<RateOverride> RateOverrides, DateOnly? StartsOn, DateOnly? RenewsOn)
{
    public static Agreement None { get; } = new(null, [], null, null);
}
