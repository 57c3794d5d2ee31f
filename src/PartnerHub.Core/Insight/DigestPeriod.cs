using System.Globalization;

namespace PartnerHub.Core.Insight;

public enum DigestKind
{
    /// <summary>Monday to Sunday (ISO weeks), sent once the week is over.</summary>
    Weekly,

    /// <summary>A calendar month, sent once the month is over.</summary>
    Monthly,
}

/// <summary>The period a digest covers: its key ("2026-W48", "2026-11") and its first and last day.</summary>
public sealed record DigestPeriod(DigestKind Kind, string Key, DateOnly Start, DateOnly End)
{
    /// <summary>The most recent period of the kind that ended before <paramref name="today"/>: the one to send today.</summary>
    public static DigestPeriod LatestEnded(DigestKind kind, DateOnly today)
    {
        if (kind == DigestKind.Monthly)
        {
            var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            return new DigestPeriod(kind, start.ToString("yyyy-MM", CultureInfo.InvariantCulture), start, start.AddMonths(1).AddDays(-1));
        }

        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).AddDays(-7);
        var thursday = monday.AddDays(3).ToDateTime(TimeOnly.MinValue); // the ISO week's year is its Thursday's
        var key = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(thursday)}-W{ISOWeek.GetWeekOfYear(thursday):00}");
        return new DigestPeriod(kind, key, monday, monday.AddDays(6));
    }
}
