namespace PartnerHub.Core.Programs.Yaml;

/// <summary>
/// Reads one YAML mapping. Every key the binder asks for becomes "known"; <see cref="Done"/> reports the keys nobody
/// asked for as unknown, with the closest known key, so a typo cannot be silently ignored.
/// </summary>
internal sealed class MapReader
{
    private readonly List<string> _known = [];
    private readonly List<string> _missing = [];

    private MapReader(ProblemSink sink, YMapping node)
    {
        Sink = sink;
        Node = node;
    }

    public ProblemSink Sink { get; }

    public YMapping Node { get; }

    public string Path => Node.Path;

    public static MapReader? From(ProblemSink sink, YNode? node, string what)
    {
        if (node is null) return null;
        if (node is YMapping map) return new MapReader(sink, map);
        sink.Add(node, $"{Where(node)}expected {what} (a mapping of keys to values), found {node.Describe()}.");
        return null;
    }

    public YNode? Get(string key)
    {
        if (!_known.Contains(key)) _known.Add(key);
        foreach (var (k, v) in Node.Entries)
            if (k.Value == key) return v is YScalar { IsNull: true } ? null : v;
        return null;
    }

    public YNode? Required(string key)
    {
        var node = Get(key);
        if (node is null && !_missing.Contains(key)) _missing.Add(key);
        return node;
    }

    public string? Text(string key, bool required = true) => (required ? Required(key) : Get(key)) is { } n ? Values.Text(Sink, n) : null;

    public int? Int(string key, int min, int max, bool required = true) =>
        (required ? Required(key) : Get(key)) is { } n ? Values.Int(Sink, n, min, max) : null;

    public decimal? Percent(string key, bool required = true) => (required ? Required(key) : Get(key)) is { } n ? Values.Percent(Sink, n) : null;

    public decimal? Decimal(string key, decimal min, decimal max, int decimals, string what, bool required = true) =>
        (required ? Required(key) : Get(key)) is { } n ? Values.Decimal(Sink, n, min, max, decimals, what) : null;

    public long? Money(string key, int exponent, bool required = true) =>
        (required ? Required(key) : Get(key)) is { } n ? Values.Money(Sink, n, exponent) : null;

    public bool? Bool(string key, bool required = true) => (required ? Required(key) : Get(key)) is { } n ? Values.Bool(Sink, n) : null;

    public DateOnly? Date(string key, bool required = true) => (required ? Required(key) : Get(key)) is { } n ? Values.Date(Sink, n) : null;

    public MapReader? Map(string key, bool required = true) =>
        From(Sink, required ? Required(key) : Get(key), $"'{key}'");

    /// <summary>A list of text values; a single value where a list is expected is reported, not guessed.</summary>
    public List<(string Value, YNode Node)> TextList(string key, bool required = true)
    {
        var result = new List<(string, YNode)>();
        var node = required ? Required(key) : Get(key);
        if (node is null) return result;
        if (node is not YSequence seq)
        {
            Sink.Add(node, $"{node.Path}: expected a list like [a, b], found {node.Describe()}.");
            return result;
        }

        foreach (var item in seq.Items)
            if (Values.Text(Sink, item) is { } text) result.Add((text, item));
        return result;
    }

    /// <summary>The entries of a mapping keyed by program keys ("ai-ml-platforms: {...}"), checking each key's form.</summary>
    public List<(string Key, YScalar KeyNode, YNode Node)> Keyed(string key, bool required = true)
    {
        var result = new List<(string, YScalar, YNode)>();
        if (Map(key, required) is not { } map) return result;
        foreach (var (k, v) in map.Node.Entries)
        {
            if (!Values.IsKey(k.Value))
                Sink.Add(k, $"'{YScalar.Shorten(k.Value)}' in {map.Path} is not a valid key; use lower-case letters, digits and hyphens (like 'ai-ml-platforms').");
            else result.Add((k.Value, k, v));
        }

        return result;
    }

    /// <summary>A mapping of free names to one line of text ("API Access: Priority access to new models").</summary>
    public List<NamedText> NamedTexts(string key, bool required = true)
    {
        var result = new List<NamedText>();
        if (Map(key, required) is not { } map) return result;
        foreach (var (k, v) in map.Node.Entries)
            if (Values.Text(Sink, v) is { } text) result.Add(new NamedText(k.Value, text));
        return result;
    }

    /// <summary>Reports missing required keys (as one problem, so a stray file does not bury the reader) and unknown keys.</summary>
    public void Done()
    {
        var where = Path.Length == 0 ? "" : $" in {Path}";
        if (_missing.Count == 1) Sink.Add(Node, $"Missing required key '{_missing[0]}'{where}.");
        else if (_missing.Count > 1) Sink.Add(Node, $"Missing required keys{where}: {string.Join(", ", _missing)}.");
        _missing.Clear();
        foreach (var (k, _) in Node.Entries)
            if (!_known.Contains(k.Value))
                Sink.Add(k, $"Unknown key '{YScalar.Shorten(k.Value)}'{(Path.Length == 0 ? "" : $" in {Path}")}{Suggest.Closest(k.Value, _known)}");
    }

    private static string Where(YNode node) => node.Path.Length == 0 ? "The file: " : $"{node.Path}: ";
}
