namespace PartnerHub.App.Programs;

/// <summary>The published versions' effective dates: which version is in force on a date.</summary>
public sealed class ProgramCalendar(IReadOnlyList<ProgramCalendar.Entry> versions)
{
    public sealed record Entry(DateOnly EffectiveFrom, int Number);

    /// <summary>The latest version effective on or before <paramref name="date"/> (the higher number on the same day); before the first, the first.</summary>
    public int NumberOn(DateOnly date)
    {
        if (versions.Count == 0) throw new InvalidOperationException("No program version is published; start-up publishes the seed program.");
        var inForce = versions.Where(v => v.EffectiveFrom <= date).OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Number).FirstOrDefault();
        return (inForce ?? versions.OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Number).First()).Number;
    }
}
