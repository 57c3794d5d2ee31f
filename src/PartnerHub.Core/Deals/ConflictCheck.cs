using System.Globalization;

namespace PartnerHub.Core.Deals;

/// <summary>
/// Channel-conflict detection for a new registration. Conflict: another partner's active registration or an existing
/// customer has the same registrable domain or the same normalized name. Possible duplicate: a look-alike or close
/// name, or the partner's own active registration for the same customer. Clear: nothing matched.
/// </summary>
public static class ConflictCheck
{
    /// <summary>Close-name matches beyond this many are left out, best first: a manager reads a short list, not a thousand.</summary>
    public const int MaxSimilarMatches = 20;

    /// <summary>Checks against plain lists: builds the index for this one check (use the index overload for repeated checks).</summary>
    public static ConflictResult Check(RegistrationCandidate candidate, IEnumerable<ActiveRegistration> registrations, IEnumerable<ExistingCustomer> customers) =>
        Check(candidate, CustomerIdentityIndex.Build(registrations, customers));

    /// <summary>
    /// Checks <paramref name="candidate"/> against <paramref name="index"/>. Without <paramref name="closeNames"/> only the
    /// exact keys are compared (domain, name, look-alike skeleton): everything that can refuse a registration, at a
    /// fraction of the cost of the close-name walk, which only ever flags a possible duplicate for a person.
    /// </summary>
    public static ConflictResult Check(RegistrationCandidate candidate, CustomerIdentityIndex index, bool closeNames = true)
    {
        var identity = CustomerIdentity.Of(candidate.CustomerName, candidate.CustomerDomain);
        var name = identity.Name;
        var matches = new List<ConflictMatch>();
        var matchedByName = new HashSet<IndexedCustomer>(ReferenceEqualityComparer.Instance);

        if (identity.RegistrableDomain is { } domain)
            foreach (var entry in index.WithDomain(domain).Where(e => !IsSelf(e, candidate)))
                matches.Add(Match(candidate, entry, ConflictRule.SameDomain, domain, domain, 1));

        if (!name.IsEmpty)
        {
            foreach (var entry in index.WithName(name.Key).Where(e => !IsSelf(e, candidate) && matchedByName.Add(e)))
                matches.Add(Match(candidate, entry, ConflictRule.SameName, name.Key, name.Key, 1));

            foreach (var entry in index.WithSkeleton(name.Skeleton).Where(e => !IsSelf(e, candidate) && matchedByName.Add(e)))
                matches.Add(Match(candidate, entry, ConflictRule.LookAlikeName, name.Key, entry.Identity.Name.Key, 1));

            var similar = (closeNames ? index.CloseTo(name.Skeleton) : [])
                .Where(c => !IsSelf(c.Entry, candidate) && !matchedByName.Contains(c.Entry))
                .OrderByDescending(c => c.Similarity).ThenBy(c => c.Entry.Identity.Name.Key, StringComparer.Ordinal)
                .Take(MaxSimilarMatches);
            foreach (var (entry, similarity) in similar)
                matches.Add(Match(candidate, entry, ConflictRule.SimilarName, name.Key, entry.Identity.Name.Key, similarity));
        }

        var outcome = matches.Count == 0 ? ConflictOutcome.Clear : matches.Max(m => m.Severity);
        return new ConflictResult(outcome, identity, matches, Summary(outcome, identity, matches, closeNames));
    }

    private static bool IsSelf(IndexedCustomer entry, RegistrationCandidate candidate) => entry.RegistrationId == candidate.Id;

    private static ConflictMatch Match(RegistrationCandidate candidate, IndexedCustomer entry, ConflictRule rule, string candidateValue, string matchedValue, double similarity)
    {
        var record = entry.RegistrationId is null ? MatchedRecord.ExistingCustomer
            : entry.PartnerId == candidate.PartnerId ? MatchedRecord.OwnRegistration
            : MatchedRecord.OtherPartnerRegistration;

        // Only an exact key held by someone else blocks; a resemblance, or the partner's own registration, needs a person.
        var severity = record != MatchedRecord.OwnRegistration && rule is ConflictRule.SameDomain or ConflictRule.SameName
            ? ConflictOutcome.Conflict
            : ConflictOutcome.PossibleDuplicate;

        var priority = entry.RegistrationId is { } id
            ? RegistrationPriority.FirstWins(new RegistrationClaim(candidate.Id, candidate.SubmittedAt), new RegistrationClaim(id, entry.SubmittedAt!.Value))
            : null;

        var what = rule switch
        {
            ConflictRule.SameDomain => $"registrable domain {candidateValue} equals that of",
            ConflictRule.SameName => $"normalized name '{candidateValue}' equals that of",
            ConflictRule.LookAlikeName => $"name '{candidateValue}' looks like '{matchedValue}' (both fold to the skeleton '{entry.Identity.Name.Skeleton}') of",
            _ => string.Create(CultureInfo.InvariantCulture, $"name '{candidateValue}' is {similarity * 100:F0}% similar (threshold {NameSimilarity.ThresholdPercent}%) to '{matchedValue}' of"),
        };
        var whom = record switch
        {
            MatchedRecord.ExistingCustomer => $"existing customer {entry.CustomerReference}",
            MatchedRecord.OwnRegistration => $"the partner's own active registration {entry.RegistrationId}",
            _ => $"active registration {entry.RegistrationId} of partner {entry.PartnerId}",
        };
        var explanation = $"{severity} ({rule}): {what} {whom}." + (priority is null ? "" : $" {priority.Explanation}");

        return new ConflictMatch(rule, record, severity, candidateValue, matchedValue, similarity, entry.RegistrationId, entry.PartnerId,
            entry.SubmittedAt, priority, entry.CustomerReference, explanation);
    }

    private static string Summary(ConflictOutcome outcome, CustomerIdentity identity, List<ConflictMatch> matches, bool closeNames)
    {
        var keys = $"registrable domain {identity.RegistrableDomain ?? "(none)"}, normalized name '{identity.Name.Key}', skeleton '{identity.Name.Skeleton}'";
        if (outcome == ConflictOutcome.Clear)
            return $"Clear: no active registration or existing customer has the same {keys}" +
                (closeNames ? $", and no name is {NameSimilarity.ThresholdPercent}% or more similar." : " (close names not compared).");
        var mixed = identity.Name.MixesScripts ? " The candidate's name mixes Latin with Cyrillic or Greek letters, a common spoofing sign." : "";
        return $"{outcome}: {matches.Count} match(es) for {keys}.{mixed}";
    }
}
