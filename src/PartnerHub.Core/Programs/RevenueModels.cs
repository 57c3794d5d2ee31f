namespace PartnerHub.Core.Programs;

/// <summary>How a revenue model pays: a share of revenue, a discount, a fee the partner owes, or an arrangement with no computed amount.</summary>
public enum RevenueModelKind
{
    Commission,
    Discount,
    Fee,
    Arrangement,
}

/// <summary>
/// One revenue model. Percentages resolve by <see cref="RateResolver"/>'s order of precedence; commissions last
/// <see cref="Months"/> from the customer's first payment; discounts add the matching volume band's points.
/// </summary>
public sealed record RevenueModel
{
    public required string Key { get; init; }
    public required RevenueModelKind Kind { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public int? Months { get; init; }
    public long? FlatAmountMinor { get; init; }
    public required RateTable Rates { get; init; }
    public required IReadOnlyDictionary<string, RateTable> ByCategory { get; init; }
    public required IReadOnlyDictionary<string, RateTable> BySubcategory { get; init; }
    public required IReadOnlyDictionary<string, decimal> CertificationUplift { get; init; }
    public required IReadOnlyList<VolumeBand> VolumeBands { get; init; }
    public required IReadOnlyDictionary<string, long> FeeAmountsMinor { get; init; }

    public bool HasRates => Kind is RevenueModelKind.Commission or RevenueModelKind.Discount;
}

/// <summary>A percentage with optional per-tier percentages; either may be absent at a given level of precedence.</summary>
public sealed record RateTable(decimal? Percent, IReadOnlyDictionary<string, decimal> ByTier)
{
    public static RateTable Empty { get; } = new(null, new Dictionary<string, decimal>());
}

/// <summary>Extra percentage points for a trailing-12-month volume between <see cref="MinMinor"/> and <see cref="MaxMinor"/> (inclusive; null = open).</summary>
public sealed record VolumeBand(long? MinMinor, long? MaxMinor, decimal Percent)
{
    public bool Contains(long volumeMinor) => (MinMinor is not { } min || volumeMinor >= min) && (MaxMinor is not { } max || volumeMinor <= max);
}
