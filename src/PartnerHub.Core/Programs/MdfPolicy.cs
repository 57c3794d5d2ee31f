namespace PartnerHub.Core.Programs;

/// <summary>How long one market-development-fund budget lasts: a calendar quarter or a calendar year.</summary>
public enum MdfPeriodKind
{
    Quarter,
    Year,
}

/// <summary>
/// A tier's market development funds per period: a fixed amount plus a percentage of the partner's trailing-12-month
/// revenue on the period's first day (either may be zero).
/// </summary>
public sealed record MdfTierBudget(string Tier, long FixedMinor, decimal PercentOfTrailingRevenue);

/// <summary>
/// The program's market development funds: budgets per tier and period, and what a proof-of-performance file may be.
/// A tier without a budget line gets no funds; a program without an <c>mdf</c> section gets <see cref="None"/>.
/// </summary>
public sealed record MdfPolicy(MdfPeriodKind Period, IReadOnlyList<MdfTierBudget> Budgets, UploadLimits Proof)
{
    public static MdfPolicy None { get; } = new(MdfPeriodKind.Quarter, [], UploadLimits.Default);

    public MdfTierBudget? For(string tier) => Budgets.FirstOrDefault(b => b.Tier == tier);
}
