using System.Globalization;
using PartnerHub.Core.Programs.Yaml;
using PartnerHub.Core.Support;

namespace PartnerHub.Core.Programs;

internal sealed partial class ProgramBinder
{
    private static readonly Dictionary<string, DayOfWeek> WeekDays = new(StringComparer.Ordinal)
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };

    /// <summary>support.businessHours: { timeZone, days, hours: { from, to }, holidays }, the calendar SLA clocks run in.</summary>
    private BusinessCalendar? BusinessHours(MapReader map)
    {
        TimeZoneInfo? zone = null;
        if (map.Required("timeZone") is { } zoneNode && Values.Text(_sink, zoneNode) is { } id)
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found)) zone = found;
            else _sink.Add(zoneNode, $"{zoneNode.Path}: '{id}' is not a known time zone; use an IANA name like America/New_York or UTC.");
        }

        var days = new HashSet<DayOfWeek>();
        foreach (var (day, node) in map.TextList("days"))
        {
            if (!WeekDays.TryGetValue(day, out var d)) _sink.Add(node, $"{node.Path}: '{day}' is not a weekday; use mon, tue, wed, thu, fri, sat, sun.");
            else if (!days.Add(d)) _sink.Add(node, $"{node.Path}: '{day}' is listed twice.");
        }

        if (days.Count == 0 && map.Get("days") is { } none) _sink.Add(none, $"{none.Path}: list at least one working day.");

        int? opens = null, closes = null;
        if (map.Map("hours") is { } hours)
        {
            opens = Minute(hours, "from");
            closes = Minute(hours, "to");
            hours.Done();
            if (opens is { } o && closes is { } c && o >= c && hours.Get("to") is { } toNode)
                _sink.Add(toNode, $"{toNode.Path}: closing ({BusinessCalendar.Clock(c)}) must be after opening ({BusinessCalendar.Clock(o)}) on the same day.");
        }

        var holidays = new HashSet<DateOnly>();
        if (map.Get("holidays") is YSequence list)
        {
            foreach (var item in list.Items)
                if (Values.Date(_sink, item) is { } date && !holidays.Add(date)) _sink.Add(item, $"{item.Path}: {date:yyyy-MM-dd} is listed twice.");
        }
        else if (map.Get("holidays") is { } wrong) _sink.Add(wrong, $"{wrong.Path}: expected a list of dates like [2026-12-25], found {wrong.Describe()}.");

        map.Done();
        if (zone is null || days.Count == 0 || opens is not { } open || closes is not { } close || open >= close) return null;
        return new BusinessCalendar(zone, days, open, close, holidays);
    }

    /// <summary>"09:00" → 540; "24:00" is the end of the day.</summary>
    private int? Minute(MapReader map, string key)
    {
        if (map.Required(key) is not { } node || Values.Text(_sink, node) is not { } text) return null;
        if (text == "24:00") return BusinessCalendar.MinutesPerDay;
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time.Hour * 60 + time.Minute;
        _sink.Add(node, $"{node.Path}: '{text}' is not a time of day like 09:00 (24:00 for midnight at the end of the day).");
        return null;
    }
}
