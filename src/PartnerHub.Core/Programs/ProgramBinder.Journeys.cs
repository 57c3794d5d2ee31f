using PartnerHub.Core.Programs.Yaml;

namespace PartnerHub.Core.Programs;

internal sealed partial class ProgramBinder
{
    /// <summary>Below the web server's default request limit (30,000,000 bytes), so an upload over the program's limit gets the field error.</summary>
    private const int MaxUploadBytes = 25 * 1024 * 1024;

    private static readonly Dictionary<string, StepOwner> Owners = new(StringComparer.Ordinal)
    {
        ["vendor"] = StepOwner.Vendor,
        ["partner"] = StepOwner.Partner,
    };

    private static readonly Dictionary<string, EvidenceKind> EvidenceKinds = new(StringComparer.Ordinal)
    {
        ["document"] = EvidenceKind.Document,
        ["integration-check"] = EvidenceKind.IntegrationCheck,
        ["training"] = EvidenceKind.Training,
        ["certification"] = EvidenceKind.Certification,
    };

    /// <summary>
    /// <c>onboarding.journeys</c> (a list of steps per category, in order) and <c>onboarding.uploads</c> (limits for document
    /// evidence). Both are optional so that older program files still load; without journeys onboarding cannot start.
    /// </summary>
    private OnboardingJourneys Journeys(MapReader onboarding)
    {
        var uploads = onboarding.Map("uploads", required: false) is { } u ? Uploads(u) : UploadLimits.Default;
        var journeys = new List<JourneyDefinition>();
        foreach (var (category, categoryNode, node) in onboarding.Keyed("journeys", required: false))
        {
            Refer(RefKind.Category, category, categoryNode);
            if (node is not YSequence seq || seq.Items.Count == 0)
            {
                _sink.Add(node, $"{node.Path}: expected a list of steps like - {{ key: agreement, title: …, owner: partner, dueDays: 0, evidence: document }}, found {node.Describe()}.");
                continue;
            }

            var steps = new List<JourneyStep>();
            foreach (var item in seq.Items)
                if (Step(item, category, steps) is { } step) steps.Add(step);
            if (steps.Count == seq.Items.Count && steps[^1].Evidence is not (EvidenceKind.Document or EvidenceKind.IntegrationCheck))
                _sink.Add(seq.Items[^1], $"{seq.Items[^1].Path}: the last step launches the partner, so someone completes it: give it evidence document or integration-check.");
            journeys.Add(new JourneyDefinition(category, steps));
        }

        return new OnboardingJourneys(journeys, uploads);
    }

    private JourneyStep? Step(YNode node, string category, List<JourneyStep> earlier)
    {
        if (MapReader.From(_sink, node, $"a step of journey '{category}'") is not { } map) return null;
        var key = map.Text("key");
        var keyNode = map.Get("key");
        var title = map.Text("title") ?? "";
        var owner = Choice(map, "owner", Owners);
        var dueDays = map.Int("dueDays", 0, 3660);
        var evidence = Choice(map, "evidence", EvidenceKinds);
        var track = map.Text("track", required: false);
        var level = map.Text("level", required: false);
        map.Done();

        var ok = key is not null && owner is not null && dueDays is not null && evidence is not null;
        if (key is not null && keyNode is not null)
        {
            if (!Values.IsKey(key)) { _sink.Add(keyNode, $"{keyNode.Path}: '{YScalar.Shorten(key)}' is not a valid key; use lower-case letters, digits and hyphens (like 'agreement')."); ok = false; }
            else if (earlier.Any(s => s.Key == key)) { _sink.Add(keyNode, $"{keyNode.Path}: step '{key}' is listed twice in journey '{category}'."); ok = false; }
        }

        // Steps are listed in the order a partner goes through them, so a step cannot be due before the one before it.
        if (dueDays is { } due && earlier.Count > 0 && due < earlier[^1].DueDays && map.Get("dueDays") is { } dueNode)
        {
            _sink.Add(dueNode, $"{dueNode.Path}: {due} is before the previous step '{earlier[^1].Key}' (day {earlier[^1].DueDays}); list steps in the order they are due.");
            ok = false;
        }

        string? reference = null;
        if (evidence is EvidenceKind.Training) reference = Reference(map, "track", track, RefKind.Track);
        else if (track is not null) ok = Misplaced(map, "track", "training");
        if (evidence is EvidenceKind.Certification) reference = Reference(map, "level", level, RefKind.Level);
        else if (level is not null) ok = Misplaced(map, "level", "certification");
        if (evidence is EvidenceKind.Training or EvidenceKind.Certification && reference is null) ok = false;

        if (evidence is EvidenceKind.IntegrationCheck && owner is StepOwner.Partner && map.Get("owner") is { } ownerNode)
        {
            _sink.Add(ownerNode, $"{ownerNode.Path}: an integration check is recorded by the vendor; make the owner vendor.");
            ok = false;
        }

        return ok ? new JourneyStep(key!, title, owner!.Value, dueDays!.Value, evidence!.Value, reference) : null;
    }

    private string? Reference(MapReader map, string key, string? value, RefKind kind)
    {
        if (value is null)
        {
            _sink.Add(map.Node, $"{map.Path}: evidence {(kind == RefKind.Track ? "training" : "certification")} needs '{key}', the {Describe(kind)} that completes the step.");
            return null;
        }

        Refer(kind, value, map.Get(key)!);
        return value;
    }

    private bool Misplaced(MapReader map, string key, string evidence)
    {
        var node = map.Get(key)!;
        _sink.Add(node, $"{node.Path}: '{key}' belongs only to steps with evidence {evidence}.");
        return false;
    }

    private UploadLimits Uploads(MapReader map)
    {
        var max = map.Int("maxBytes", 1, MaxUploadBytes) ?? UploadLimits.Default.MaxBytes;
        var types = new List<string>();
        foreach (var (type, node) in map.TextList("contentTypes"))
        {
            var slash = type.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == type.Length - 1 || type.Any(char.IsWhiteSpace) || type.Contains(';', StringComparison.Ordinal))
                _sink.Add(node, $"{node.Path}: '{YScalar.Shorten(type)}' is not a content type like application/pdf.");
            else if (types.Contains(type, StringComparer.OrdinalIgnoreCase)) _sink.Add(node, $"{node.Path}: '{type}' is listed twice.");
            else types.Add(type.ToLowerInvariant());
        }

        map.Done();
        return new UploadLimits(max, types.Count > 0 ? types : UploadLimits.Default.ContentTypes);
    }
}
