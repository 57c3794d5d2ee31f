using System.Globalization;
using PartnerHub.Core.Common;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Prospects;

/// <summary>One criterion of an assessment: the manager's score, the program's weight, and the points they make.</summary>
public sealed record CriterionScore(string Criterion, string Name, int Score, string? Label, int Weight)
{
    public int Points => Score * Weight;

    public int MaxPoints => QualificationPolicy.MaxScore * Weight;
}

/// <summary>
/// A prospect's weighted fit score (0–100) against its category's pass threshold, with every criterion's score ×
/// weight, so the number explains itself: "Fit 72 = 216 of 300 points; technology needs 70: passes".
/// </summary>
public sealed record FitScore(IReadOnlyList<CriterionScore> Criteria, int Score, int Threshold, string Category, int RevenuePotential)
{
    public bool Passes => Score >= Threshold;

    public int Points => Criteria.Sum(c => c.Points);

    public int MaxPoints => Criteria.Sum(c => c.MaxPoints);

    public string Explanation => string.Create(CultureInfo.InvariantCulture,
        $"Fit {Score} = {Points} of {MaxPoints} points ({string.Join(" + ", Criteria.Select(c => $"{c.Name} {c.Score} × {c.Weight}"))}); "
        + $"{Category} needs {Threshold}: {(Passes ? "passes" : "does not pass")}.");
}

/// <summary>Scores a prospect on the program's qualification criteria. Pure: the program and the scores in, the fit score out.</summary>
public static class FitScoring
{
    /// <summary>
    /// Every criterion must be scored 1–5 and nothing else may be: a missing or unknown criterion, or a score out of range,
    /// is a field error named <c>scores.{criterion}</c>. The fit is Σ(score × weight) ÷ Σ(5 × weight) × 100, rounded half up.
    /// </summary>
    public static Result<FitScore> Score(QualificationPolicy policy, string category, IReadOnlyDictionary<string, int?> scores)
    {
        var errors = new FieldErrors();
        foreach (var key in scores.Keys.Where(k => policy.Find(k) is null))
            errors.Add($"scores.{key}", $"Unknown criterion '{key}'. The program scores: {string.Join(", ", policy.Criteria.Select(c => c.Key))}.");

        var lines = new List<CriterionScore>();
        foreach (var criterion in policy.Criteria)
        {
            var field = $"scores.{criterion.Key}";
            if (!scores.TryGetValue(criterion.Key, out var score) || score is null)
                errors.Add(field, $"Score {criterion.Name} from {QualificationPolicy.MinScore} to {QualificationPolicy.MaxScore}.");
            else if (score is < QualificationPolicy.MinScore or > QualificationPolicy.MaxScore)
                errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"{score} is out of range; score {criterion.Name} from {QualificationPolicy.MinScore} to {QualificationPolicy.MaxScore}."));
            else lines.Add(new CriterionScore(criterion.Key, criterion.Name, score.Value, criterion.Labels.GetValueOrDefault(score.Value), criterion.Weight));
        }

        if (errors.Any) return errors.ToError();
        var points = lines.Sum(l => l.Points);
        var max = lines.Sum(l => l.MaxPoints);
        var fit = (int)Math.Round(100m * points / max, MidpointRounding.AwayFromZero);
        var revenue = lines.FirstOrDefault(l => l.Criterion == policy.RevenueCriterion)?.Score ?? 0;
        return new FitScore(lines, fit, policy.ThresholdFor(category), category, revenue);
    }
}
