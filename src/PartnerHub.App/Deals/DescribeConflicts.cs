using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Deals;

namespace PartnerHub.App.Deals;

/// <summary>One match of the manager's conflict view, in plain values: which rule, against what, and who wins.</summary>
public sealed record ConflictMatchView(
    ConflictRule Rule,
    MatchedRecord Record,
    ConflictOutcome Severity,
    string CandidateValue,
    string MatchedValue,
    double Similarity,
    Guid? RegistrationId,
    Guid? PartnerId,
    string? PartnerName,
    DateTimeOffset? SubmittedAt,
    Guid? WinnerId,
    string? CustomerReference,
    string Explanation);

/// <summary>The manager's conflict view of a registration: the outcome, the sentence for it, and every match with why.</summary>
public sealed record ConflictView(ConflictOutcome Outcome, string Explanation, IReadOnlyList<ConflictMatchView> Matches);

/// <summary>
/// Turns a <see cref="ConflictResult"/> into the manager's <see cref="ConflictView"/>, naming the other partners. Vendor
/// staff only: a partner user gets <see cref="ConflictResult.ForPartner"/>, never this (it would name other parties).
/// </summary>
public sealed class DescribeConflicts(PartnerHubDb db)
{
    public async Task<ConflictView?> ForManagerAsync(ConflictResult? result, CancellationToken ct)
    {
        if (result is null || db.Actor.PartnerScope is not null) return null;
        var ids = result.Matches.Select(m => m.PartnerId).OfType<Core.Partners.PartnerId>().Distinct().ToList();
        var names = ids.Count == 0 ? new Dictionary<Core.Partners.PartnerId, string>()
            : await db.Partners.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return new ConflictView(result.Outcome, result.Explanation, result.Matches.Select(m => new ConflictMatchView(
            m.Rule, m.Record, m.Severity, m.CandidateValue, m.MatchedValue, Math.Round(m.Similarity, 2), m.RegistrationId?.Value, m.PartnerId?.Value,
            m.PartnerId is { } p ? names.GetValueOrDefault(p) : null, m.SubmittedAt, m.Priority?.Winner.Id.Value, m.CustomerReference, m.Explanation)).ToList());
    }
}
