using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PartnerHub.Core.Programs.Yaml;

/// <summary>
/// Builds a <see cref="YNode"/> tree from YAML text with positions, refusing what a program file never needs and
/// an attacker could abuse: anchors and aliases (expansion bombs), tags, several documents, deep nesting, huge input.
/// Never throws: a syntax error becomes a problem at the parser's position and the tree is discarded.
/// </summary>
internal static class YamlLoader
{
    public const int MaxChars = 1_000_000;
    public const int MaxDepth = 32;
    public const int MaxNodes = 100_000;
    private const int MaxCharacterProblems = 10;

    public static YNode? Load(string text, ProblemSink sink)
    {
        if (text.Length > MaxChars)
        {
            sink.Add(new Position(1, 1), "", string.Create(CultureInfo.InvariantCulture,
                $"The file has {text.Length:N0} characters; a program file may have at most {MaxChars:N0}."));
            return null;
        }

        if (!CharactersAreClean(text, sink)) return null;
        if (string.IsNullOrWhiteSpace(text))
        {
            sink.Add(new Position(1, 1), "", "The file is empty; a program file is a YAML mapping starting with 'format: 1'.");
            return null;
        }

        var builder = new Builder(sink);
        var parser = new Parser(new StringReader(text));
        var last = new Position(1, 1);
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = ToPosition(current.End);
                if (!builder.Accept(current)) return null;
            }
        }
        catch (YamlException e)
        {
            var at = e.Start.Line > 0 ? ToPosition(e.Start) : last;
            sink.Add(at, "", "YAML syntax error: " + e.Message.TrimEnd('.') + ".");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet throws these without a position for some malformed flow collections; the last good event is the best position we have.
            sink.Add(last, "", "YAML syntax error near here: an unclosed '[' or '{', or text the parser could not read.");
            return null;
        }

        if (builder.Root is null) sink.Add(new Position(1, 1), "", "The file has no content (only comments); a program file is a YAML mapping starting with 'format: 1'.");
        return builder.Root;
    }

    private static Position ToPosition(Mark mark) => new(Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));

    /// <summary>Control characters mean a binary or corrupted file; tabs in indentation are a classic YAML mistake worth an exact position.</summary>
    private static bool CharactersAreClean(string text, ProblemSink sink)
    {
        int line = 1, column = 1, found = 0;
        var atLineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? problem = null;
            if (c == '\t' && atLineStart) problem = "A tab in indentation; YAML indents with spaces.";
            else if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                problem = string.Create(CultureInfo.InvariantCulture, $"Control character U+{(int)c:X4}; is this a binary file?");
            else if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                     && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])))
                problem = "An unpaired surrogate character; the file is not valid text.";

            if (problem is not null)
            {
                if (++found <= MaxCharacterProblems) sink.Add(new Position(line, column), "", problem);
            }

            if (c == '\n') { line++; column = 1; atLineStart = true; }
            else { column++; if (c is not (' ' or '\t' or '\r')) atLineStart = false; }
        }

        if (found > MaxCharacterProblems)
            sink.Add(new Position(line, column), "", string.Create(CultureInfo.InvariantCulture,
                $"…and {found - MaxCharacterProblems:N0} more such characters."));
        return found == 0;
    }

    /// <summary>Turns parser events into nodes, one container per stack frame.</summary>
    private sealed class Builder(ProblemSink sink)
    {
        // A marker, compared by reference, for a key that was a list or mapping (already reported).
        private static readonly string ComplexKey = new('\0', 1);
        private readonly Stack<YNode> _open = new();
        private YScalar? _pendingKey;
        private int _documents;
        private int _nodes;

        public YNode? Root { get; private set; }

        public bool Accept(ParsingEvent e)
        {
            switch (e)
            {
                case DocumentStart ds when !ds.IsImplicit || _documents > 0:
                    if (++_documents > 1)
                    {
                        sink.Add(ToPosition(e.Start), "", "A second YAML document ('---'); a program file holds exactly one.");
                        return false;
                    }

                    return true;
                case DocumentStart:
                    _documents++;
                    return true;
                case AnchorAlias alias:
                    sink.Add(ToPosition(e.Start), "", $"An alias (*{alias.Value}); anchors and aliases are not allowed in program files, write the value out.");
                    return Add(new YScalar(ToPosition(e.Start), "", "", plain: true));
                case NodeEvent node when !node.Anchor.IsEmpty:
                    sink.Add(ToPosition(e.Start), "", $"An anchor (&{node.Anchor}); anchors and aliases are not allowed in program files.");
                    return AcceptNode(node);
                case NodeEvent node:
                    return AcceptNode(node);
                case MappingEnd or SequenceEnd:
                    _open.Pop();
                    return true;
                default:
                    return true;
            }
        }

        private bool AcceptNode(NodeEvent e)
        {
            var at = ToPosition(e.Start);
            if (!e.Tag.IsEmpty && !e.Tag.IsNonSpecific)
                sink.Add(at, "", $"A YAML tag ({e.Tag}); tags are not used in program files, remove it.");
            if (++_nodes > MaxNodes)
            {
                sink.Add(at, "", string.Create(CultureInfo.InvariantCulture, $"More than {MaxNodes:N0} values; a program file is far smaller."));
                return false;
            }

            return e switch
            {
                Scalar s => Add(new YScalar(at, "", s.Value, s.Style is ScalarStyle.Plain or ScalarStyle.Any)),
                MappingStart => Open(new YMapping(at, "")),
                SequenceStart => Open(new YSequence(at, "")),
                _ => true,
            };
        }

        private bool Open(YNode container)
        {
            if (_open.Count >= MaxDepth)
            {
                sink.Add(container.Start, "", $"Nested more than {MaxDepth} levels deep; a program file never needs that.");
                return false;
            }

            if (!Add(container)) return false;
            _open.Push(container);
            return true;
        }

        /// <summary>Attaches a node to the open container, giving it its path; a mapping alternates keys and values.</summary>
        private bool Add(YNode node)
        {
            if (_open.Count == 0)
            {
                Root = node;
                return true;
            }

            switch (_open.Peek())
            {
                case YSequence seq:
                    node.Path = string.Create(CultureInfo.InvariantCulture, $"{seq.Path}[{seq.Items.Count}]");
                    seq.Items.Add(node);
                    return true;
                case YMapping map when _pendingKey is null:
                    if (node is not YScalar key)
                    {
                        sink.Add(node.Start, map.Path, "A key must be plain text, not a list or mapping.");
                        _pendingKey = new YScalar(node.Start, map.Path, ComplexKey, plain: false);
                        return true;
                    }

                    _pendingKey = key;
                    return true;
                case YMapping map:
                    var pending = _pendingKey;
                    _pendingKey = null;
                    node.Path = map.Path.Length == 0 ? pending.Value : $"{map.Path}.{pending.Value}";
                    pending.Path = node.Path;
                    if (ReferenceEquals(pending.Value, ComplexKey)) return true;
                    var first = map.Entries.FindIndex(kv => kv.Key.Value == pending.Value);
                    if (first >= 0)
                    {
                        var f = map.Entries[first].Key.Start;
                        sink.Add(pending.Start, node.Path, string.Create(CultureInfo.InvariantCulture,
                            $"Duplicate key '{pending.Value}' (first at line {f.Line}, column {f.Column})."));
                        return true;
                    }

                    map.Entries.Add(new(pending, node));
                    return true;
                default:
                    return true;
            }
        }
    }
}
