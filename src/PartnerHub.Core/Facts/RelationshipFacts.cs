namespace PartnerHub.Core.Facts;

public enum SurveyKind : byte
{
    /// <summary>"How satisfied are you with the partnership?"</summary>
    Satisfaction,

    /// <summary>"How likely are you to recommend us?" (the NPS question).</summary>
    Advocacy,
}

/// <summary>
/// A survey answer normalized to 0–100 by whoever records it: a 1–5 answer a maps to (a − 1) × 25, a 0–10 answer to × 10.
/// </summary>
public readonly record struct SurveyResponse(SurveyKind Kind, DateOnly AnsweredOn, int Score);

/// <summary>A partner manager's rating of one tier criterion (program key), from 1 to 5.</summary>
public readonly record struct ManagerRating(string Criterion, DateOnly RatedOn, int Score);

/// <summary>Engagement of a kind the program gives points for (login, download, webinar-attended, …); <see cref="Count"/> allows daily rollups.</summary>
public readonly record struct EngagementEvent(string Kind, DateOnly Date, int Count = 1);

/// <summary>A known cost of the partnership (enablement, market development funds, co-marketing spend) in minor units.</summary>
public readonly record struct CostEntry(DateOnly Date, long AmountMinor);
