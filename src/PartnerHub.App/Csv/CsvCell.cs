namespace PartnerHub.App.Csv;

/// <summary>Cell-level rules shared by every CSV export and import.</summary>
public static class CsvCell
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// Spreadsheet formula injection: a cell starting with = + - @ tab or CR is prefixed with an apostrophe so that
    /// Excel and LibreOffice show it as text instead of running it (OWASP's advice).
    /// </summary>
    public static string Neutralize(string? value) =>
        value is { Length: > 0 } && FormulaStarts.Contains(value[0]) ? "'" + value : value ?? "";

    /// <summary>The inverse of <see cref="Neutralize"/>, so that re-importing an export changes nothing.</summary>
    public static string? Restore(string? value) =>
        value is { Length: > 1 } && value[0] == '\'' && FormulaStarts.Contains(value[1]) ? value[1..] : value;
}
