using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using PartnerHub.App.Csv;
using PartnerHub.App.Persistence;

namespace PartnerHub.App.Partners;

/// <summary>Writes live partners as CSV in the import format, with formula injection neutralized.</summary>
public sealed class ExportPartners(PartnerHubDb db)
{
    public async Task<int> HandleAsync(TextWriter output, CancellationToken ct)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(output);
        var count = 0;
        await foreach (var partner in db.Partners.AsNoTracking().Where(p => p.ArchivedAt == null).OrderBy(p => p.Name).ThenBy(p => p.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            await using var row = writer.NewRow(ct);
            var cells = PartnerCsv.Format(PartnerView.From(partner));
            for (var i = 0; i < cells.Length; i++) row[PartnerCsv.Columns[i]].Set(CsvCell.Neutralize(cells[i]));
            count++;
        }

        if (count == 0) writer.Header.Add(PartnerCsv.Columns); // an empty export still names its columns
        return count;
    }
}
