namespace PartnerHub.Core.Programs;

/// <summary>
/// The program's <c>qualification</c> section (phase 1, "Qualification Criteria"): the weighted criteria a prospect is
/// scored on, 1 to 5 each, and the fit score (0–100) a prospect of each category needs to be qualified.
/// <see cref="RevenueCriterion"/> is the criterion the opportunity matrix uses as its revenue-potential axis.
/// </summary>
public sealed record QualificationPolicy(
    IReadOnlyList<QualificationCriterion> Criteria,
    int DefaultThreshold,
    IReadOnlyDictionary<string, int> ThresholdByCategory,
    string RevenueCriterion)
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    /// <summary>The fit score a prospect of <paramref name="category"/> needs: the category's own threshold, else the default.</summary>
    public int ThresholdFor(string category) => ThresholdByCategory.TryGetValue(category, out var threshold) ? threshold : DefaultThreshold;

    public QualificationCriterion? Find(string key) => Criteria.FirstOrDefault(c => c.Key == key);
}

/// <summary>One qualification criterion with its relative weight and, optionally, what each score from 1 to 5 means.</summary>
public sealed record QualificationCriterion(string Key, string Name, string Description, int Weight, IReadOnlyDictionary<int, string> Labels);
