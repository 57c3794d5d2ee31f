using System.Globalization;

namespace PartnerHub.Core.Deals;

/// <summary>One registration's claim to a customer: who submitted it and when (UTC).</summary>
public readonly record struct RegistrationClaim(DealId Id, DateTimeOffset SubmittedAt);

/// <summary>Which of two conflicting registrations keeps the customer, and why.</summary>
public sealed record PriorityDecision(RegistrationClaim Winner, RegistrationClaim Loser, string Explanation);

/// <summary>The program's rule for conflicting registrations: the first valid registration wins, by UTC timestamp.</summary>
public static class RegistrationPriority
{
    /// <summary>
    /// The earlier submission wins. Equal instants (same tick) are broken by id, lower first: arbitrary but
    /// deterministic, so every server and every re-run decides the same. Both claims are assumed valid; an invalid
    /// registration is rejected before it can claim anything.
    /// </summary>
    public static PriorityDecision FirstWins(RegistrationClaim a, RegistrationClaim b)
    {
        if (a.Id == b.Id) throw new ArgumentException($"Registration {a.Id} cannot conflict with itself.", nameof(b));
        var byTime = a.SubmittedAt.UtcTicks.CompareTo(b.SubmittedAt.UtcTicks);
        var aWins = byTime < 0 || (byTime == 0 && a.Id.Value.CompareTo(b.Id.Value) < 0);
        var (winner, loser) = aWins ? (a, b) : (b, a);
        var explanation = byTime != 0
            ? $"First valid registration wins: {winner.Id} was submitted at {Utc(winner.SubmittedAt)}, before {loser.Id} at {Utc(loser.SubmittedAt)}."
            : $"First valid registration wins: both were submitted at {Utc(winner.SubmittedAt)}, so the lower id {winner.Id} wins the tie over {loser.Id}.";
        return new PriorityDecision(winner, loser, explanation);
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
