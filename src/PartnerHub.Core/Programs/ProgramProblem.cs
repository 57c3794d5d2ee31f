namespace PartnerHub.Core.Programs;

/// <summary>One thing wrong with a program file, at a 1-based line and column, in plain words.</summary>
public sealed record ProgramProblem(string Source, int Line, int Column, string Path, string Message)
{
    public override string ToString() => $"{Source}:{Line}:{Column}: {Message}";
}

/// <summary>The outcome of parsing a program file: the program when there are no problems, otherwise every problem found.</summary>
public sealed record ProgramParseResult(PartnerProgram? Program, IReadOnlyList<ProgramProblem> Problems)
{
    public bool IsValid => Program is not null && Problems.Count == 0;
}
