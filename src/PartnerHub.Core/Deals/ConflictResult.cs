using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Deals;

/// <summary>The verdict of a conflict check, in rising severity: the worst match decides.</summary>
public enum ConflictOutcome
{
    Clear,
    PossibleDuplicate,
    Conflict,
}

/// <summary>Which comparison matched.</summary>
public enum ConflictRule
{
    /// <summary>Same registrable domain (eTLD+1).</summary>
    SameDomain,

    /// <summary>Same normalized company name.</summary>
    SameName,

    /// <summary>Same skeleton after folding look-alike characters, but a different normalized name.</summary>
    LookAlikeName,

    /// <summary>Trigram similarity of the skeletons at or above <see cref="NameSimilarity.ThresholdPercent"/>.</summary>
    SimilarName,
}

/// <summary>What the candidate matched.</summary>
public enum MatchedRecord
{
    OtherPartnerRegistration,
    OwnRegistration,
    ExistingCustomer,
}

/// <summary>
/// One match, with everything a partner manager needs: the rule, the two normalized values compared, the other
/// registration (id, partner, time, and who wins under first-valid-registration) or the customer's reference.
/// </summary>
public sealed record ConflictMatch(
    ConflictRule Rule,
    MatchedRecord Record,
    ConflictOutcome Severity,
    string CandidateValue,
    string MatchedValue,
    double Similarity,
    DealId? RegistrationId,
    PartnerId? PartnerId,
    DateTimeOffset? SubmittedAt,
    PriorityDecision? Priority,
    string? CustomerReference,
    string Explanation);

/// <summary>The full result, for partner managers. Partners get <see cref="ForPartner"/> instead.</summary>
public sealed record ConflictResult(ConflictOutcome Outcome, CustomerIdentity Candidate, IReadOnlyList<ConflictMatch> Matches, string Explanation)
{
    /// <summary>
    /// What the submitting partner may see: THAT its customer is already registered or a customer, never by whom, which
    /// deal, or which other name it resembles. Only the partner's own values and its own registrations are named.
    /// </summary>
    public PartnerConflictView ForPartner()
    {
        var reasons = new List<string>();
        foreach (var match in Matches)
        {
            var reason = (match.Record, match.Rule) switch
            {
                (MatchedRecord.OwnRegistration, _) =>
                    $"You already have an active registration for this customer ({match.RegistrationId}).",
                (_, ConflictRule.SameDomain) =>
                    $"The customer domain {match.CandidateValue} is already protected by a registration or belongs to an existing customer.",
                (_, ConflictRule.SameName) =>
                    $"The customer name '{Candidate.Name.Original}' is already protected by a registration or belongs to an existing customer.",
                _ => $"The customer name '{Candidate.Name.Original}' resembles one already registered or an existing customer; a partner manager will review it.",
            };
            if (!reasons.Contains(reason)) reasons.Add(reason);
        }

        if (reasons.Count == 0) reasons.Add("No active registration or existing customer matches this customer.");
        return new PartnerConflictView(Outcome, reasons);
    }
}

/// <summary>The partner-safe projection of a <see cref="ConflictResult"/>: outcome and reasons that name no other party.</summary>
public sealed record PartnerConflictView(ConflictOutcome Outcome, IReadOnlyList<string> Reasons);
