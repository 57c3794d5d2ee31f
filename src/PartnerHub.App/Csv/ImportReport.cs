namespace PartnerHub.App.Csv;

/// <summary>One refused row (or the header, line 1): where, which column, and why.</summary>
public sealed record ImportError(int Line, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"line {Line}: {Message}" : $"line {Line}, column {Column}: {Message}";
}

/// <summary>What an import did (or, for a dry run or a refused strict import, would have done).</summary>
public sealed record ImportReport(int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors, bool Applied)
{
    public static ImportReport Refused(ImportError error) => new(0, 0, 0, 0, [error], false);
}

/// <summary>How far an import has come, for progress bars.</summary>
public sealed record ImportProgress(string Stage, int Done, int Total);

public sealed record ImportOptions(bool Strict = false, bool DryRun = false);
