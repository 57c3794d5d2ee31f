using PartnerHub.Core.Programs.Yaml;

namespace PartnerHub.Core.Programs;

internal sealed partial class ProgramBinder
{
    private static readonly string[] Quarters = ["q1", "q2", "q3", "q4"];

    /// <summary>A roadmap year's <c>goals</c>: key → { title, by, metric, target, and the metric's filters }.</summary>
    private List<RoadmapGoal> RoadmapGoals(MapReader year)
    {
        var goals = new List<RoadmapGoal>();
        foreach (var (key, _, node) in year.Keyed("goals", required: false))
        {
            if (MapReader.From(_sink, node, $"roadmap goal '{key}'") is not { } goal) continue;
            var title = goal.Text("title") ?? "";
            var by = goal.Text("by");
            if (by is not null && !Quarters.Contains(by)) _sink.Add(goal.Get("by")!, $"{goal.Path}.by: '{YScalar.Shorten(by)}' is not a quarter; use q1, q2, q3, q4.");
            var metric = Metric(goal);
            var target = goal.Decimal("target", 0, 1_000_000_000_000m, metric is RoadmapMetric.PartnerRevenue or RoadmapMetric.ProgramKpi ? 2 : 0, "a target");
            var filtered = new RoadmapGoal(key, title, by ?? "q4", metric ?? RoadmapMetric.ActivePartners, target ?? 0)
            {
                Category = Filter(goal, "category", RefKind.Category),
                Subcategory = Filter(goal, "subcategory", RefKind.Subcategory),
                Tier = Filter(goal, "tier", RefKind.Tier),
                Level = Filter(goal, "level", RefKind.Level),
                Kpi = goal.Text("kpi", required: false),
            };
            goal.Done();
            if (metric is { } m) CheckFilters(goal, m, filtered);
            goals.Add(filtered);
        }

        return goals;
    }

    private RoadmapMetric? Metric(MapReader goal)
    {
        if (goal.Required("metric") is not { } node || Values.Text(_sink, node) is not { } text) return null;
        if (RoadmapGoal.Metrics.TryGetValue(text, out var metric)) return metric;
        _sink.Add(node, $"{node.Path}: '{YScalar.Shorten(text)}' is not a metric PartnerHub measures; use one of {string.Join(", ", RoadmapGoal.Metrics.Keys)}{Suggest.Closest(text, RoadmapGoal.Metrics.Keys)}");
        return null;
    }

    private string? Filter(MapReader goal, string key, RefKind kind)
    {
        var value = goal.Text(key, required: false);
        if (value is not null) Refer(kind, value, goal.Get(key)!);
        return value;
    }

    /// <summary>Each metric takes the filters it can measure by, and needs its own (a level, a KPI).</summary>
    private void CheckFilters(MapReader goal, RoadmapMetric metric, RoadmapGoal g)
    {
        string[] allowed = metric switch
        {
            RoadmapMetric.ActivePartners => ["category", "subcategory", "tier"],
            RoadmapMetric.Regions => ["category", "subcategory"],
            RoadmapMetric.PartnerRevenue => ["category", "subcategory"],
            RoadmapMetric.CertifiedPartners => ["category", "subcategory", "level"],
            _ => ["kpi"],
        };
        var given = new (string Key, string? Value)[] { ("category", g.Category), ("subcategory", g.Subcategory), ("tier", g.Tier), ("level", g.Level), ("kpi", g.Kpi) };
        foreach (var (key, _) in given.Where(f => f.Value is not null && !allowed.Contains(f.Key)))
            _sink.Add(goal.Get(key)!, $"{goal.Path}.{key}: metric '{g.MetricKey}' does not take '{key}'; it takes {string.Join(", ", allowed)}.");
        if (g.Category is not null && g.Subcategory is not null)
            _sink.Add(goal.Get("subcategory")!, $"{goal.Path}: give a category or a subcategory, not both (a subcategory names its category).");
        if (metric == RoadmapMetric.CertifiedPartners && g.Level is null)
            _sink.Add(goal.Node, $"{goal.Path}: metric 'certified-partners' needs 'level', the certification level counted.");
        if (metric == RoadmapMetric.ProgramKpi && g.Kpi is not { } kpi)
            _sink.Add(goal.Node, $"{goal.Path}: metric 'program-kpi' needs 'kpi', one of {string.Join(", ", RoadmapGoal.ProgramKpis)}.");
        else if (metric == RoadmapMetric.ProgramKpi && !RoadmapGoal.ProgramKpis.Contains(g.Kpi))
            _sink.Add(goal.Get("kpi")!, $"{goal.Path}.kpi: '{YScalar.Shorten(g.Kpi!)}' is not a program KPI; use one of {string.Join(", ", RoadmapGoal.ProgramKpis)}{Suggest.Closest(g.Kpi!, RoadmapGoal.ProgramKpis)}");
    }
}
