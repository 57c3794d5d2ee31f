using System.Globalization;
using PartnerHub.Core.Common;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Marketing;

/// <summary>Where a co-marketing activity is: requested, decided, executed and claimed, and paid.</summary>
public enum MdfStatus
{
    Requested,
    Approved,
    Rejected,
    Claimed,
    ClaimRejected,
    Paid,
}

/// <summary>One MDF period (a calendar quarter or year) with the label people read: "2026-Q3", "2026".</summary>
public readonly record struct MdfPeriod(DateOnly FirstDay, DateOnly LastDay, string Label)
{
    public static MdfPeriod Of(MdfPeriodKind kind, DateOnly day)
    {
        if (kind == MdfPeriodKind.Year) return new(new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31), day.Year.ToString(CultureInfo.InvariantCulture));
        var quarter = (day.Month - 1) / 3;
        var first = new DateOnly(day.Year, quarter * 3 + 1, 1);
        return new(first, first.AddMonths(3).AddDays(-1), string.Create(CultureInfo.InvariantCulture, $"{day.Year}-Q{quarter + 1}"));
    }

    public bool Contains(DateOnly day) => day >= FirstDay && day <= LastDay;
}

/// <summary>A partner's budget for one period, fixed when the period's first activity is requested, with its explanation.</summary>
public sealed record MdfBudget(Money Amount, string Explanation);

/// <summary>What the decisions need to know of one activity of the period.</summary>
public readonly record struct MdfActivityState(MdfStatus Status, Money? Approved, Money? Paid);

/// <summary>
/// A period's money: the budget, what approved activities still hold (committed) and what approved claims paid.
/// Paid + committed never exceeds the budget; <see cref="Available"/> is what a new activity may still be approved for.
/// </summary>
public sealed record MdfPosition(Money Budget, Money Committed, Money Paid)
{
    public Money Available => Budget - Committed - Paid;

    /// <summary>What may still be paid at all this period (the budget less approved claims).</summary>
    public Money Unpaid => Budget - Paid;
}

/// <summary>
/// Market development funds as pure rules: the budget of a tier for a period, the position of a period from its
/// activities, and the checks that keep the sum of approved claims within the budget whatever the order of requests,
/// approvals and claims. Approving an activity commits its amount; approving its claim pays at most that amount and
/// releases the commitment.
/// </summary>
public static class MdfRules
{
    /// <summary>The tier's fixed amount plus its percentage of trailing-12-month revenue (rounded once, half away from zero).</summary>
    public static MdfBudget Budget(MdfPolicy policy, string tier, string tierName, Money trailingRevenue, MdfPeriod period)
    {
        var zero = Money.Zero(trailingRevenue.Currency);
        if (policy.For(tier) is not { } line) return new MdfBudget(zero, $"{tierName} has no market development funds in the program; budget for {period.Label} is {M(zero)}.");
        var share = trailingRevenue.Minor > 0 ? trailingRevenue.ApplyRate(line.PercentOfTrailingRevenue) : zero;
        var total = new Money(line.FixedMinor, trailingRevenue.Currency) + share;
        var parts = new List<string>();
        if (line.FixedMinor > 0 || line.PercentOfTrailingRevenue == 0) parts.Add($"{M(new Money(line.FixedMinor, trailingRevenue.Currency))} fixed");
        if (line.PercentOfTrailingRevenue > 0)
            parts.Add($"{line.PercentOfTrailingRevenue.ToString(CultureInfo.InvariantCulture)}% of trailing-12-month revenue {M(trailingRevenue)} = {M(share)}");
        return new MdfBudget(total, $"{period.Label} budget {M(total)}: {tierName} on {period.FirstDay:yyyy-MM-dd}, {string.Join(" + ", parts)}.");
    }

    private static string M(Money money) => Display.Money(money.Minor, money.Currency);

    /// <summary>Committed: approved amounts of activities approved and not yet paid. Paid: approved claims.</summary>
    public static MdfPosition Position(Money budget, IEnumerable<MdfActivityState> activities)
    {
        var committed = Money.Zero(budget.Currency);
        var paid = Money.Zero(budget.Currency);
        foreach (var a in activities)
        {
            if (a.Status is MdfStatus.Approved or MdfStatus.Claimed or MdfStatus.ClaimRejected && a.Approved is { } held) committed += held;
            if (a.Status == MdfStatus.Paid && a.Paid is { } p) paid += p;
        }

        return new MdfPosition(budget, committed, paid);
    }

    /// <summary>A request or an approval: a positive amount the period can still fund.</summary>
    public static Result CheckAsk(MdfPosition position, Money asked, string field, string period)
    {
        if (asked.Minor <= 0) return Error.Validation(field, "Must be more than zero.");
        if (position.Budget.Minor <= 0) return Error.Validation(field, $"There are no market development funds for {period}.");
        return asked > position.Available ? MarketingErrors.AboveBudget(field, asked, position.Available, period) : Result.Success;
    }

    /// <summary>A claim: positive, at most the activity's approved amount and at most what the period may still pay.</summary>
    public static Result CheckClaim(MdfPosition position, Money approved, Money claim, string period)
    {
        if (claim.Minor <= 0) return Error.Validation("amount", "Must be more than zero.");
        if (claim > approved) return MarketingErrors.AboveApproved(claim, approved);
        return claim > position.Unpaid ? MarketingErrors.AboveBudget("amount", claim, position.Unpaid, period) : Result.Success;
    }
}
