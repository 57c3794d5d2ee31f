using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using PartnerHub.App.Commissions;
using PartnerHub.App.Common;
using PartnerHub.App.Csv;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Revenue;

/// <summary>
/// Imports revenue events from a CSV file (columns by header name, <see cref="RevenueEventInput.Columns"/>) or a JSONL
/// file (one JSON object per line, with the API's field names). Each row goes the API's way: validated, recorded once
/// by its id (a row whose id is already recorded with the same money is unchanged; with other money it is refused),
/// attributed, and its commission posted. Bad rows are reported by line and column. Rows are applied in chunks of
/// <see cref="ChunkSize"/>, each in one transaction; <c>strict</c> and dry runs use one transaction for the whole file,
/// committed only when nothing was refused (strict) or never (dry run).
/// </summary>
public sealed class ImportRevenueEvents(PartnerHubDb db, ProgramStore programs, RecordRevenueEvent record, CommissionInputs inputs)
{
    public const int ChunkSize = 500;

    public async Task<Result<ImportReport>> CsvAsync(byte[] file, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var rows = new List<(int Line, RevenueEventInput Input)>();
        var errors = new List<ImportError>();
        var text = Utf8Text.Decode(file);
        using (var reader = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = true }).FromText(text.Text))
        {
            var names = RevenueEventInput.Columns.Select(c => c.Column).ToList();
            if (!reader.MoveNext()) return ImportReport.Refused(new ImportError(1, null, $"The file is empty; the first line must name the columns: {string.Join(",", names)}."));
            var header = reader.Current;
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.ColCount; i++)
            {
                var name = header[i].ToString().Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
                if (!names.Contains(name))
                    return ImportReport.Refused(new ImportError(1, name, $"Unknown column '{Short(name)}' (column {i + 1}); its values would be lost. Known columns: {string.Join(", ", names)}."));
                if (!columns.TryAdd(name, i)) return ImportReport.Refused(new ImportError(1, name, $"Column '{name}' appears twice."));
            }

            foreach (var required in RevenueEventInput.Columns.Where(c => c.Required && c.Column != "external_id"))
                if (!columns.ContainsKey(required.Column)) return ImportReport.Refused(new ImportError(1, required.Column, $"The required column '{required.Column}' is missing."));
            if (!columns.ContainsKey("external_id")) return ImportReport.Refused(new ImportError(1, "external_id", "The required column 'external_id' is missing: it makes a re-import harmless."));

            while (reader.MoveNext())
            {
                var row = reader.Current;
                var line = row.LineNumberFrom;
                if (Enumerable.Range(line, Math.Max(1, row.LineNumberToExcl - line)).Any(text.InvalidLines.Contains))
                {
                    errors.Add(new ImportError(line, null, "The row holds bytes that are not valid UTF-8; save the file as UTF-8 and import it again."));
                    continue;
                }

                var cells = new string[row.ColCount];
                for (var i = 0; i < row.ColCount; i++) cells[i] = row[i].ToString();
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                if (row.ColCount != header.ColCount)
                {
                    errors.Add(new ImportError(line, null, $"Expected {header.ColCount} columns like the header, found {row.ColCount}."));
                    continue;
                }

                rows.Add((line, RevenueEventInput.FromCells(c => columns.TryGetValue(c, out var i) ? CsvCell.Restore(cells[i]) : null)));
            }
        }

        return await ImportAsync(rows, errors, csv: true, options, progress, ct);
    }

    /// <summary>One JSON object per line, with the API's field names; blank lines are skipped.</summary>
    public async Task<Result<ImportReport>> JsonLinesAsync(byte[] file, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var rows = new List<(int Line, RevenueEventInput Input)>();
        var errors = new List<ImportError>();
        var known = RevenueEventInput.Columns.Select(c => c.Field).ToHashSet(StringComparer.Ordinal);
        var lines = Utf8Text.Decode(file).Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0) continue;
            try
            {
                using var json = JsonDocument.Parse(text);
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new ImportError(i + 1, null, "Each line is one JSON object."));
                    continue;
                }

                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                string? unknown = null;
                foreach (var property in json.RootElement.EnumerateObject())
                {
                    if (!known.Contains(property.Name)) unknown ??= property.Name;
                    values[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.String => property.Value.GetString(),
                        _ => property.Value.GetRawText(),
                    };
                }

                if (unknown is not null)
                {
                    errors.Add(new ImportError(i + 1, unknown, $"Unknown field '{Short(unknown)}'. Known fields: {string.Join(", ", known)}."));
                    continue;
                }

                string? V(string f) => values.GetValueOrDefault(f);
                rows.Add((i + 1, new RevenueEventInput
                {
                    Id = V("id"), Kind = V("kind"), OccurredOn = V("occurredOn"), Amount = V("amount"), Currency = V("currency"), Customer = V("customer"),
                    CustomerDomain = V("customerDomain"), Partner = V("partner"), DealRegistrationId = V("dealRegistrationId"), ReferralCode = V("referralCode"),
                    Refunds = V("refunds"), Source = V("source"),
                }));
            }
            catch (JsonException e)
            {
                errors.Add(new ImportError(i + 1, null, $"Not valid JSON: {e.Message}"));
            }
        }

        return await ImportAsync(rows, errors, csv: false, options, progress, ct);
    }

    private async Task<Result<ImportReport>> ImportAsync(List<(int Line, RevenueEventInput Input)> rows, List<ImportError> errors, bool csv, ImportOptions options,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "import revenue events") is { } denied) return denied;
        db.Actor.Operation = "import";
        var read = rows.Count + errors.Count;
        var currency = (await programs.CurrentAsync(ct)).Program.Currency;
        var valid = new List<(int Line, ValidRevenueEvent Event)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, input) in rows)
        {
            var checkedRow = input.Validate(currency, null, "import");
            if (!checkedRow.IsSuccess)
            {
                AddErrors(errors, line, checkedRow.Error, csv);
                continue;
            }

            if (seen.TryGetValue(checkedRow.Value.ExternalId, out var first))
                errors.Add(new ImportError(line, Column("id", csv), $"The same id as line {first}."));
            else
            {
                seen[checkedRow.Value.ExternalId] = line;
                valid.Add((line, checkedRow.Value));
            }
        }

        progress?.Report(new ImportProgress("validated", rows.Count, rows.Count));
        var whole = options.Strict || options.DryRun;
        record.DeferFactsBump = true;
        int created = 0, unchanged = 0, done = 0;
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction = null;
        try
        {
            foreach (var chunk in valid.Chunk(ChunkSize))
            {
                transaction ??= await db.Database.BeginTransactionAsync(ct);
                // One look-up for the chunk's ids already recorded; the others skip theirs.
                var ids = chunk.Select(c => c.Event.ExternalId).ToList();
                var known = (await db.Set<Facts.RevenueEventRecord>().IgnoreQueryFilters().AsNoTracking().Where(r => ids.Contains(r.ExternalId))
                    .Select(r => r.ExternalId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
                // What the chunk's commissions read about the partners it names, for the chunk at once, as a revenue group does.
                await inputs.PrefetchAsync(await record.ResolvePartnersAsync(chunk.Select(c => c.Event.Partner).OfType<string>().ToList(), ct), ids, ct);
                foreach (var (line, e) in chunk)
                {
                    var recorded = await record.HandleAsync(e, ct, knownNew: !known.Contains(e.ExternalId));
                    if (!recorded.IsSuccess) AddErrors(errors, line, recorded.Error, csv);
                    else if (recorded.Value.Created) created++;
                    else unchanged++;
                }

                done += chunk.Length;
                await Facts.FactWrites.BumpAsync(db, ct);
                if (!whole)
                {
                    await transaction.CommitAsync(ct);
                    inputs.Committed();
                    await transaction.DisposeAsync();
                    transaction = null;
                }

                db.ChangeTracker.Clear();
                progress?.Report(new ImportProgress("saved", done, valid.Count));
            }

            var apply = !options.DryRun && !(options.Strict && errors.Count > 0);
            if (transaction is not null)
            {
                if (apply)
                {
                    await transaction.CommitAsync(ct);
                    inputs.Committed();
                }
                else await transaction.RollbackAsync(ct);
            }

            errors.Sort((a, b) => a.Line.CompareTo(b.Line));
            return new ImportReport(read, created, 0, unchanged, errors, apply || (!whole && created + unchanged > 0));
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
            db.ChangeTracker.Clear();
        }
    }

    private static void AddErrors(List<ImportError> errors, int line, Error error, bool csv)
    {
        if (error.Fields is null)
        {
            errors.Add(new ImportError(line, null, error.Message));
            return;
        }

        foreach (var (field, messages) in error.Fields)
            foreach (var message in messages) errors.Add(new ImportError(line, Column(field, csv), message));
    }

    private static string Column(string field, bool csv) =>
        csv ? RevenueEventInput.Columns.FirstOrDefault(c => c.Field == field).Column ?? field : field;

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
