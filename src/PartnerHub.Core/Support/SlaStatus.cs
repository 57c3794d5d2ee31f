namespace PartnerHub.Core.Support;

public enum SlaState
{
    /// <summary>The clock is running and the due instant is still ahead.</summary>
    Running,

    /// <summary>Done on or before the due instant.</summary>
    Met,

    /// <summary>Done after the due instant, or still open past it.</summary>
    Breached,

    /// <summary>The program sets no target.</summary>
    None,
}

/// <summary>One SLA clock of a ticket as of an instant: business time used of the target, time left, met or breached.</summary>
public sealed record SlaClockReading(SlaState State, TimeSpan Elapsed, TimeSpan? Target, TimeSpan? Remaining, DateTimeOffset? DueAt)
{
    /// <summary>
    /// Reads a clock that started at <paramref name="start"/> and stops at <paramref name="stoppedAt"/> (null: still running)
    /// against its due instant, as of <paramref name="now"/>.
    /// </summary>
    public static SlaClockReading Read(BusinessCalendar calendar, DateTimeOffset start, DateTimeOffset? stoppedAt, DateTimeOffset? dueAt,
        decimal? targetHours, DateTimeOffset now)
    {
        var end = stoppedAt ?? now;
        var elapsed = SlaClock.Elapsed(calendar, start, end);
        if (dueAt is not { } due || targetHours is not { } hours) return new(SlaState.None, elapsed, null, null, null);
        var state = stoppedAt is not null ? (stoppedAt <= due ? SlaState.Met : SlaState.Breached) : now > due ? SlaState.Breached : SlaState.Running;
        var remaining = state == SlaState.Running ? SlaClock.Elapsed(calendar, now, due) : (TimeSpan?)null;
        return new(state, elapsed, SlaClock.Hours(hours), remaining, due);
    }

    /// <summary>"1.5 of 4 business hours, 2.5 h left" — how the queue shows the clock.</summary>
    public string Describe() => State switch
    {
        SlaState.None => $"{Show(Elapsed)} business hours, no target",
        SlaState.Running => $"{Show(Elapsed)} of {Show(Target!.Value)} business hours, {Show(Remaining!.Value)} h left",
        SlaState.Met => $"met: {Show(Elapsed)} of {Show(Target!.Value)} business hours",
        _ => $"breached: {Show(Elapsed)} of {Show(Target!.Value)} business hours",
    };

    public static string Show(TimeSpan span) => Math.Round((decimal)span.TotalHours, 2).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
