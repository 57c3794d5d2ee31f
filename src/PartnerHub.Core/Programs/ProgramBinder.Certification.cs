using PartnerHub.Core.Programs.Yaml;

namespace PartnerHub.Core.Programs;

internal sealed partial class ProgramBinder
{
    private static readonly Dictionary<string, TargetMetric> Metrics = new(StringComparer.Ordinal)
    {
        ["revenue"] = TargetMetric.Revenue,
        ["growth"] = TargetMetric.Growth,
        ["satisfaction"] = TargetMetric.Satisfaction,
        ["retention"] = TargetMetric.Retention,
        ["advocacy"] = TargetMetric.Advocacy,
    };

    private TrainingCatalog Training(MapReader map)
    {
        var contentTypes = DefinedTexts(map, "contentTypes", RefKind.ContentType);
        var delivery = DefinedTexts(map, "deliveryMethods", RefKind.DeliveryMethod);
        var tracks = new List<TrainingTrack>();
        foreach (var (key, keyNode, node) in map.Keyed("tracks"))
        {
            Define(RefKind.Track, key, keyNode);
            if (MapReader.From(_sink, node, $"training track '{key}'") is not { } track) continue;
            var name = track.Text("name") ?? "";
            var contentType = track.Text("contentType") ?? "";
            if (track.Get("contentType") is { } ctNode && contentType.Length > 0) Refer(RefKind.ContentType, contentType, ctNode);
            var methods = new List<string>();
            foreach (var (method, methodNode) in track.TextList("delivery"))
            {
                Refer(RefKind.DeliveryMethod, method, methodNode);
                methods.Add(method);
            }

            var (modules, exam) = Course(track);
            track.Done();
            tracks.Add(new TrainingTrack(key, name, contentType, methods) { Modules = modules, Exam = exam });
        }

        map.Done();
        return new TrainingCatalog(contentTypes, delivery, tracks);
    }

    private List<NamedText> DefinedTexts(MapReader map, string key, RefKind kind)
    {
        var result = new List<NamedText>();
        foreach (var (k, keyNode, node) in map.Keyed(key))
        {
            Define(kind, k, keyNode);
            if (Values.Text(_sink, node) is { } text) result.Add(new NamedText(k, text));
        }

        return result;
    }

    private List<Exam> Exams(MapReader root)
    {
        var exams = new List<Exam>();
        foreach (var (key, keyNode, node) in root.Keyed("exams"))
        {
            Define(RefKind.Exam, key, keyNode);
            if (MapReader.From(_sink, node, $"exam '{key}'") is not { } map) continue;
            var exam = new Exam(key, map.Text("name") ?? "", map.Int("passMark", 0, 100) ?? 0);
            exams.Add(exam with { MaxAttempts = map.Int("maxAttempts", 1, 100, required: false) ?? 3, Questions = Questions(map, key) });
            map.Done();
        }

        return exams;
    }

    private CertificationProgram Certification(MapReader map)
    {
        var conditions = new List<PerformanceCondition>();
        foreach (var (key, keyNode, node) in map.Keyed("performanceConditions"))
        {
            Define(RefKind.PerformanceCondition, key, keyNode);
            if (MapReader.From(_sink, node, $"performance condition '{key}'") is { } condition) conditions.Add(Condition(key, condition));
        }

        var levels = new List<CertificationLevel>();
        var prerequisiteNodes = new Dictionary<string, YNode>(StringComparer.Ordinal);
        foreach (var (key, keyNode, node) in map.Keyed("levels"))
        {
            Define(RefKind.Level, key, keyNode);
            if (MapReader.From(_sink, node, $"certification level '{key}'") is not { } level) continue;
            levels.Add(Level(key, level));
            if (level.Get("prerequisite") is { } p) prerequisiteNodes[key] = p;
        }

        var awarding = Choice(map, "awarding", Awardings, required: false) ?? CertificationAwarding.Automatic;
        map.Done();
        if (levels.Count > MaxTiers && map.Get("levels") is { } many) _sink.Add(many, $"{many.Path}: at most {MaxTiers} certification levels.");
        return new CertificationProgram(conditions, Ladder(levels, prerequisiteNodes, map.Node)) { Awarding = awarding };
    }

    private PerformanceCondition Condition(string key, MapReader map)
    {
        var description = map.Text("description") ?? "";
        var reference = TargetReference.OwnTier;
        string? tier = null;
        if (map.Required("reference") is { } refNode && Values.Text(_sink, refNode) is { } text)
        {
            switch (text)
            {
                case "own-tier": reference = TargetReference.OwnTier; break;
                case "top-tier": reference = TargetReference.TopTier; break;
                default:
                    (reference, tier) = (TargetReference.NamedTier, text);
                    Refer(RefKind.Tier, text, refNode);
                    break;
            }
        }

        var metrics = new List<TargetMetric>();
        foreach (var (metric, node) in map.TextList("metrics"))
        {
            if (!Metrics.TryGetValue(metric, out var m)) _sink.Add(node, $"{node.Path}: unknown metric '{metric}'{Suggest.Closest(metric, Metrics.Keys)}");
            else if (metrics.Contains(m)) _sink.Add(node, $"{node.Path}: '{metric}' is listed twice.");
            else metrics.Add(m);
        }

        if (metrics.Count == 0 && map.Get("metrics") is { } empty) _sink.Add(empty, $"{empty.Path}: list at least one metric.");
        var atLeast = map.Int("atLeast", 1, 5, required: false) ?? metrics.Count;
        if (atLeast > metrics.Count && metrics.Count > 0 && map.Get("atLeast") is { } atLeastNode)
            _sink.Add(atLeastNode, $"{atLeastNode.Path}: {atLeast} is more than the {metrics.Count} metrics listed.");
        map.Done();
        return new PerformanceCondition(key, description, reference, tier, metrics, Math.Min(atLeast, Math.Max(1, metrics.Count)));
    }

    private CertificationLevel Level(string key, MapReader map)
    {
        var name = map.Text("name") ?? "";
        var prerequisite = map.Text("prerequisite", required: false);
        if (prerequisite is not null) Refer(RefKind.Level, prerequisite, map.Get("prerequisite")!);
        var tracks = new List<string>();
        foreach (var (track, node) in map.TextList("tracks"))
        {
            Refer(RefKind.Track, track, node);
            tracks.Add(track);
        }

        var exam = map.Text("exam") ?? "";
        if (map.Get("exam") is { } examNode && exam.Length > 0) Refer(RefKind.Exam, exam, examNode);
        var minMonths = map.Int("minMonths", 0, 600) ?? 0;
        var performance = map.Text("performance") ?? "";
        if (map.Get("performance") is { } perfNode && performance.Length > 0) Refer(RefKind.PerformanceCondition, performance, perfNode);
        var commitment = map.Bool("annualCommitment") ?? false;
        var validity = map.Int("validityMonths", 1, 120) ?? 12;
        var renewalWindow = map.Int("renewalWindowDays", 0, 366) ?? 0;
        var benefits = map.NamedTexts("benefits");
        map.Done();
        return new CertificationLevel
        {
            Key = key, Name = name, Prerequisite = prerequisite, Tracks = tracks, Exam = exam, MinMonths = minMonths, Performance = performance,
            AnnualCommitment = commitment, ValidityMonths = validity, RenewalWindowDays = renewalWindow, Benefits = benefits,
        };
    }

    /// <summary>
    /// Levels form one ladder: a single entry level, each other level requiring the one below. Returned lowest first.
    /// A cycle or a fork is reported where it starts.
    /// </summary>
    private List<CertificationLevel> Ladder(List<CertificationLevel> levels, Dictionary<string, YNode> prerequisiteNodes, YNode section)
    {
        var byKey = levels.ToDictionary(l => l.Key, StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var level in levels)
        {
            var seen = new List<string> { level.Key };
            var current = level;
            while (current.Prerequisite is { } p && byKey.TryGetValue(p, out var next))
            {
                if (seen.Contains(p))
                {
                    var cycle = seen[seen.IndexOf(p)..];
                    if (cycle.Any(reported.Contains)) break;
                    reported.UnionWith(cycle);
                    var at = prerequisiteNodes[current.Key];
                    _sink.Add(at, $"{at.Path}: certification prerequisites form a cycle: {string.Join(" → ", cycle)} → {p} (each requires the next).");
                    break;
                }

                seen.Add(p);
                current = next;
            }
        }

        if (reported.Count > 0) return levels;
        foreach (var group in levels.Where(l => l.Prerequisite is not null).GroupBy(l => l.Prerequisite!, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var second = group.Skip(1).First();
            var at = prerequisiteNodes[second.Key];
            _sink.Add(at, $"{at.Path}: {string.Join(" and ", group.Select(l => l.Key))} both require {group.Key}; levels form a single ladder.");
            return levels;
        }

        var roots = levels.Where(l => l.Prerequisite is null).ToList();
        if (levels.Count > 0 && roots.Count != 1)
        {
            _sink.Add(section, $"{section.Path}.levels: exactly one level has no prerequisite (the entry level); found {roots.Count}.");
            return levels;
        }

        var ladder = new List<CertificationLevel>();
        for (var level = roots.FirstOrDefault(); level is not null; level = levels.FirstOrDefault(l => l.Prerequisite == level.Key))
            ladder.Add(level);
        return ladder;
    }
}
