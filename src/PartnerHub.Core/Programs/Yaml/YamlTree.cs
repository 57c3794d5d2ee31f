namespace PartnerHub.Core.Programs.Yaml;

/// <summary>A 1-based line and column in the source text.</summary>
internal readonly record struct Position(int Line, int Column);

/// <summary>A YAML node with where it starts and its dotted path from the root ("tiers.strategic.revenue.min").</summary>
internal abstract class YNode(Position start, string path)
{
    public Position Start { get; } = start;

    /// <summary>Set when the node is placed in its parent; containers are created before their key is known.</summary>
    public string Path { get; set; } = path;

    public abstract string Describe();
}

internal sealed class YScalar(Position start, string path, string value, bool plain) : YNode(start, path)
{
    public string Value { get; } = value;

    /// <summary>Unquoted: only plain scalars can mean null, numbers or booleans.</summary>
    public bool Plain { get; } = plain;

    public bool IsNull => Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "nothing" : $"'{Shorten(Value)}'";

    internal static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}

internal sealed class YSequence(Position start, string path) : YNode(start, path)
{
    public List<YNode> Items { get; } = [];

    public override string Describe() => "a list";
}

internal sealed class YMapping(Position start, string path) : YNode(start, path)
{
    public List<KeyValuePair<YScalar, YNode>> Entries { get; } = [];

    public override string Describe() => "a mapping";
}
