using System.Globalization;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using PartnerHub.App.Audit;
using PartnerHub.App.Csv;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Facts;

/// <summary>
/// Imports facts of one kind from CSV (columns by header name) or from JSON rows (the same names as properties):
/// every bad row reported with its line (or item number) and column; good rows upserted by their natural key in one
/// transaction, none with strict or on a dry run; re-importing the same rows changes nothing.
/// </summary>
public sealed class ImportFacts(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<ImportReport>> CsvAsync(string kindKey, byte[] file, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (FactKinds.Find(kindKey) is not { } kind) return UnknownKind(kindKey);
        var text = Utf8Text.Decode(file);
        var cells = new List<(int Line, Func<string, string?> Cell)>();
        var errors = new List<ImportError>();
        var headerError = ReadCsv(kind, text, cells, errors);
        if (headerError is not null) return ImportReport.Refused(headerError);
        return await ImportAsync(kind, cells, errors, options, "import", progress, ct);
    }

    /// <summary>Rows as JSON objects whose properties are the CSV column names; "line" in errors is the item's number, from 1.</summary>
    public async Task<Result<ImportReport>> RowsAsync(string kindKey, IReadOnlyList<IReadOnlyDictionary<string, string?>> items, ImportOptions options,
        CancellationToken ct)
    {
        if (FactKinds.Find(kindKey) is not { } kind) return UnknownKind(kindKey);
        var known = kind.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var cells = new List<(int Line, Func<string, string?> Cell)>();
        var errors = new List<ImportError>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
            {
                errors.Add(new ImportError(i + 1, unknown, $"Unknown field '{FactRow.Shorten(unknown)}'. Known fields: {string.Join(", ", known)}."));
                continue;
            }

            cells.Add((i + 1, c => item.TryGetValue(c, out var v) ? v : null));
        }

        return await ImportAsync(kind, cells, errors, options, "api", null, ct);
    }

    private async Task<Result<ImportReport>> ImportAsync(FactKind kind, List<(int Line, Func<string, string?> Cell)> input, List<ImportError> errors,
        ImportOptions options, string source, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        db.Actor.Operation = source == "api" ? "api" : "import";
        var rowsRead = input.Count + errors.Count; // rows refused while reading (column count, encoding, unknown field) count as read
        var program = await programs.CurrentAsync(ct);
        var partners = await db.Partners.AsNoTracking().Select(p => new { p.Id, p.Domain, p.ExternalId, p.ArchivedAt }).ToListAsync(ct);
        var context = new FactImportContext(program.Program, partners.Select(p => (p.Id, p.Domain, p.ExternalId, p.ArchivedAt != null)), source, db.Clock.GetUtcNow());

        var valid = new List<(int Line, object Fact)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, cell) in input)
        {
            var fact = kind.ReadRow(new FactRow(line, cell, context, errors));
            if (fact is null) continue;
            var key = kind.KeyOfRow(fact);
            if (seen.TryGetValue(key, out var first))
                errors.Add(new ImportError(line, kind.NaturalKey[0], $"The same {string.Join(" + ", kind.NaturalKey)} as line {first}."));
            else
            {
                seen[key] = line;
                valid.Add((line, fact));
            }
        }

        progress?.Report(new ImportProgress("validated", input.Count, input.Count));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (created, updated, unchanged) = await kind.ApplyAsync(db, valid, errors, progress, ct);
        if (created + updated > 0)
        {
            await FactWrites.BumpAsync(db, ct);
            db.AuditEntries.Add(new AuditEntry
            {
                At = db.Clock.GetUtcNow(), Actor = db.Actor.Name, Operation = db.Actor.Operation, CorrelationId = db.Actor.CorrelationId,
                Entity = "facts", EntityId = kind.Key, Action = "imported",
                Changes = [new FieldChange("created", null, Count(created)), new FieldChange("updated", null, Count(updated)), new FieldChange("unchanged", null, Count(unchanged))],
            });
            await db.SaveChangesAsync(ct);
        }

        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        var apply = !options.DryRun && !(options.Strict && errors.Count > 0);
        if (apply) await transaction.CommitAsync(ct);
        else await transaction.RollbackAsync(ct);
        db.ChangeTracker.Clear();
        return new ImportReport(rowsRead, created, updated, unchanged, errors, apply);
    }

    /// <summary>Reads the header and every row's cells; returns an error only when the header makes the file unusable.</summary>
    private static ImportError? ReadCsv(FactKind kind, Utf8Text text, List<(int, Func<string, string?>)> rows, List<ImportError> errors)
    {
        var names = kind.Columns.Select(c => c.Name).ToList();
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = true }).FromText(text.Text);
        if (!reader.MoveNext()) return new ImportError(1, null, $"The file is empty; the first line must name the columns: {string.Join(",", names)}.");

        var header = reader.Current;
        var columnCount = header.ColCount;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.ColCount; i++)
        {
            var name = header[i].ToString().Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
            if (!names.Contains(name))
                return new ImportError(1, name, $"Unknown column '{FactRow.Shorten(header[i].ToString())}' (column {i + 1}); its values would be lost. Known columns: {string.Join(", ", names)}.");
            if (!columns.TryAdd(name, i)) return new ImportError(1, name, $"Column '{name}' appears twice.");
        }

        if (kind.Columns.FirstOrDefault(c => c.Required && !columns.ContainsKey(c.Name)) is { } missing)
            return new ImportError(1, missing.Name, $"The required column '{missing.Name}' is missing.");

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
            if (cells.All(string.IsNullOrWhiteSpace)) continue; // a blank line carries nothing
            if (row.ColCount != columnCount)
            {
                errors.Add(new ImportError(line, null, $"Expected {columnCount} columns like the header, found {row.ColCount}."));
                continue;
            }

            rows.Add((line, c => columns.TryGetValue(c, out var i) ? CsvCell.Restore(cells[i]) : null));
        }

        return null;
    }

    private static Error UnknownKind(string kind) =>
        Error.NotFound("Fact kind", $"'{FactRow.Shorten(kind ?? "")}' (known kinds: {FactKinds.Keys})");

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
