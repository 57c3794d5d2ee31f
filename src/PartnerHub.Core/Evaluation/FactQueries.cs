using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using PartnerHub.Core.Facts;

namespace PartnerHub.Core.Evaluation;

/// <summary>
/// Single passes over a partner's facts answering several date questions at once: revenue in each of N periods, the
/// latest rating per criterion on each of N dates. Results depend only on the facts, never on their order
/// (sums commute; ties between same-day ratings go to the higher score).
/// </summary>
internal static class FactQueries
{
    /// <summary>Fills <c>scratch.Sums[i]</c> with net revenue of the program's basis in <c>scratch.Windows[i]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a batch kernel: optimized from its first call, not after tiering
    public static void RevenueSums(CompiledProgram cp, RevenueEvent[] revenue, Scratch scratch, int windowCount)
    {
        var windows = scratch.Windows;
        var sums = scratch.Sums;
        Array.Clear(sums, 0, windowCount);
        if (windowCount <= 8 && Vector256.IsHardwareAccelerated)
        {
            RevenueSums8(cp, revenue, windows, sums, windowCount);
            return;
        }

        for (var e = 0; e < revenue.Length; e++)
        {
            ref readonly var ev = ref revenue[e];
            var sign = cp.Sign(ev.Kind);
            if (sign == 0) continue;
            var amount = sign * Math.Abs(ev.AmountMinor);
            var day = ev.Date.DayNumber;
            // Branch-free: event dates are in no order, so a branch per window would be mispredicted half the time.
            for (var w = 0; w < windowCount; w++) sums[w] += amount & windows[w].Mask(day);
        }
    }

    /// <summary>Up to eight windows at once: each event is compared with every window in two vector operations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a batch kernel: optimized from its first call, not after tiering
    private static void RevenueSums8(CompiledProgram cp, RevenueEvent[] revenue, Period[] windows, long[] sums, int windowCount)
    {
        Span<long> from = stackalloc long[8];
        Span<long> to = stackalloc long[8];
        for (var w = 0; w < 8; w++)
        {
            // Unused lanes get an empty period, so they never sum anything.
            from[w] = w < windowCount ? windows[w].FromExclusive : long.MaxValue;
            to[w] = w < windowCount ? windows[w].ToInclusive : long.MinValue;
        }

        var from0 = Vector256.Create<long>(from[..4]);
        var from1 = Vector256.Create<long>(from[4..]);
        var to0 = Vector256.Create<long>(to[..4]);
        var to1 = Vector256.Create<long>(to[4..]);
        var sum0 = Vector256<long>.Zero;
        var sum1 = Vector256<long>.Zero;
        for (var e = 0; e < revenue.Length; e++)
        {
            ref readonly var ev = ref revenue[e];
            var sign = cp.Sign(ev.Kind);
            if (sign == 0) continue;
            var amount = Vector256.Create(sign * Math.Abs(ev.AmountMinor));
            var day = Vector256.Create((long)ev.Date.DayNumber);
            sum0 += amount & Vector256.GreaterThan(day, from0) & Vector256.LessThanOrEqual(day, to0);
            sum1 += amount & Vector256.GreaterThan(day, from1) & Vector256.LessThanOrEqual(day, to1);
        }

        Span<long> result = stackalloc long[8];
        sum0.CopyTo(result);
        sum1.CopyTo(result[4..]);
        result[..windowCount].CopyTo(sums);
    }

    /// <summary>
    /// For each of <paramref name="dateCount"/> dates (<c>scratch.ReviewDates</c>), the latest rating per criterion on or
    /// before it, in <c>scratch.RatingScores[date × criteria + criterion]</c> (0 = never rated).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a batch kernel: optimized from its first call, not after tiering
    public static void LatestRatings(CompiledProgram cp, ManagerRating[] ratings, Scratch scratch, int dateCount)
    {
        var criteria = cp.Criteria.Length;
        scratch.EnsureRatings(dateCount * Math.Max(1, criteria));
        var days = scratch.RatingDays;
        var scores = scratch.RatingScores;
        Array.Fill(days, int.MinValue, 0, dateCount * criteria);
        Array.Clear(scores, 0, dateCount * criteria);
        string? lastCriterion = null;
        var lastIndex = -1;
        for (var r = 0; r < ratings.Length; r++)
        {
            ref readonly var rating = ref ratings[r];
            // Ratings of one criterion usually share one string instance: skip the comparison when they do.
            if (!ReferenceEquals(rating.Criterion, lastCriterion))
            {
                lastCriterion = rating.Criterion;
                lastIndex = rating.Criterion is null ? -1 : cp.CriterionIndex(rating.Criterion);
            }

            var c = lastIndex;
            if (c < 0) continue;
            var day = rating.RatedOn.DayNumber;
            for (var d = 0; d < dateCount; d++)
            {
                if (day > scratch.ReviewDates[d].DayNumber) continue;
                var slot = (d * criteria) + c;
                if (day > days[slot] || (day == days[slot] && rating.Score > scores[slot]))
                {
                    days[slot] = day;
                    scores[slot] = rating.Score;
                }
            }
        }
    }
}
