using System.Collections.Concurrent;

namespace PartnerHub.App.Programs;

/// <summary>
/// The program versions' effective dates, kept for a few seconds per database and shared by every request of the
/// process, so that an API request does not read them before it can validate an event's currency or pick the version
/// in force (ADR 23). Publishing on this instance forgets them at once; another instance sees a new version within
/// <see cref="Lifetime"/>. Parsed versions are immutable and kept for good (<see cref="ProgramStore"/>).
/// </summary>
public sealed class KeptProgramCalendar
{
    /// <summary>How long a calendar read from the database is used without reading it again: the bound on staleness across instances.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (ProgramCalendar Calendar, DateTimeOffset ReadAt)> _entries = new();
    private long _generation;

    /// <summary>Taken before reading the database: a calendar read across a publication is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public ProgramCalendar? Find(string database, DateTimeOffset now) =>
        _entries.TryGetValue(database, out var kept) && now - kept.ReadAt < Lifetime && now >= kept.ReadAt ? kept.Calendar : null;

    public void Keep(string database, ProgramCalendar calendar, DateTimeOffset readAt, long generation)
    {
        _entries[database] = (calendar, readAt);
        if (Generation != generation) _entries.TryRemove(database, out _); // published meanwhile: read again next time
    }

    /// <summary>A version was just published on this instance: every kept calendar is read again on its next use.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
