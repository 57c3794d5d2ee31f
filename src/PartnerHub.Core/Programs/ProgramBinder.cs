using PartnerHub.Core.Common;
using PartnerHub.Core.Programs.Yaml;

namespace PartnerHub.Core.Programs;

/// <summary>What a reference in the file points at; checked once everything is read, so order in the file does not matter.</summary>
internal enum RefKind
{
    Tier,
    Category,
    Subcategory,
    RevenueModel,
    Level,
    Track,
    Exam,
    Criterion,
    Layer,
    Channel,
    ContentType,
    DeliveryMethod,
    PerformanceCondition,
    EngagementKind,
}

/// <summary>
/// Turns a YAML tree into a <see cref="PartnerProgram"/>, reporting every problem with its position. Sections are
/// read independently (a broken tier does not hide a broken exam); cross-references are checked at the end.
/// </summary>
internal sealed partial class ProgramBinder
{
    private readonly ProblemSink _sink;
    private readonly List<(RefKind Kind, string Key, YNode Node)> _references = [];
    private readonly Dictionary<RefKind, List<string>> _defined = [];
    private int _exponent = 2;
    private Currency _currency = Currency.Usd;

    private ProgramBinder(ProblemSink sink) => _sink = sink;

    public static PartnerProgram? Bind(YNode root, ProblemSink sink)
    {
        var binder = new ProgramBinder(sink);
        var program = binder.BindRoot(root);
        binder.CheckReferences();
        return program;
    }

    private PartnerProgram? BindRoot(YNode node)
    {
        if (MapReader.From(_sink, node, "a partner program") is not { } root) return null;
        if (root.Required("format") is { } format && !(format is YScalar { Plain: true, Value: "1" }))
            _sink.Add(format, $"format: this software reads program format 1, found {format.Describe()}.");
        var name = root.Text("name") ?? "";
        var currency = Currency.Usd;
        if (root.Required("currency") is { } currencyNode && Values.Text(_sink, currencyNode) is { } code)
        {
            var parsed = Currency.Parse(code);
            if (parsed.IsSuccess) currency = parsed.Value;
            else _sink.Add(currencyNode, $"currency: {parsed.Error.Message}");
        }

        _exponent = currency.Exponent;
        _currency = currency;
        var regions = Regions(root);
        var vision = root.Map("vision") is { } v ? Vision(v) : new Vision("", []);
        var assumptions = Assumptions(root, node);
        var measurement = root.Map("measurement") is { } ms ? Measurement(ms) : null;
        var ecosystem = root.Map("ecosystem") is { } eco ? Ecosystem(eco) : null;
        var categories = Categories(root);
        var models = RevenueModels(root);
        var criteria = TierCriteria(root);
        var tiers = Tiers(root);
        var review = root.Map("tierReview") is { } tr ? TierReview(tr) : null;
        var support = root.Map("support") is { } sp ? Support(sp) : null;
        var training = root.Map("training") is { } t ? Training(t) : null;
        var exams = Exams(root);
        var certification = root.Map("certification") is { } c ? Certification(c) : null;
        var marketing = root.Map("marketing") is { } mk ? Marketing(mk) : null;
        var kpis = Kpis(root);
        var weights = root.Map("healthScore") is { } hs ? HealthWeights(hs) : [];
        var phases = root.Map("lifecycle") is { } lc ? Phases(lc) : [];
        var journeys = OnboardingJourneys.None;
        var steps = root.Map("onboarding") is { } ob ? OnboardingSteps(ob, out journeys) : [];
        var roadmap = root.Map("roadmap") is { } rm ? Roadmap(rm) : null;
        var deals = root.Map("dealRegistration") is { } dr ? DealRegistration(dr) : null;
        var relationship = root.Map("relationship", required: false) is { } rs ? Relationship(rs) : RelationshipSettings.Default;
        var qualification = root.Map("qualification", required: false) is { } q ? Qualification(q) : null;
        root.Done();

        if (measurement is null || ecosystem is null || review is null || support is null || training is null || certification is null
            || marketing is null || roadmap is null || deals is null) return null;
        return new PartnerProgram
        {
            Format = 1, Name = name, Currency = currency, Regions = regions, Vision = vision, Assumptions = assumptions,
            Measurement = measurement, Ecosystem = ecosystem, Categories = categories, RevenueModels = models, TierCriteria = criteria,
            Tiers = tiers, TierReview = review, Support = support, Training = training, Exams = exams, Certification = certification,
            Marketing = marketing, Kpis = kpis, HealthWeights = weights, Phases = phases, OnboardingSteps = steps, Roadmap = roadmap,
            DealRegistration = deals,
            Relationship = relationship,
            Qualification = qualification,
            Journeys = journeys,
        };
    }

    private List<string> Regions(MapReader root)
    {
        var regions = new List<string>();
        foreach (var (region, node) in root.TextList("regions"))
        {
            if (regions.Contains(region)) _sink.Add(node, $"Region '{region}' is listed twice.");
            else regions.Add(region);
        }

        if (regions.Count == 0 && root.Get("regions") is { } n) _sink.Add(n, "regions: list at least one region.");
        return regions;
    }

    private static Vision Vision(MapReader map)
    {
        var vision = new Vision(map.Text("mission") ?? "", map.NamedTexts("philosophy"));
        map.Done();
        return vision;
    }

    private List<Assumption> Assumptions(MapReader root, YNode tree)
    {
        var result = new List<Assumption>();
        if (root.Get("assumptions") is not { } node) return result;
        if (node is not YSequence seq)
        {
            _sink.Add(node, $"assumptions: expected a list of {{ path, note }}, found {node.Describe()}.");
            return result;
        }

        foreach (var item in seq.Items)
        {
            if (MapReader.From(_sink, item, "an assumption { path, note }") is not { } m) continue;
            var path = m.Text("path");
            var note = m.Text("note");
            m.Done();
            if (path is null || note is null) continue;
            if (Find(tree, path) is null) _sink.Add(m.Get("path")!, $"assumptions: the path '{path}' does not exist in this file.");
            result.Add(new Assumption(path, note));
        }

        return result;
    }

    /// <summary>Follows a dotted path ("tiers.strategic.ratings", "roadmap.years[0]") through the tree.</summary>
    internal static YNode? Find(YNode root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.'))
        {
            var name = part;
            var index = -1;
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0 && part.EndsWith(']') && int.TryParse(part.AsSpan(bracket + 1, part.Length - bracket - 2), out var i))
                (name, index) = (part[..bracket], i);
            if (node is not YMapping map) return null;
            node = map.Entries.FirstOrDefault(e => e.Key.Value == name).Value;
            if (index >= 0) node = node is YSequence seq && index < seq.Items.Count ? seq.Items[index] : null;
            if (node is null) return null;
        }

        return node;
    }

    private CountRange Range(MapReader map, string key)
    {
        if (map.Map(key) is not { } range) return default;
        var min = range.Int("min", 0, 1_000_000);
        var max = range.Int("max", 0, 1_000_000);
        range.Done();
        if (min > max) _sink.Add(range.Node, $"{range.Path}: min {min} is greater than max {max}.");
        return new CountRange(min ?? 0, max ?? 0);
    }

    private T? Choice<T>(MapReader map, string key, IReadOnlyDictionary<string, T> allowed, bool required = true) where T : struct
    {
        if ((required ? map.Required(key) : map.Get(key)) is not { } node || Values.Text(_sink, node) is not { } text) return null;
        if (allowed.TryGetValue(text, out var value)) return value;
        _sink.Add(node, $"{node.Path}: '{YScalar.Shorten(text)}' is not allowed{Suggest.Closest(text, allowed.Keys)}");
        return null;
    }

    private void Define(RefKind kind, string key, YNode node)
    {
        if (!_defined.TryGetValue(kind, out var keys)) _defined[kind] = keys = [];
        if (keys.Contains(key)) _sink.Add(node, $"{Describe(kind)} '{key}' is defined twice.");
        else keys.Add(key);
    }

    private void Refer(RefKind kind, string key, YNode node) => _references.Add((kind, key, node));

    private void CheckReferences()
    {
        foreach (var (kind, key, node) in _references)
        {
            var keys = _defined.GetValueOrDefault(kind) ?? [];
            if (keys.Contains(key)) continue;
            var where = node.Path.Length == 0 ? "" : $"{node.Path}: ";
            _sink.Add(node, keys.Count == 0
                ? $"{where}unknown {Describe(kind)} '{key}'; the file defines none."
                : $"{where}unknown {Describe(kind)} '{key}'{Suggest.Closest(key, keys)}");
        }
    }

    private static string Describe(RefKind kind) => kind switch
    {
        RefKind.Tier => "tier",
        RefKind.Category => "category",
        RefKind.Subcategory => "subcategory",
        RefKind.RevenueModel => "revenue model",
        RefKind.Level => "certification level",
        RefKind.Track => "training track",
        RefKind.Exam => "exam",
        RefKind.Criterion => "tier criterion",
        RefKind.Layer => "ecosystem layer",
        RefKind.Channel => "support channel",
        RefKind.ContentType => "training content type",
        RefKind.DeliveryMethod => "training delivery method",
        RefKind.PerformanceCondition => "performance condition",
        RefKind.EngagementKind => "engagement kind",
        _ => kind.ToString(),
    };
}
