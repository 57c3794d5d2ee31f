using System.Globalization;
using System.Text;
using PartnerHub.App.Standing;
using SpreadCheetah;

namespace PartnerHub.Web.Standing;

/// <summary>A report table as a download: CSV (invariant numbers) or XLSX (numbers as numbers, one sheet).</summary>
public static class ReportFiles
{
    public static readonly string[] Formats = ["csv", "xlsx"];

    public static async Task<(byte[] Content, string ContentType)> WriteAsync(ReportTable table, string format, CancellationToken ct) => format switch
    {
        "xlsx" => (await XlsxAsync(table, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        _ => (Encoding.UTF8.GetBytes(Csv(table)), "text/csv; charset=utf-8"),
    };

    private static string Csv(ReportTable table)
    {
        var text = new StringBuilder().AppendJoin(',', table.Columns.Select(Cell)).Append('\n');
        foreach (var row in table.Rows) text.AppendJoin(',', row.Select(v => Cell(Text(v)))).Append('\n');
        return text.ToString();
    }

    private static async Task<byte[]> XlsxAsync(ReportTable table, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await using (var sheet = await Spreadsheet.CreateNewAsync(stream, null, ct))
        {
            await sheet.StartWorksheetAsync($"Report {table.AsOf:yyyy-MM-dd}", null, ct);
            await sheet.AddRowAsync(table.Columns.Select(c => new DataCell(c)).ToArray(), ct);
            foreach (var row in table.Rows)
                await sheet.AddRowAsync(row.Select(v => v is decimal d ? new DataCell(d) : new DataCell(Text(v))).ToArray(), ct);
            await sheet.FinishAsync(ct);
        }

        return stream.ToArray();
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Cell(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
