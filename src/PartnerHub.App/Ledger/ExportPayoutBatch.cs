using System.Globalization;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using PartnerHub.App.Common;
using PartnerHub.App.Csv;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Ledger;

/// <summary>
/// Writes a payout batch as CSV for finance: one row per partner with the amount in major and minor units and why.
/// Every cell is formula-safe (<see cref="CsvCell.Neutralize"/>): partner names come from partners. Exporting marks
/// the batch exported (audited); exporting again is allowed and writes the same rows; a cancelled batch is not exported.
/// </summary>
public sealed class ExportPayoutBatch(PartnerHubDb db)
{
    public static readonly string[] Columns = ["batch_id", "partner_id", "partner_name", "partner_domain", "currency", "amount", "amount_minor", "explanation"];

    /// <summary>How many rows were written.</summary>
    public async Task<Result<int>> HandleAsync(PayoutBatchId id, TextWriter output, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "export payout batches") is { } denied) return denied;
        var batch = await db.PayoutBatches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null) return Error.NotFound("Payout batch", id);
        if (batch.Status == PayoutBatchStatus.Cancelled) return MarkPayoutPaid.Cancelled(batch); // nobody should pay from it
        var rows = await db.PayoutLines.AsNoTracking().Where(l => l.BatchId == id)
            .Join(db.Partners.IgnoreQueryFilters([PartnerScopeFilter.Name]), l => l.PartnerId, p => p.Id, (l, p) => new { l.PartnerId, p.Name, p.Domain, l.AmountMinor, l.Explanation })
            .OrderBy(r => r.Name).ThenBy(r => r.PartnerId)
            .ToListAsync(ct);

        using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(output))
        {
            if (rows.Count == 0) writer.Header.Add(Columns);
            foreach (var r in rows)
            {
                await using var row = writer.NewRow(ct);
                var amount = new Money(r.AmountMinor, batch.Currency);
                string[] cells =
                [
                    batch.Id.ToString(), r.PartnerId.ToString(), r.Name, r.Domain, batch.Currency.Code,
                    amount.ToMajor().ToString("F" + batch.Currency.Exponent, CultureInfo.InvariantCulture),
                    r.AmountMinor.ToString(CultureInfo.InvariantCulture), r.Explanation,
                ];
                for (var i = 0; i < cells.Length; i++) row[Columns[i]].Set(CsvCell.Neutralize(cells[i]));
            }
        }

        batch.MarkExported(db.Clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }
}
