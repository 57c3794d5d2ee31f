using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs.Yaml;

namespace PartnerHub.Core.Programs;

internal sealed partial class ProgramBinder
{
    private static readonly Dictionary<string, RevenueBasis> Bases = new(StringComparer.Ordinal)
    {
        ["collected"] = RevenueBasis.Collected,
        ["invoiced"] = RevenueBasis.Invoiced,
        ["bookings"] = RevenueBasis.Bookings,
    };

    private static readonly Dictionary<string, KpiGroup> Groups = new(StringComparer.Ordinal)
    {
        ["revenue"] = KpiGroup.Revenue,
        ["performance"] = KpiGroup.Performance,
        ["quality"] = KpiGroup.Quality,
    };

    private Measurement Measurement(MapReader map)
    {
        var basis = Choice(map, "revenueBasis", Bases) ?? RevenueBasis.Collected;
        var engagement = new EngagementSettings(90, 100, new Dictionary<string, int>());
        if (map.Map("engagement") is { } e)
        {
            var points = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (kind, kindNode, node) in e.Keyed("points"))
            {
                Define(RefKind.EngagementKind, kind, kindNode);
                if (Values.Int(_sink, node, 0, 10_000) is { } p) points[kind] = p;
            }

            engagement = new EngagementSettings(e.Int("windowDays", 1, 3660) ?? 90, e.Int("fullScorePoints", 1, 1_000_000) ?? 100, points);
            e.Done();
        }

        map.Done();
        return new Measurement(basis, engagement);
    }

    private List<KpiDefinition> Kpis(MapReader root)
    {
        var kpis = new List<KpiDefinition>();
        foreach (var (key, keyNode, node) in root.Keyed("kpis"))
        {
            if (!KpiKeys.All.Contains(key))
            {
                _sink.Add(keyNode, $"kpis: the engine does not compute a KPI '{key}'{Suggest.Closest(key, KpiKeys.All)}");
                continue;
            }

            if (MapReader.From(_sink, node, $"KPI '{key}'") is not { } map) continue;
            kpis.Add(new KpiDefinition(key, map.Text("name") ?? "", Choice(map, "group", Groups) ?? KpiGroup.Revenue, map.Text("description") ?? ""));
            map.Done();
        }

        return kpis;
    }

    private List<HealthWeight> HealthWeights(MapReader map)
    {
        var weights = new List<HealthWeight>();
        foreach (var (factor, factorNode, node) in map.Keyed("weights"))
        {
            if (!HealthFactors.All.Contains(factor))
            {
                _sink.Add(factorNode, $"{factorNode.Path}: unknown health factor '{factor}'{Suggest.Closest(factor, HealthFactors.All)}");
                continue;
            }

            if (Values.Percent(_sink, node) is { } percent) weights.Add(new HealthWeight(factor, percent));
        }

        var total = weights.Sum(w => w.Percent);
        if (weights.Count > 0 && total != 100 && map.Get("weights") is { } weightsNode)
            _sink.Add(weightsNode, $"{weightsNode.Path}: the weights add up to {Display.Percent(total)}; they must add up to 100%.");
        map.Done();
        return weights;
    }

    private List<LifecyclePhase> Phases(MapReader map)
    {
        var phases = new List<LifecyclePhase>();
        var stageOwner = new Dictionary<LifecycleStage, string>();
        foreach (var (key, _, node) in map.Keyed("phases"))
        {
            if (MapReader.From(_sink, node, $"lifecycle phase '{key}'") is not { } phase) continue;
            var name = phase.Text("name") ?? "";
            var stages = new List<LifecycleStage>();
            foreach (var (text, stageNode) in phase.TextList("stages"))
            {
                if (!Lifecycle.TryParse(text, out var stage) || text != stage.Key())
                {
                    var known = System.Enum.GetValues<LifecycleStage>().Select(s => s.Key()).ToArray();
                    _sink.Add(stageNode, $"{stageNode.Path}: unknown lifecycle stage '{text}'{Suggest.Closest(text, known)}");
                }
                else if (stageOwner.TryGetValue(stage, out var owner))
                    _sink.Add(stageNode, $"{stageNode.Path}: stage '{text}' already belongs to phase '{owner}'; a stage belongs to one phase.");
                else
                {
                    stageOwner[stage] = key;
                    stages.Add(stage);
                }
            }

            phases.Add(new LifecyclePhase(key, name, stages, phase.NamedTexts("activities"), phase.NamedTexts("deliverables")));
            phase.Done();
        }

        var missing = System.Enum.GetValues<LifecycleStage>().Where(s => !stageOwner.ContainsKey(s)).Select(s => s.Key()).ToArray();
        if (phases.Count > 0 && missing.Length > 0 && map.Get("phases") is { } phasesNode)
            _sink.Add(phasesNode, $"{phasesNode.Path}: lifecycle stage{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing)} belong{(missing.Length > 1 ? "" : "s")} to no phase.");
        map.Done();
        return phases;
    }

    private List<OnboardingStep> OnboardingSteps(MapReader map, out OnboardingJourneys journeys)
    {
        journeys = Journeys(map);
        var steps = new List<OnboardingStep>();
        foreach (var (key, _, node) in map.Keyed("steps"))
        {
            if (MapReader.From(_sink, node, $"onboarding step '{key}'") is not { } step) continue;
            var name = step.Text("name") ?? "";
            var description = step.Text("description") ?? "";
            var days = step.Int("targetDays", 0, 3660) ?? 0;
            var done = step.Map("doneWhen") is { } d ? Completion(d) : new StepCompletion();
            step.Done();
            steps.Add(new OnboardingStep(key, name, description, days, done));
        }

        map.Done();
        return steps;
    }

    private StepCompletion Completion(MapReader map)
    {
        var count = map.Node.Entries.Count;
        List<string>? tracks = null;
        if (map.Get("tracks") is not null)
        {
            tracks = [];
            foreach (var (track, node) in map.TextList("tracks"))
            {
                Refer(RefKind.Track, track, node);
                tracks.Add(track);
            }
        }

        var completion = new StepCompletion(
            AgreementSigned: map.Bool("agreementSigned", required: false) ?? false,
            Engagement: map.Text("engagement", required: false),
            Tracks: tracks,
            ExamPassed: map.Text("examPassed", required: false),
            DealWon: map.Bool("dealWon", required: false) ?? false);
        if (completion.Engagement is { } kind) Refer(RefKind.EngagementKind, kind, map.Get("engagement")!);
        if (completion.ExamPassed is { } exam) Refer(RefKind.Exam, exam, map.Get("examPassed")!);
        map.Done();
        if (count != 1) _sink.Add(map.Node, $"{map.Path}: give exactly one of agreementSigned, engagement, tracks, examPassed, dealWon.");
        return completion;
    }

    private Roadmap Roadmap(MapReader map)
    {
        var startsOn = map.Date("startsOn") ?? default;
        var years = new List<RoadmapYear>();
        if (map.Required("years") is YSequence seq)
        {
            foreach (var item in seq.Items)
            {
                if (MapReader.From(_sink, item, "a roadmap year { year, theme, quarters }") is not { } year) continue;
                var number = year.Int("year", 1, 50) ?? 0;
                var theme = year.Text("theme") ?? "";
                var quarters = year.NamedTexts("quarters");
                foreach (var q in quarters.Where(q => !Quarters.Contains(q.Name)))
                    _sink.Add(Find(year.Node, $"quarters.{q.Name}") ?? year.Node, $"{year.Path}.quarters: '{q.Name}' is not a quarter; use q1, q2, q3, q4.");
                var goals = RoadmapGoals(year);
                year.Done();
                if (number != years.Count + 1) _sink.Add(item, $"{item.Path}: roadmap years are numbered 1, 2, 3… in order; expected {years.Count + 1}.");
                years.Add(new RoadmapYear(number, theme, quarters) { Goals = goals });
            }
        }
        else if (map.Get("years") is { } wrong) _sink.Add(wrong, $"{wrong.Path}: expected a list of years, found {wrong.Describe()}.");

        map.Done();
        return new Roadmap(startsOn, years);
    }

    private static DealRegistrationSettings DealRegistration(MapReader map)
    {
        var settings = new DealRegistrationSettings(
            map.Int("protectionDays", 1, 3660) ?? 90,
            map.Int("extensionDays", 0, 3660) ?? 0,
            map.Int("maxExtensions", 0, 100) ?? 0,
            map.Int("managerResponseHours", 1, 8760) ?? 48,
            map.Int("commissionHoldingDays", 0, 3660) ?? 0);
        map.Done();
        return settings;
    }
}
