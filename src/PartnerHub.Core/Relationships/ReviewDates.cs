using PartnerHub.Core.Evaluation;

namespace PartnerHub.Core.Relationships;

/// <summary>A partner's tier review dates (start + k × cadence, as the tier rules count them), for looking back over reviews.</summary>
public static class ReviewDates
{
    /// <summary>
    /// Review dates after the partnership start (k ≥ 1: the start itself measures nothing yet) up to and including
    /// <paramref name="asOf"/>, newest first, at most <paramref name="count"/>.
    /// </summary>
    public static IReadOnlyList<DateOnly> LastOnOrBefore(DateOnly start, int cadenceMonths, DateOnly asOf, int count)
    {
        var dates = new List<DateOnly>();
        for (var k = TierRules.LastReviewOnOrBefore(start, cadenceMonths, asOf); k >= 1 && dates.Count < count; k--)
            dates.Add(Periods.Review(start, cadenceMonths, k));
        return dates;
    }
}
