namespace PartnerHub.Core.Support;

/// <summary>
/// Business-time arithmetic for SLA clocks, as pure functions of instants and a <see cref="BusinessCalendar"/> (no clock is
/// read). Each working day is one window [opening, closing) converted from local time to UTC, so daylight-saving days are
/// as long as the wall clock says; windows never overlap, which makes elapsed time additive over any split.
/// </summary>
public static class SlaClock
{
    /// <summary>Business time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public static TimeSpan Elapsed(BusinessCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        long ticks = 0;
        var last = LocalDate(calendar, to).AddDays(1);
        for (var day = LocalDate(calendar, from).AddDays(-1); day <= last; day = day.AddDays(1))
        {
            if (Window(calendar, day) is not var (opens, closes)) continue;
            var start = opens > from ? opens : from;
            var end = closes < to ? closes : to;
            if (end > start) ticks += (end - start).Ticks;
        }

        return TimeSpan.FromTicks(ticks);
    }

    /// <summary>
    /// The earliest instant at which <paramref name="target"/> of business time has elapsed since <paramref name="start"/>:
    /// <c>Elapsed(start, Due(start, t)) == t</c>, and any earlier instant has elapsed less.
    /// </summary>
    public static DateTimeOffset Due(BusinessCalendar calendar, DateTimeOffset start, TimeSpan target)
    {
        if (target <= TimeSpan.Zero) return start;
        var remaining = target.Ticks;
        var first = LocalDate(calendar, start).AddDays(-1);
        // A calendar has at least one working weekday and finitely many holidays, so the loop ends; only the calendar's end stops it.
        for (var day = first; day < DateOnly.MaxValue; day = day.AddDays(1))
        {
            if (Window(calendar, day) is not var (opens, closes) || closes <= start) continue;
            var from = opens > start ? opens : start;
            var length = (closes - from).Ticks;
            if (length >= remaining) return from.AddTicks(remaining);
            remaining -= length;
        }

        throw new InvalidOperationException("The target lies beyond the end of the calendar.");
    }

    /// <summary>A target in hours (two decimals at most, from the program file) as an exact time span.</summary>
    public static TimeSpan Hours(decimal hours) => TimeSpan.FromTicks((long)(hours * TimeSpan.TicksPerHour));

    private static DateOnly LocalDate(BusinessCalendar calendar, DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, calendar.Zone).DateTime);

    /// <summary>The day's business window in UTC, or null on a day off.</summary>
    private static (DateTimeOffset Opens, DateTimeOffset Closes)? Window(BusinessCalendar calendar, DateOnly day)
    {
        if (!calendar.IsWorkingDay(day)) return null;
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var opens = ToUtc(calendar.Zone, midnight.AddMinutes(calendar.OpensAtMinute));
        var closes = ToUtc(calendar.Zone, midnight.AddMinutes(calendar.ClosesAtMinute));
        return closes > opens ? (opens, closes) : null;
    }

    /// <summary>Local wall time to UTC; a time skipped by a daylight-saving jump moves forward to the first that exists.</summary>
    private static DateTimeOffset ToUtc(TimeZoneInfo zone, DateTime local)
    {
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
