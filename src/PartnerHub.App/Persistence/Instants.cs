namespace PartnerHub.App.Persistence;

/// <summary>Instants as the databases keep them.</summary>
internal static class Instants
{
    /// <summary>
    /// <paramref name="at"/> cut to whole microseconds, PostgreSQL's precision (SQLite keeps ticks). Used where an
    /// instant is compared after a round trip, such as a submission time that decides first-valid-registration-wins:
    /// in memory and in either database it is then the same instant.
    /// </summary>
    public static DateTimeOffset Stored(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
}
