using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Relationships;

/// <summary>A change of the tier held, at a tier review, with the engine's explanation of the tier held after it.</summary>
public sealed record TierMove(DateOnly On, string From, string To, string Explanation);

/// <summary>
/// The tier a partner held at each past review, reduced to the changes: the "standing changes" of the partner
/// timeline. Derived from the facts with the program given, so it is what the engine would have said on each date.
/// </summary>
public static class TierHistory
{
    /// <summary>The tier moves at reviews after the start up to <paramref name="asOf"/>, oldest first. At most <paramref name="maxReviews"/> reviews are looked at.</summary>
    public static IReadOnlyList<TierMove> Moves(PartnerProgram program, string programVersion, PartnerFacts facts, DateOnly asOf, int maxReviews = 40)
    {
        var reviews = ReviewDates.LastOnOrBefore(facts.PartnershipStart, program.TierReview.CadenceMonths, asOf, maxReviews + 1).Reverse().ToList();
        var moves = new List<TierMove>();
        var held = program.Tiers.Count - 1; // every partnership starts in the lowest tier
        if (reviews.Count > maxReviews)
        {
            // A long history is cut: the review just before the window gives the tier it starts from.
            held = Evaluator.Summarize(program, facts, reviews[0]).HeldTier;
            reviews.RemoveAt(0);
        }
        foreach (var review in reviews)
        {
            var summary = Evaluator.Summarize(program, facts, review);
            if (!summary.Active || summary.HeldTier == held) continue;
            var explanation = Evaluator.Evaluate(program, programVersion, facts, review).Tier.HeldExplanation;
            moves.Add(new TierMove(review, program.Tiers[held].Key, program.Tiers[summary.HeldTier].Key, explanation));
            held = summary.HeldTier;
        }

        return moves;
    }
}
