using System.Runtime.CompilerServices;
using PartnerHub.Core.Facts;

namespace PartnerHub.Core.Evaluation;

/// <summary>
/// Computes one partner's <see cref="PartnerSummary"/>: single passes over each fact array, sums in integers, no
/// allocation after warm-up and no LINQ. Everything else (text, traces) is derived from its results by the explainer.
/// </summary>
internal static class PartnerKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a batch kernel: optimized from its first call, not after tiering
    public static PartnerSummary Compute(CompiledProgram cp, PartnerFacts f, DateOnly asOf, Scratch s)
    {
        var n = TierRules.PrepareWindow(cp, f.PartnershipStart, asOf, s, out var firstReview);
        var prior = n + 1;
        var complete = n + 2;
        s.Windows[prior] = Periods.Prior12(asOf);
        s.Windows[complete] = Periods.CompleteMonths12(asOf);
        FactQueries.RevenueSums(cp, f.Revenue, s, n + 3);
        FactQueries.LatestRatings(cp, f.Ratings, s, n + 1);
        var tier = TierRules.Decide(cp, f, asOf, s, n, firstReview);

        var trailing = Periods.Trailing12(asOf);
        var revenue = s.Sums[n];
        var priorRevenue = s.Sums[prior];
        var newRevenue = priorRevenue <= 0 && revenue > 0;
        decimal? growth = priorRevenue > 0 ? (revenue - priorRevenue) * 100m / priorRevenue : null;

        var deals = Deals(f.Deals, trailing, s);
        var (satisfaction, satisfactionCount, advocacy, advocacyCount) = Surveys(f.Surveys, trailing);
        var (engagement, points) = Engagement(cp, f.Engagement, asOf);
        var (retention, priorCustomers, retained) = CustomerRetention(cp, f.Revenue, trailing, Periods.Prior12(asOf), s);
        var cost = Costs(f.Costs, trailing);
        decimal? roi = cost > 0 ? (revenue - cost) * 100m / cost : null;
        var criteria = cp.Criteria.Length;
        int? innovation = cp.InnovationCriterion >= 0 && s.RatingScores[(n * criteria) + cp.InnovationCriterion] is > 0 and var r ? r : null;

        var measured = new Measured(revenue, growth, newRevenue, satisfaction, retention, advocacy, engagement, deals.WinRate);
        var targets = cp.Targets[tier.Held];
        var (health, coverage) = TargetRules.Health(cp, measured, targets);
        var (heldLevel, expires) = CertificationRules.Held(cp, f.Certifications, asOf);
        var eligible = -1;
        var previousEligible = false;
        for (var level = 0; level < cp.Levels.Length; level++)
        {
            previousEligible = CertificationRules.Check(cp, f, asOf, level, heldLevel, previousEligible, tier.Held, measured) == Requirement.All;
            if (previousEligible) eligible = level;
        }

        return new PartnerSummary
        {
            PartnerId = f.PartnerId,
            Active = f.IsActiveOn(asOf),
            HeldTier = (sbyte)tier.Held,
            QualifyingTier = (sbyte)tier.Qualifying,
            ProposedChange = tier.Change,
            ProposedTier = (sbyte)tier.Proposed,
            ChangeEffectiveOn = tier.EffectiveOn,
            CertificationHeld = (sbyte)heldLevel,
            CertificationExpiresOn = expires,
            CertificationEligible = (sbyte)eligible,
            RevenueMinor = revenue,
            PriorRevenueMinor = priorRevenue,
            RevenueCompleteMonthsMinor = s.Sums[complete],
            GrowthPercent = growth,
            NewRevenue = newRevenue,
            WonDeals = deals.Won,
            LostDeals = deals.Lost,
            RegisteredDeals = deals.Registered,
            WonAmountMinor = deals.WonAmount,
            AverageDealSizeMinor = deals.Won > 0 ? (long)Math.Round((decimal)deals.WonAmount / deals.Won, MidpointRounding.AwayFromZero) : null,
            VelocityDays = deals.MedianDays,
            WinRatePercent = deals.WinRate,
            Satisfaction = satisfaction,
            SatisfactionResponses = satisfactionCount,
            Advocacy = advocacy,
            AdvocacyResponses = advocacyCount,
            EngagementPercent = engagement,
            EngagementPoints = points,
            CustomerRetentionPercent = retention,
            PriorCustomers = priorCustomers,
            RetainedCustomers = retained,
            CostMinor = cost,
            RoiPercent = roi,
            InnovationRating = innovation,
            HealthScore = health,
            HealthCoverage = coverage,
            Targets = TargetRules.AttainAll(measured, targets),
        };
    }

    internal readonly record struct DealStats(int Won, int Lost, int Registered, long WonAmount, decimal? MedianDays, decimal? WinRate);

    /// <summary>Deals closed in the period (won, lost, won amount, median registration-to-close days of won deals) and deals registered in it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a batch kernel: optimized from its first call, not after tiering
    internal static DealStats Deals(DealFact[] deals, Period period, Scratch s)
    {
        int won = 0, lost = 0, registered = 0;
        long amount = 0;
        var days = s.EnsureInts(deals.Length + 1);
        // Branch-free counting and compaction: dates and outcomes come in no order, so branches would mispredict.
        for (var i = 0; i < deals.Length; i++)
        {
            ref readonly var d = ref deals[i];
            var opened = d.RegisteredOn.DayNumber;
            registered += period.Bit(opened);
            var closedDay = d.ClosedOn.GetValueOrDefault().DayNumber;
            var decided = d.ClosedOn.HasValue ? period.Bit(closedDay) : 0;
            var isWon = decided & (d.Outcome == DealOutcome.Won ? 1 : 0);
            lost += decided & (d.Outcome == DealOutcome.Lost ? 1 : 0);
            amount += Math.Abs(d.AmountMinor) & -(long)isWon;
            days[won] = Math.Max(0, closedDay - opened);
            won += isWon;
        }

        decimal? median = null;
        if (won > 0)
        {
            // Selection, not sorting: the median is the middle element (or the two middle ones), found in linear time.
            var upper = Select(days, won, won / 2);
            median = won % 2 == 1 ? upper : (MaxOf(days, won / 2) + upper) / 2m;
        }

        decimal? winRate = won + lost > 0 ? won * 100m / (won + lost) : null;
        return new DealStats(won, lost, registered, amount, median, winRate);
    }

    private static (decimal? Satisfaction, int SatisfactionCount, decimal? Advocacy, int AdvocacyCount) Surveys(SurveyResponse[] surveys, Period period)
    {
        long satisfaction = 0, advocacy = 0;
        int satisfactionCount = 0, advocacyCount = 0;
        for (var i = 0; i < surveys.Length; i++)
        {
            ref readonly var r = ref surveys[i];
            if (!period.Contains(r.AnsweredOn.DayNumber)) continue;
            var score = Math.Clamp(r.Score, 0, 100);
            if (r.Kind == SurveyKind.Satisfaction) { satisfaction += score; satisfactionCount++; }
            else { advocacy += score; advocacyCount++; }
        }

        return (satisfactionCount > 0 ? (decimal)satisfaction / satisfactionCount : null, satisfactionCount,
            advocacyCount > 0 ? (decimal)advocacy / advocacyCount : null, advocacyCount);
    }

    private static (decimal Percent, int Points) Engagement(CompiledProgram cp, EngagementEvent[] events, DateOnly asOf)
    {
        var period = Periods.LastDays(asOf, cp.EngagementWindowDays);
        long points = 0;
        string? lastKind = null;
        var lastPoints = 0;
        for (var i = 0; i < events.Length; i++)
        {
            ref readonly var e = ref events[i];
            if (!period.Contains(e.Date.DayNumber) || e.Count <= 0) continue;
            // Events of one kind usually share one string instance; skip the dictionary lookup when they do.
            if (!ReferenceEquals(e.Kind, lastKind))
            {
                lastKind = e.Kind;
                lastPoints = e.Kind is null ? 0 : cp.EngagementPoints.GetValueOrDefault(e.Kind);
            }

            points += (long)lastPoints * e.Count;
        }

        var capped = (int)Math.Min(points, int.MaxValue);
        return (Math.Min(100m, points * 100m / cp.EngagementFullScore), capped);
    }

    /// <summary>Of the customers who brought revenue in the prior 12 months, the share who brought revenue in the last 12.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a batch kernel: optimized from its first call, not after tiering
    internal static (decimal? Percent, int Prior, int Retained) CustomerRetention(CompiledProgram cp, RevenueEvent[] revenue, Period current,
        Period prior, Scratch s)
    {
        int p = 0, c = 0;
        var priorIds = s.EnsurePriorCustomers(revenue.Length + 1);
        var currentIds = s.EnsureCurrentCustomers(revenue.Length + 1);
        for (var i = 0; i < revenue.Length; i++)
        {
            ref readonly var e = ref revenue[i];
            if (e.CustomerId == 0 || cp.Sign(e.Kind) <= 0 || e.AmountMinor == 0) continue;
            var day = e.Date.DayNumber;
            // The prior and current periods do not overlap: write to both, advance the one the day falls in.
            priorIds[p] = e.CustomerId;
            currentIds[c] = e.CustomerId;
            p += prior.Bit(day);
            c += current.Bit(day);
        }

        if (p == 0) return (null, 0, 0);

        // An open-addressing set of the prior customers (ids are never 0, so 0 marks a free slot), and a flag per slot
        // once that customer is found among the current ones. Linear time, whatever the order of the facts.
        var size = 1 << (32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(2 * p) - 1));
        var keys = s.EnsureSet(size);
        var found = s.EnsureFound(size);
        Array.Clear(keys, 0, size);
        Array.Clear(found, 0, size);
        var distinct = 0;
        for (var i = 0; i < p; i++)
        {
            var slot = Find(keys, size - 1, priorIds[i]);
            if (keys[slot] != 0) continue;
            keys[slot] = priorIds[i];
            distinct++;
        }

        var retained = 0;
        for (var i = 0; i < c; i++)
        {
            var slot = Find(keys, size - 1, currentIds[i]);
            if (keys[slot] == 0 || found[slot] != 0) continue;
            found[slot] = 1;
            retained++;
        }

        return (retained * 100m / distinct, distinct, retained);
    }

    /// <summary>The slot holding <paramref name="id"/>, or the free slot where it would go (linear probing).</summary>
    private static int Find(int[] keys, int mask, int id)
    {
        var slot = (int)((uint)id * 2654435769u >> 7) & mask; // Fibonacci hashing spreads clustered ids
        while (keys[slot] != 0 && keys[slot] != id) slot = (slot + 1) & mask;
        return slot;
    }

    /// <summary>Rearranges the first <paramref name="count"/> items so that the k-th smallest is at index k, and returns it (Hoare's selection).</summary>
    private static int Select(int[] items, int count, int k)
    {
        int left = 0, right = count - 1;
        while (left < right)
        {
            var pivot = items[left + ((right - left) / 2)];
            int i = left, j = right;
            while (i <= j)
            {
                while (items[i] < pivot) i++;
                while (items[j] > pivot) j--;
                if (i > j) break;
                (items[i], items[j]) = (items[j], items[i]);
                i++;
                j--;
            }

            if (k <= j) right = j;
            else if (k >= i) left = i;
            else break;
        }

        return items[k];
    }

    /// <summary>The largest of the first <paramref name="count"/> items.</summary>
    private static int MaxOf(int[] items, int count)
    {
        var max = int.MinValue;
        for (var i = 0; i < count; i++) max = Math.Max(max, items[i]);
        return max;
    }

    private static long Costs(CostEntry[] costs, Period period)
    {
        long total = 0;
        for (var i = 0; i < costs.Length; i++)
            if (period.Contains(costs[i].Date.DayNumber)) total += Math.Abs(costs[i].AmountMinor);
        return total;
    }
}
