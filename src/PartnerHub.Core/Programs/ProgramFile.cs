using PartnerHub.Core.Programs.Yaml;

namespace PartnerHub.Core.Programs;

/// <summary>Reads a program file (docs/program-format.md). Pure: takes the text, never the file system.</summary>
public static class ProgramFile
{
    /// <summary>
    /// Parses and validates <paramref name="yaml"/>. Returns the program only when there are no problems; otherwise every
    /// problem found, each with <paramref name="sourceName"/>:line:column. Never throws for any input text.
    /// </summary>
    public static ProgramParseResult Parse(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var sink = new ProblemSink(sourceName);
        var tree = YamlLoader.Load(yaml, sink);
        var program = tree is null ? null : ProgramBinder.Bind(tree, sink);
        var problems = sink.Problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ThenBy(p => p.Message, StringComparer.Ordinal).ToArray();
        return new ProgramParseResult(problems.Length == 0 ? program : null, problems);
    }
}
