using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Prospects;

namespace PartnerHub.App.Prospects;

/// <summary>
/// One opportunity assessment of a prospect, as scored: appended, never changed; the latest one counts. It keeps the
/// criteria lines, the fit score, the threshold and the program version it was scored under, so history explains itself.
/// </summary>
public sealed class OpportunityAssessment : IVendorOnly
{
    private OpportunityAssessment()
    {
    }

    public long Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public IReadOnlyList<CriterionScore> Criteria { get; private set; } = [];
    public int FitScore { get; private set; }
    public int Threshold { get; private set; }
    public bool Passes { get; private set; }
    public int RevenuePotential { get; private set; }
    public string Category { get; private set; } = "";
    public string ProgramVersion { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    public string? Notes { get; private set; }
    public string AssessedBy { get; private set; } = "";
    public DateTimeOffset AssessedAt { get; private set; }

    public static OpportunityAssessment Record(PartnerId partner, FitScore fit, string programVersion, string? notes, string by, DateTimeOffset at) => new()
    {
        PartnerId = partner, Criteria = fit.Criteria, FitScore = fit.Score, Threshold = fit.Threshold, Passes = fit.Passes,
        RevenuePotential = fit.RevenuePotential, Category = fit.Category, ProgramVersion = programVersion, Explanation = fit.Explanation,
        Notes = notes, AssessedBy = by, AssessedAt = at,
    };

    /// <summary>The scores as the manager gave them, to score them again under the program in force.</summary>
    public IReadOnlyDictionary<string, int?> Scores => Criteria.ToDictionary(c => c.Criterion, c => (int?)c.Score, StringComparer.Ordinal);
}
