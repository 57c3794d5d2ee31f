using System.Runtime.CompilerServices;
using PartnerHub.Core.Facts;

namespace PartnerHub.Core.Evaluation;

/// <summary>One review date with the tier the partner qualified for then (for explanations).</summary>
public readonly record struct ReviewPoint(DateOnly Date, int QualifyingTier, long RevenueMinor);

/// <summary>The tier outcome as numbers: held, qualifying today, and what the next reviews would do if nothing changed.</summary>
internal readonly record struct TierOutcome(int Held, int Qualifying, TierChange Change, int Proposed, DateOnly? EffectiveOn,
    DateOnly LastReview, DateOnly NextReview, int WindowStart, int WindowCount);

/// <summary>
/// The tier rules (docs/program-format.md, "Tier reviews"). A partner qualifies for the highest tier whose revenue
/// minimum and rating minimums it meets (the lowest tier is the floor). Reviews fall on start + k × cadence. The tier
/// held at a review is the best tier qualified for at any review from the last review on or before (that review −
/// grace period) up to it: promotions take effect at the review, a demotion only once the partner has qualified lower at
/// every review spanning the whole grace period. This makes the held tier a pure function of a few reviews, and
/// monotonic: more revenue or better ratings never lower it.
/// </summary>
internal static class TierRules
{
    public static int Qualify(CompiledProgram cp, long revenueMinor, ReadOnlySpan<int> ratings)
    {
        var criteria = cp.Criteria.Length;
        for (var t = 0; t < cp.TierCount - 1; t++)
        {
            if (revenueMinor < cp.TierMinRevenue[t]) continue;
            var ok = true;
            for (var c = 0; c < criteria && ok; c++)
            {
                var min = cp.RatingMin[(t * criteria) + c];
                ok = min == 0 || ratings[c] >= min;
            }

            if (ok) return t;
        }

        return cp.TierCount - 1;
    }

    /// <summary>Index of the last review on or before <paramref name="date"/> (0 = the start itself), −1 before the start.</summary>
    public static int LastReviewOnOrBefore(DateOnly start, int cadence, DateOnly date)
    {
        if (date < start) return -1;
        var months = ((date.Year - start.Year) * 12) + date.Month - start.Month;
        var k = Math.Max(0, months / cadence);
        while (k > 0 && Periods.Review(start, cadence, k) > date) k--;
        while (k < 100_000 && Periods.Review(start, cadence, k + 1) <= date && Periods.Review(start, cadence, k + 1) != DateOnly.MaxValue) k++;
        return k;
    }

    /// <summary>
    /// Sets up the review window's dates in <c>scratch.ReviewDates[0..n)</c> followed by <paramref name="asOf"/> at index n,
    /// with a trailing-12-month revenue period for each in <c>scratch.Windows[0..n]</c>; returns n.
    /// </summary>
    public static int PrepareWindow(CompiledProgram cp, DateOnly start, DateOnly asOf, Scratch scratch, out int firstReview)
    {
        var last = LastReviewOnOrBefore(start, cp.CadenceMonths, asOf);
        firstReview = Math.Max(0, LastReviewOnOrBefore(start, cp.CadenceMonths, Periods.AddMonths(Periods.Review(start, cp.CadenceMonths, last), -cp.GraceMonths)));
        // A window longer than the buffers is impossible within validated bounds (grace ≤ 36, cadence ≥ 1); clamp defensively.
        firstReview = Math.Max(firstReview, last - (Scratch.MaxQueries - 4));
        var n = last - firstReview + 1;
        for (var i = 0; i < n; i++) scratch.ReviewDates[i] = Periods.Review(start, cp.CadenceMonths, firstReview + i);
        scratch.ReviewDates[n] = asOf;
        for (var i = 0; i <= n; i++) scratch.Windows[i] = Periods.Trailing12(scratch.ReviewDates[i]);
        return n;
    }

    /// <summary>Decides the tier once revenue sums and ratings for the prepared window are in <paramref name="scratch"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a batch kernel: optimized from its first call, not after tiering
    public static TierOutcome Decide(CompiledProgram cp, PartnerFacts facts, DateOnly asOf, Scratch scratch, int n, int firstReview)
    {
        var criteria = cp.Criteria.Length;
        var lowest = cp.TierCount - 1;
        var qualifying = Qualify(cp, scratch.Sums[n], scratch.RatingScores.AsSpan(n * criteria, criteria));
        if (asOf < facts.PartnershipStart)
            return new TierOutcome(lowest, qualifying, TierChange.None, lowest, null, facts.PartnershipStart, facts.PartnershipStart, 0, 0);

        var held = lowest;
        for (var i = 0; i < n; i++)
        {
            var q = Qualify(cp, scratch.Sums[i], scratch.RatingScores.AsSpan(i * criteria, criteria));
            scratch.ReviewQualifying[i] = q;
            held = Math.Min(held, q);
        }

        var lastIndex = firstReview + n - 1;
        var lastReview = scratch.ReviewDates[n - 1];
        var nextReview = Periods.Review(facts.PartnershipStart, cp.CadenceMonths, lastIndex + 1);
        if (!facts.IsActiveOn(asOf))
            return new TierOutcome(held, qualifying, TierChange.None, held, null, lastReview, nextReview, firstReview, n);

        // Project the next reviews assuming the partner keeps qualifying as it does today.
        for (var ahead = 1; ahead <= n + 2; ahead++)
        {
            var review = Periods.Review(facts.PartnershipStart, cp.CadenceMonths, lastIndex + ahead);
            var from = Math.Max(0, LastReviewOnOrBefore(facts.PartnershipStart, cp.CadenceMonths, Periods.AddMonths(review, -cp.GraceMonths)));
            var projected = qualifying;
            for (var j = Math.Max(from, firstReview); j <= lastIndex; j++) projected = Math.Min(projected, scratch.ReviewQualifying[j - firstReview]);
            if (projected < held) return new TierOutcome(held, qualifying, TierChange.Promotion, projected, review, lastReview, nextReview, firstReview, n);
            if (projected > held)
            {
                var change = ahead == 1 ? TierChange.Demotion : TierChange.DemotionHeld;
                return new TierOutcome(held, qualifying, change, projected, review, lastReview, nextReview, firstReview, n);
            }

            if (qualifying == held) break;
        }

        return new TierOutcome(held, qualifying, TierChange.None, held, null, lastReview, nextReview, firstReview, n);
    }
}
