namespace PartnerHub.Core.Support;

/// <summary>
/// When the support desk works: a time zone, the working weekdays, the opening and closing minute of the day (local time,
/// closing 1440 meaning midnight at the end of the day) and holidays. SLA clocks only run inside these windows.
/// </summary>
public sealed record BusinessCalendar
{
    public const int MinutesPerDay = 24 * 60;

    public BusinessCalendar(TimeZoneInfo zone, IReadOnlySet<DayOfWeek> days, int opensAtMinute, int closesAtMinute, IReadOnlySet<DateOnly> holidays)
    {
        if (opensAtMinute < 0 || closesAtMinute > MinutesPerDay || opensAtMinute >= closesAtMinute)
            throw new ArgumentOutOfRangeException(nameof(opensAtMinute), "Opening must come before closing, within one day.");
        if (days.Count == 0) throw new ArgumentException("At least one working day.", nameof(days));
        (Zone, Days, OpensAtMinute, ClosesAtMinute, Holidays) = (zone, days, opensAtMinute, closesAtMinute, holidays);
    }

    public TimeZoneInfo Zone { get; }
    public IReadOnlySet<DayOfWeek> Days { get; }
    public int OpensAtMinute { get; }
    public int ClosesAtMinute { get; }
    public IReadOnlySet<DateOnly> Holidays { get; }

    /// <summary>A desk that never closes (UTC, every day, all day): what a program without business hours gets.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>().ToHashSet(), 0, MinutesPerDay, new HashSet<DateOnly>());

    public bool IsWorkingDay(DateOnly date) => Days.Contains(date.DayOfWeek) && !Holidays.Contains(date);

    /// <summary>"Mon–Fri 09:00–17:00 America/New_York, 3 holidays".</summary>
    public string Describe()
    {
        var days = string.Join(", ", Enum.GetValues<DayOfWeek>().Where(Days.Contains).Select(d => d.ToString()[..3]));
        var holidays = Holidays.Count == 0 ? "" : $", {Holidays.Count} holiday{(Holidays.Count == 1 ? "" : "s")}";
        return $"{days} {Clock(OpensAtMinute)}–{Clock(ClosesAtMinute)} {Zone.Id}{holidays}";
    }

    public static string Clock(int minute) => $"{minute / 60:00}:{minute % 60:00}";
}
