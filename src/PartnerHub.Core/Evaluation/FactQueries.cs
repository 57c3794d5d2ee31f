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
    public static void RevenueSums(CompiledProgram cp, RevenueEvent[] revenue, Scratch scratch, int windowCount)
    {
        var windows = scratch.Windows;
        var sums = scratch.Sums;
        Array.Clear(sums, 0, windowCount);
        for (var e = 0; e < revenue.Length; e++)
        {
            ref readonly var ev = ref revenue[e];
            var sign = cp.Sign(ev.Kind);
            if (sign == 0) continue;
            var amount = sign * Math.Abs(ev.AmountMinor);
            var day = ev.Date.DayNumber;
            for (var w = 0; w < windowCount; w++)
                if (day > windows[w].FromExclusive && day <= windows[w].ToInclusive) sums[w] += amount;
        }
    }

    /// <summary>
    /// For each of <paramref name="dateCount"/> dates (<c>scratch.ReviewDates</c>), the latest rating per criterion on or
    /// before it, in <c>scratch.RatingScores[date × criteria + criterion]</c> (0 = never rated).
    /// </summary>
    public static void LatestRatings(CompiledProgram cp, ManagerRating[] ratings, Scratch scratch, int dateCount)
    {
        var criteria = cp.Criteria.Length;
        scratch.EnsureRatings(dateCount * Math.Max(1, criteria));
        var days = scratch.RatingDays;
        var scores = scratch.RatingScores;
        Array.Fill(days, int.MinValue, 0, dateCount * criteria);
        Array.Clear(scores, 0, dateCount * criteria);
        for (var r = 0; r < ratings.Length; r++)
        {
            ref readonly var rating = ref ratings[r];
            var c = cp.CriterionIndex(rating.Criterion);
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
