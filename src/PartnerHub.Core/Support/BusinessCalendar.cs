using System.Text.Json.Serialization;

namespace PartnerHub.Core.Support;

/// <summary>
/// When the support desk works: a time zone, the working weekdays, the opening and closing minute of the day (local time,
/// closing 1440 meaning midnight at the end of the day) and holidays. SLA clocks only run inside these windows.
/// </summary>
public sealed record BusinessCalendar
{
    public const int MinutesPerDay = 24 * 60;

    private readonly HashSet<DayOfWeek> _days;
    private readonly HashSet<DateOnly> _holidays;

    public BusinessCalendar(TimeZoneInfo zone, IReadOnlySet<DayOfWeek> days, int opensAtMinute, int closesAtMinute, IReadOnlySet<DateOnly> holidays)
    {
        if (opensAtMinute < 0 || closesAtMinute > MinutesPerDay || opensAtMinute >= closesAtMinute)
            throw new ArgumentOutOfRangeException(nameof(opensAtMinute), "Opening must come before closing, within one day.");
        if (days.Count == 0) throw new ArgumentException("At least one working day.", nameof(days));
        (Zone, OpensAtMinute, ClosesAtMinute) = (zone, opensAtMinute, closesAtMinute);
        (_days, _holidays) = ([.. days], [.. holidays]);
    }

    /// <summary>The calendar as the API shows it (a time zone id, sorted days and holidays), read back the same way.</summary>
    [JsonConstructor]
    public BusinessCalendar(string timeZone, IReadOnlyList<DayOfWeek> days, int opensAtMinute, int closesAtMinute, IReadOnlyList<DateOnly> holidays)
        : this(TimeZoneInfo.FindSystemTimeZoneById(timeZone), days.ToHashSet(), opensAtMinute, closesAtMinute, holidays.ToHashSet())
    {
    }

    [JsonIgnore]
    public TimeZoneInfo Zone { get; }

    public string TimeZone => Zone.Id;

    public IReadOnlyList<DayOfWeek> Days => [.. _days.Order()];

    public int OpensAtMinute { get; }

    public int ClosesAtMinute { get; }

    public IReadOnlyList<DateOnly> Holidays => [.. _holidays.Order()];

    /// <summary>A desk that never closes (UTC, every day, all day): what a program without business hours gets.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>().ToHashSet(), 0, MinutesPerDay, new HashSet<DateOnly>());

    public bool IsWorkingDay(DateOnly date) => _days.Contains(date.DayOfWeek) && !_holidays.Contains(date);

    /// <summary>"Mon–Fri 09:00–17:00 America/New_York, 3 holidays".</summary>
    public string Describe()
    {
        var days = string.Join(", ", Enum.GetValues<DayOfWeek>().Where(_days.Contains).Select(d => d.ToString()[..3]));
        var holidays = _holidays.Count == 0 ? "" : $", {_holidays.Count} holiday{(_holidays.Count == 1 ? "" : "s")}";
        return $"{days} {Clock(OpensAtMinute)}–{Clock(ClosesAtMinute)} {Zone.Id}{holidays}";
    }

    public static string Clock(int minute) => $"{minute / 60:00}:{minute % 60:00}";
}
