namespace PartnerHub.Core.Programs;

/// <summary>
/// Phase 3 policy (relationship management): when a partner manager is alerted, and how near the next tier a partner
/// must be to count as an expansion candidate. A program without a <c>relationship:</c> section gets <see cref="Default"/>.
/// </summary>
/// <param name="HealthAlertBelow">Alert when the engine's health score is below this (0–100).</param>
/// <param name="MissedReviewsInARow">Alert when a success target of the held tier was missed at this many reviews in a row.</param>
/// <param name="ExpansionMaxMissing">A partner is an expansion candidate when it misses at most this many of the next tier's criteria.</param>
public sealed record RelationshipSettings(decimal HealthAlertBelow, int MissedReviewsInARow, int ExpansionMaxMissing)
{
    public static RelationshipSettings Default { get; } = new(50, 2, 1);
}
