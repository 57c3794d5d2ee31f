namespace PartnerHub.Core.Programs.Yaml;

/// <summary>Collects every problem of one file, so an editor sees all of them at once.</summary>
internal sealed class ProblemSink(string source)
{
    public List<ProgramProblem> Problems { get; } = [];

    public void Add(Position at, string path, string message) => Problems.Add(new ProgramProblem(source, at.Line, at.Column, path, message));

    public void Add(YNode node, string message) => Add(node.Start, node.Path, message);
}
