namespace PartnerHub.Core.Evaluation;

/// <summary>
/// Reusable buffers for one thread's evaluations, so the per-partner loop allocates nothing once warmed up.
/// One instance per thread; never shared.
/// </summary>
internal sealed class Scratch
{
    /// <summary>Up to this many dates are queried for revenue and ratings per partner (review window, as-of, periods).</summary>
    public const int MaxQueries = 48;

    public Period[] Windows { get; } = new Period[MaxQueries];
    public long[] Sums { get; } = new long[MaxQueries];
    public int[] RatingDays { get; private set; } = new int[MaxQueries * 8];
    public int[] RatingScores { get; private set; } = new int[MaxQueries * 8];
    public int[] Ints { get; private set; } = new int[256];
    public int[] PriorCustomers { get; private set; } = new int[256];
    public int[] CurrentCustomers { get; private set; } = new int[256];
    public int[] ReviewQualifying { get; } = new int[MaxQueries];
    public DateOnly[] ReviewDates { get; } = new DateOnly[MaxQueries];

    public void EnsureRatings(int size)
    {
        if (RatingDays.Length >= size) return;
        RatingDays = new int[size];
        RatingScores = new int[size];
    }

    public int[] Set { get; private set; } = new int[256];

    public int[] Found { get; private set; } = new int[256];

    public int[] EnsureSet(int size) => Set.Length >= size ? Set : Set = new int[Math.Max(size, Set.Length * 2)];

    public int[] EnsureFound(int size) => Found.Length >= size ? Found : Found = new int[Math.Max(size, Found.Length * 2)];

    public int[] EnsureInts(int size) => Ints.Length >= size ? Ints : Ints = new int[Math.Max(size, Ints.Length * 2)];

    public int[] EnsurePriorCustomers(int size) =>
        PriorCustomers.Length >= size ? PriorCustomers : PriorCustomers = new int[Math.Max(size, PriorCustomers.Length * 2)];

    public int[] EnsureCurrentCustomers(int size) =>
        CurrentCustomers.Length >= size ? CurrentCustomers : CurrentCustomers = new int[Math.Max(size, CurrentCustomers.Length * 2)];
}
