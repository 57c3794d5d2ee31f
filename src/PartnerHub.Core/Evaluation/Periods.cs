namespace PartnerHub.Core.Evaluation;

/// <summary>A span of business days, after <see cref="FromExclusive"/> up to and including <see cref="ToInclusive"/> (day numbers).</summary>
internal readonly record struct Period(int FromExclusive, int ToInclusive)
{
    public bool Contains(int day) => day > FromExclusive && day <= ToInclusive;

    /// <summary>All ones when <paramref name="day"/> is in the period, zero otherwise, without a branch (for sums over unordered facts).</summary>
    public long Mask(int day) => ((long)(uint)(day - FromExclusive - 1) - (uint)Math.Max(0, ToInclusive - FromExclusive)) >> 63;

    /// <summary>1 when <paramref name="day"/> is in the period, 0 otherwise, without a branch.</summary>
    public int Bit(int day) => (uint)(day - FromExclusive - 1) < (uint)Math.Max(0, ToInclusive - FromExclusive) ? 1 : 0;

    public DateOnly First => DateOnly.FromDayNumber(FromExclusive + 1);

    public DateOnly Last => DateOnly.FromDayNumber(ToInclusive);
}

/// <summary>The periods every KPI uses, defined once (docs/kpis.md).</summary>
internal static class Periods
{
    /// <summary>The trailing 12 months: after the same day a year earlier, up to and including <paramref name="asOf"/>.</summary>
    public static Period Trailing12(DateOnly asOf) => new(AddMonths(asOf, -12).DayNumber, asOf.DayNumber);

    /// <summary>The 12 months before <see cref="Trailing12"/>.</summary>
    public static Period Prior12(DateOnly asOf) => new(AddMonths(asOf, -24).DayNumber, AddMonths(asOf, -12).DayNumber);

    /// <summary>The last 12 complete calendar months before <paramref name="asOf"/>'s month, matching monthly company revenue.</summary>
    public static Period CompleteMonths12(DateOnly asOf)
    {
        var monthStart = new DateOnly(asOf.Year, asOf.Month, 1);
        return new(AddMonths(monthStart, -12).DayNumber - 1, monthStart.DayNumber - 1);
    }

    public static Period LastDays(DateOnly asOf, int days) => new(Math.Max(0, asOf.DayNumber - days), asOf.DayNumber);

    /// <summary>Review dates count from the start each time (start + k × cadence), so a start on the 31st does not drift.</summary>
    public static DateOnly Review(DateOnly start, int cadenceMonths, int k) => AddMonths(start, cadenceMonths * k);

    /// <summary>Month arithmetic that saturates at the calendar's ends instead of throwing (month ends clamp: Jan 31 + 1 month = Feb 28).</summary>
    public static DateOnly AddMonths(DateOnly date, int months)
    {
        // One decomposition of the date instead of three (Year, Month, then DateOnly.AddMonths): this runs a few dozen
        // times per partner in the batch.
        date.Deconstruct(out var year, out var month, out var day);
        var target = (year * 12L) + month - 1 + months;
        if (target < 12) return DateOnly.MinValue;
        if (target >= 10_000 * 12) return DateOnly.MaxValue;
        var y = (int)(target / 12);
        var m = (int)(target % 12) + 1;
        return new DateOnly(y, m, Math.Min(day, DateTime.DaysInMonth(y, m)));
    }
}
