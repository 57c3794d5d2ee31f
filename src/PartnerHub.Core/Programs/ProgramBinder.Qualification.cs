using System.Globalization;
using PartnerHub.Core.Programs.Yaml;

namespace PartnerHub.Core.Programs;

internal sealed partial class ProgramBinder
{
    private const int MaxWeight = 1000;

    /// <summary>
    /// The <c>qualification</c> section: criteria keyed by name with a positive weight and optional labels for scores
    /// 1–5, a default pass threshold and per-category thresholds (0–100 fit score), and the criterion that is the
    /// matrix's revenue-potential axis.
    /// </summary>
    private QualificationPolicy? Qualification(MapReader map)
    {
        var criteria = new List<QualificationCriterion>();
        foreach (var (key, _, node) in map.Keyed("criteria"))
        {
            if (MapReader.From(_sink, node, $"qualification criterion '{key}'") is not { } c) continue;
            var name = c.Text("name") ?? "";
            var description = c.Text("description", required: false) ?? "";
            var weight = c.Int("weight", 1, MaxWeight);
            var labels = c.Get("labels") is { } labelsNode ? ScoreLabels(labelsNode) : new Dictionary<int, string>();
            c.Done();
            if (weight is { } w) criteria.Add(new QualificationCriterion(key, name, description, w, labels));
        }

        if (criteria.Count == 0 && map.Get("criteria") is { } none) _sink.Add(none, $"{none.Path}: define at least one criterion.");

        int defaultThreshold = 0;
        var byCategory = new Dictionary<string, int>(StringComparer.Ordinal);
        if (map.Map("passThreshold") is { } thresholds)
        {
            defaultThreshold = thresholds.Int("default", 0, 100) ?? 0;
            foreach (var (category, categoryNode, valueNode) in thresholds.Keyed("byCategory", required: false))
            {
                Refer(RefKind.Category, category, categoryNode);
                if (Values.Int(_sink, valueNode, 0, 100) is { } threshold) byCategory[category] = threshold;
            }

            thresholds.Done();
        }

        // The opportunity matrix places prospects by fit × revenue potential, so one criterion must be that axis.
        var revenue = map.Text("revenueCriterion") ?? "";
        if (map.Get("revenueCriterion") is { } revenueNode && revenue.Length > 0 && criteria.Count > 0 && criteria.All(c => c.Key != revenue))
            _sink.Add(revenueNode, $"{revenueNode.Path}: '{revenue}' is not one of the criteria{Suggest.Closest(revenue, criteria.Select(c => c.Key).ToList())}");
        map.Done();
        return new QualificationPolicy(criteria, defaultThreshold, byCategory, revenue);
    }

    private Dictionary<int, string> ScoreLabels(YNode node)
    {
        var labels = new Dictionary<int, string>();
        if (MapReader.From(_sink, node, "labels for scores 1 to 5") is not { } map) return labels;
        foreach (var (key, value) in map.Node.Entries)
        {
            if (!int.TryParse(key.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var score)
                || score is < QualificationPolicy.MinScore or > QualificationPolicy.MaxScore)
            {
                _sink.Add(key, $"{map.Path}: '{YScalar.Shorten(key.Value)}' is not a score; label the scores 1 to 5.");
                continue;
            }

            if (Values.Text(_sink, value) is { } text) labels[score] = text;
        }

        return labels;
    }
}
