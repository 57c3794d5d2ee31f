using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Evaluation;

namespace PartnerHub.App.Standing;

/// <summary>
/// Evaluates every partner today and records the tier each holds; a held tier that differs from the one last recorded
/// is a tier move, announced as a <c>tier.changed</c> webhook event in the same transaction. The first time a partner
/// is seen its tier is only recorded: a baseline, not a move.
/// </summary>
public sealed class WatchTiers(PartnerHubDb db, ProgramStore programs, FactStore facts)
{
    /// <summary>How many tier moves were recorded.</summary>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var today = programs.Today;
        var published = await programs.AtAsync(today, ct);
        var program = published.Program;
        var all = await facts.ForProgramAsync(program.Currency, ct);
        var evaluation = Evaluator.EvaluateAll(program, published.Label, all, today);
        var holdings = await db.Set<TierHolding>().ToDictionaryAsync(h => h.PartnerId, ct);
        var moves = 0;
        for (var i = 0; i < evaluation.Partners.Length; i++)
        {
            var summary = evaluation.Partners[i];
            if (!summary.Active) continue;
            var tier = program.Tiers[summary.HeldTier].Key;
            if (!holdings.TryGetValue(summary.PartnerId, out var holding)) db.Add(TierHolding.First(summary.PartnerId, tier, today, published.Label));
            else if (holding.Tier != tier)
            {
                var explanation = Evaluator.Evaluate(program, published.Label, all.Partners[i], today).Tier.HeldExplanation;
                holding.Move(tier, today, published.Label, explanation);
                moves++;
            }
        }

        await db.SaveChangesAsync(ct);
        return moves;
    }
}
