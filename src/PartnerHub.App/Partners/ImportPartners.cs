using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using PartnerHub.App.Csv;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Partners;

/// <summary>
/// Imports partners from CSV: columns by header name, every bad row reported with its line and column, all good rows
/// applied in one transaction (none with strict), and an upsert by external id or domain so a re-import changes nothing.
/// </summary>
public sealed class ImportPartners(PartnerHubDb db, ProgramStore programs)
{
    private const int ChunkSize = 1000;

    public async Task<ImportReport> HandleAsync(byte[] file, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        db.Actor.Operation = "import";
        var text = Utf8Text.Decode(file);
        var rows = new List<(int Line, PartnerDetails Details)>();
        var errors = new List<ImportError>();
        var headerError = ReadRows(text, rows, errors);
        if (headerError is not null) return ImportReport.Refused(headerError);

        // A row that leaves the stage out keeps an existing partner's stage: only lifecycle actions move it.
        var stageLeftOut = rows.Where(r => string.IsNullOrWhiteSpace(r.Details.Stage)).Select(r => r.Line).ToHashSet();
        var valid = Validate(rows, await programs.CatalogAsync(ct), errors);
        progress?.Report(new ImportProgress("validated", rows.Count, rows.Count));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (created, updated, unchanged) = await ApplyAsync(valid, stageLeftOut, errors, progress, ct);
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));

        var apply = !options.DryRun && !(options.Strict && errors.Count > 0);
        if (apply) await transaction.CommitAsync(ct);
        else await transaction.RollbackAsync(ct);
        db.ChangeTracker.Clear();
        return new ImportReport(rows.Count, created, updated, unchanged, errors, apply);
    }

    /// <summary>Reads the header and every row; returns an error only when the header itself makes the file unusable.</summary>
    private static ImportError? ReadRows(Utf8Text text, List<(int, PartnerDetails)> rows, List<ImportError> errors)
    {
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = true }).FromText(text.Text);
        if (!reader.MoveNext()) return new ImportError(1, null, "The file is empty; the first line must name the columns: " + string.Join(",", PartnerCsv.Columns) + ".");

        var header = reader.Current; // a view of the current row: read everything needed before moving on
        var columnCount = header.ColCount;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.ColCount; i++)
        {
            var name = PartnerCsv.NormalizeHeader(header[i].ToString());
            if (!PartnerCsv.Columns.Contains(name))
                return new ImportError(1, name, $"Unknown column '{header[i]}' (column {i + 1}); its values would be lost. Known columns: {string.Join(", ", PartnerCsv.Columns)}.");
            if (!columns.TryAdd(name, i)) return new ImportError(1, name, $"Column '{name}' appears twice.");
        }

        if (PartnerCsv.RequiredColumns.FirstOrDefault(c => !columns.ContainsKey(c)) is { } missing)
            return new ImportError(1, missing, $"The required column '{missing}' is missing.");
        if (!columns.ContainsKey("subcategory")) return new ImportError(1, "subcategory", "The required column 'subcategory' is missing.");

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

            var problems = new List<(string Column, string Message)>();
            var details = PartnerCsv.Parse(c => columns.TryGetValue(c, out var i) ? CsvCell.Restore(cells[i]) : null, problems);
            if (problems.Count > 0) errors.AddRange(problems.Select(p => new ImportError(line, p.Column, p.Message)));
            else rows.Add((line, details));
        }

        return null;
    }

    private static List<(int Line, ValidPartnerDetails Details)> Validate(
        List<(int Line, PartnerDetails Details)> rows, PartnerCatalog catalog, List<ImportError> errors)
    {
        var valid = new List<(int, ValidPartnerDetails)>();
        var seenDomains = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, details) in rows)
        {
            var result = details.Validate(catalog);
            if (!result.IsSuccess)
            {
                foreach (var (field, messages) in result.Error.Fields ?? new Dictionary<string, string[]>())
                    errors.AddRange(messages.Select(m => new ImportError(line, PartnerCsv.ColumnOf(field), m)));
                continue;
            }

            var d = result.Value;
            if (!seenDomains.TryAdd(d.Domain, line))
                errors.Add(new ImportError(line, "domain", $"{d.Domain} is already on line {seenDomains[d.Domain]} of this file."));
            else if (d.ExternalId is not null && !seenIds.TryAdd(d.ExternalId, line))
                errors.Add(new ImportError(line, "external_id", $"'{d.ExternalId}' is already on line {seenIds[d.ExternalId]} of this file."));
            else valid.Add((line, d));
        }

        return valid;
    }

    private async Task<(int Created, int Updated, int Unchanged)> ApplyAsync(
        List<(int Line, ValidPartnerDetails Details)> rows, HashSet<int> stageLeftOut, List<ImportError> errors, IProgress<ImportProgress>? progress,
        CancellationToken ct)
    {
        // Keys of every live partner, so each row finds the partner it updates without a query per row.
        var keys = await db.Partners.AsNoTracking().Where(p => p.ArchivedAt == null)
            .Select(p => new { p.Id, p.Domain, p.ExternalId, p.Name }).ToListAsync(ct);
        var byDomain = keys.ToDictionary(k => k.Domain, k => (k.Id, k.ExternalId, k.Name), StringComparer.Ordinal);
        var byExternalId = keys.Where(k => k.ExternalId is not null).ToDictionary(k => k.ExternalId!, k => k.Id, StringComparer.Ordinal);

        int created = 0, updated = 0, unchanged = 0, done = 0;
        var now = db.Clock.GetUtcNow();
        (Result Result, bool Changed) TryUpdate(Partner partner, int line, ValidPartnerDetails d)
        {
            var version = partner.Version;
            var result = partner.Update(stageLeftOut.Contains(line) ? d with { Stage = partner.Stage } : d, version, now);
            return (result, partner.Version != version);
        }

        foreach (var chunk in rows.Chunk(ChunkSize))
        {
            var matches = new Dictionary<int, PartnerId>();
            var rejected = new HashSet<int>();
            foreach (var (line, d) in chunk)
            {
                byDomain.TryGetValue(d.Domain, out var domainHolder);
                PartnerId? target = d.ExternalId is not null && byExternalId.TryGetValue(d.ExternalId, out var byId) ? byId : domainHolder.Name is null ? null : domainHolder.Id;
                ImportError? error = null;
                if (domainHolder.Name is not null && target != domainHolder.Id)
                    error = new ImportError(line, "domain", $"{d.Domain} already belongs to partner '{domainHolder.Name}'.");
                else if (target is not null && domainHolder.ExternalId is { } existingId && d.ExternalId is not null && existingId != d.ExternalId)
                    error = new ImportError(line, "external_id", $"The partner with domain {d.Domain} has external id '{existingId}', not '{d.ExternalId}'.");
                else if (target is { } match) matches[line] = match;
                if (error is null) continue;
                errors.Add(error);
                rejected.Add(line);
            }

            // Untracked first: a re-import changes few partners, and tracking each one only to find it unchanged was a quarter
            // of a re-import. Only the partners an update would change are read again, tracked, and updated for real.
            var ids = matches.Values.ToList();
            var current = await db.Partners.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            var trial = chunk.Where(r => matches.ContainsKey(r.Line)).ToDictionary(r => r.Line, r => TryUpdate(current[matches[r.Line]], r.Line, r.Details));
            var changing = trial.Where(t => t.Value.Changed).Select(t => matches[t.Key]).ToList();
            var tracked = changing.Count == 0 ? [] : await db.Partners.Where(p => changing.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            var newPartners = new List<object>();
            foreach (var (line, d) in chunk)
            {
                if (matches.TryGetValue(line, out var id))
                {
                    var (result, changed) = tracked.TryGetValue(id, out var partner) ? TryUpdate(partner, line, d) : trial[line];
                    if (!result.IsSuccess) errors.Add(new ImportError(line, PartnerCsv.ColumnOf(result.Error.Fields?.Keys.First() ?? "name"), result.Error.Message));
                    else if (changed) updated++;
                    else unchanged++;
                }
                else if (!rejected.Contains(line))
                {
                    var partner = Partner.Create(d, now);
                    newPartners.Add(partner);
                    byDomain[d.Domain] = (partner.Id, d.ExternalId, d.Name);
                    if (d.ExternalId is not null) byExternalId[d.ExternalId] = partner.Id;
                    created++;
                }
            }

            // New partners go to the save untracked: the same rules (scope, audit, outbox) without EF Core tracking each one.
            await db.SaveChangesAsync(newPartners, ct);
            db.ChangeTracker.Clear(); // keep change detection proportional to one chunk, not the whole file
            done += chunk.Length;
            progress?.Report(new ImportProgress("saved", done, rows.Count));
        }

        return (created, updated, unchanged);
    }
}
