using CsCheck;
using PartnerHub.Core.Support;

namespace PartnerHub.Core.Tests.Support;

/// <summary>Properties of the business-time SLA clock for any calendar and instants (CsCheck generates and shrinks counterexamples).</summary>
public sealed class SlaClockPropertyTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Zones with and without daylight saving, on both sides of UTC, and one with a half-hour offset.</summary>
    private static readonly string[] Zones = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney"];

    private static readonly Gen<(int Open, int Close)> Hours = Gen.Int[0, 95].SelectMany(open => Gen.Int[open + 1, 96].Select(close => (open, close)));

    private static readonly Gen<BusinessCalendar> Calendar =
        Gen.Select(Gen.Int[0, Zones.Length - 1], Gen.Int[1, 127], Hours, Gen.Int[0, 400].Array[0, 6])
            .Select((zone, dayMask, hours, holidays) =>
            {
                var days = Enum.GetValues<DayOfWeek>().Where(d => (dayMask & (1 << (int)d)) != 0).ToHashSet();
                return new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById(Zones[zone]), days, hours.Open * 15, hours.Close * 15,
                    holidays.Select(h => DateOnly.FromDateTime(Epoch.UtcDateTime).AddDays(h)).ToHashSet());
            });

    /// <summary>Instants over two years (across daylight-saving changes), to the minute or to the tick.</summary>
    private static readonly Gen<DateTimeOffset> Instant =
        Gen.Long[0, 2L * 365 * 24 * 60].Select(Gen.Long[0, TimeSpan.TicksPerMinute - 1], (minutes, ticks) => Epoch.AddMinutes(minutes).AddTicks(ticks));

    private static readonly Gen<TimeSpan> Target = Gen.Long[0, 400 * 60].Select(m => TimeSpan.FromMinutes(m));

    [Fact]
    public void Elapsed_is_additive_over_any_split() =>
        Gen.Select(Calendar, Instant, Instant, Instant).Sample((calendar, x, y, z) =>
        {
            var sorted = new[] { x, y, z }.Order().ToArray();
            var (a, b, c) = (sorted[0], sorted[1], sorted[2]);
            Assert.Equal(SlaClock.Elapsed(calendar, a, c), SlaClock.Elapsed(calendar, a, b) + SlaClock.Elapsed(calendar, b, c));
        }, iter: 400);

    [Fact]
    public void Elapsed_is_never_negative_and_zero_when_the_end_is_not_after_the_start() =>
        Gen.Select(Calendar, Instant, Instant).Sample((calendar, a, b) =>
        {
            Assert.True(SlaClock.Elapsed(calendar, a, b) >= TimeSpan.Zero);
            if (b <= a) Assert.Equal(TimeSpan.Zero, SlaClock.Elapsed(calendar, a, b));
            Assert.True(SlaClock.Elapsed(calendar, a, b) <= (b > a ? b - a : TimeSpan.Zero));
        }, iter: 400);

    [Fact]
    public void Elapsed_is_monotonic_in_the_end_instant() =>
        Gen.Select(Calendar, Instant, Instant, Gen.Long[0, 72 * 60]).Sample((calendar, start, end, more) =>
            Assert.True(SlaClock.Elapsed(calendar, start, end.AddMinutes(more)) >= SlaClock.Elapsed(calendar, start, end)), iter: 400);

    [Fact]
    public void No_time_elapses_outside_business_hours() =>
        Gen.Select(Calendar, Gen.Int[0, 700]).Sample((calendar, dayOffset) =>
        {
            // From the day's closing to the next day's opening, local time, nothing counts; a whole day off counts nothing either.
            var day = DateOnly.FromDateTime(Epoch.UtcDateTime).AddDays(dayOffset);
            var close = Local(calendar, day, calendar.ClosesAtMinute);
            var nextOpen = Local(calendar, day.AddDays(1), calendar.OpensAtMinute);
            if (nextOpen > close) Assert.Equal(TimeSpan.Zero, SlaClock.Elapsed(calendar, close, nextOpen));
            if (!calendar.IsWorkingDay(day))
                Assert.Equal(TimeSpan.Zero, SlaClock.Elapsed(calendar, Local(calendar, day, 0), Local(calendar, day, BusinessCalendar.MinutesPerDay)));
        }, iter: 400);

    [Fact]
    public void The_due_instant_is_the_first_at_which_the_target_has_elapsed() =>
        Gen.Select(Calendar, Instant, Target).Sample((calendar, start, target) =>
        {
            var due = SlaClock.Due(calendar, start, target);
            Assert.True(due >= start);
            Assert.Equal(target, SlaClock.Elapsed(calendar, start, due));
            if (target > TimeSpan.Zero) Assert.True(SlaClock.Elapsed(calendar, start, due.AddTicks(-1)) < target);
        }, iter: 400);

    [Fact]
    public void A_longer_target_is_never_due_earlier() =>
        Gen.Select(Calendar, Instant, Target, Target).Sample((calendar, start, a, b) =>
        {
            var (shorter, longer) = a <= b ? (a, b) : (b, a);
            Assert.True(SlaClock.Due(calendar, start, shorter) <= SlaClock.Due(calendar, start, longer));
        }, iter: 300);

    [Fact]
    public void Four_business_hours_from_friday_afternoon_are_due_on_monday()
    {
        var calendar = new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
            new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }, 9 * 60, 17 * 60,
            new HashSet<DateOnly>());
        // Friday 2026-03-06 15:00 EST (20:00 UTC): two hours left on Friday, two more from Monday 09:00 EDT (13:00 UTC; DST began Sunday).
        var due = SlaClock.Due(calendar, new DateTimeOffset(2026, 3, 6, 20, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(4));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void Holidays_stop_the_clock()
    {
        var calendar = new BusinessCalendar(TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>().ToHashSet(), 9 * 60, 17 * 60,
            new HashSet<DateOnly> { new(2026, 12, 25) });
        var elapsed = SlaClock.Elapsed(calendar, new DateTimeOffset(2026, 12, 24, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 26, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromHours(2), elapsed);
    }

    private static DateTimeOffset Local(BusinessCalendar calendar, DateOnly day, int minute)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).AddMinutes(minute);
        while (calendar.Zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, calendar.Zone), TimeSpan.Zero);
    }
}
