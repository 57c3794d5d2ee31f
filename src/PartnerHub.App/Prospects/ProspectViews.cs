using PartnerHub.Core.Prospects;

namespace PartnerHub.App.Prospects;

public sealed record ProspectProfileView(string? Source, string? FitNotes, int Version, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public static ProspectProfileView From(ProspectProfile p) =>
        new(p.Source is { } s ? ProspectKeys.Key(s) : null, p.FitNotes, p.Version, p.UpdatedAt, p.UpdatedBy);
}

/// <summary>An assessment as scored: each criterion's score × weight, the fit score, the category's threshold and the verdict.</summary>
public sealed record AssessmentView(long Id, Guid PartnerId, int FitScore, int Threshold, bool Passes, int RevenuePotential, string Category,
    IReadOnlyList<CriterionScore> Criteria, string Explanation, string ProgramVersion, string? Notes, string AssessedBy, DateTimeOffset AssessedAt)
{
    public static AssessmentView From(OpportunityAssessment a) => new(a.Id, a.PartnerId.Value, a.FitScore, a.Threshold, a.Passes, a.RevenuePotential,
        a.Category, a.Criteria, a.Explanation, a.ProgramVersion, a.Notes, a.AssessedBy, a.AssessedAt);
}

public sealed record OutreachView(long Id, Guid PartnerId, string Channel, string Outcome, string? Note, string? NextStep, DateOnly? NextStepDueOn,
    string By, DateTimeOffset At)
{
    public static OutreachView From(OutreachAttempt a) => new(a.Id, a.PartnerId.Value, ProspectKeys.Key(a.Channel), ProspectKeys.Key(a.Outcome),
        a.Note, a.NextStep, a.NextStepDueOn, a.By, a.At);
}
