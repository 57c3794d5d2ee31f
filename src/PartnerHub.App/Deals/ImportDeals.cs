using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using PartnerHub.App.Csv;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Deals;

/// <summary>
/// Imports deal registrations from CSV (<see cref="DealCsv"/>): columns by header name, every bad row reported with its
/// line and column, good rows applied in one transaction (none with strict, none on a dry run). Each new row goes
/// through the same validation and conflict check as <see cref="RegisterDeal"/>, under a claim on every customer
/// (<see cref="CustomerClaim.TakeEveryAsync"/>) until the file commits. A registration is never edited by an
/// import: a row matching an existing one is unchanged when it says the same, and refused when it differs.
/// Natural key: the partner plus the <c>external_id</c> when the row has one (whatever the registration's status
/// since); without it, the partner plus the customer's registrable domain among its active registrations. So
/// importing the same file again changes nothing, and after a registration ends the customer can be registered anew.
/// </summary>
public sealed class ImportDeals(PartnerHubDb db, DealIdentityIndex index)
{
    private const int ChunkSize = 500;

    private sealed record Row(int Line, PartnerId Partner, DealRegistrationDetails Details, string? Registrable);

    public async Task<ImportReport> HandleAsync(byte[] file, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        db.Actor.Operation = "import";
        var text = Utf8Text.Decode(file);
        var cells = new List<(int Line, string? PartnerDomain, DealRegistrationDetails Details)>();
        var errors = new List<ImportError>();
        var headerError = ReadRows(text, db.Actor.PartnerScope is null, cells, errors, out var dataRows);
        if (headerError is not null) return ImportReport.Refused(headerError);

        var rows = await ResolvePartnersAsync(cells, errors, ct);
        progress?.Report(new ImportProgress("validated", cells.Count, cells.Count));

        var created = new List<DealRegistration>();
        int unchanged;
        bool apply;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await CustomerClaim.TakeEveryAsync(db, ct);
            unchanged = await ApplyAsync(rows, created, errors, progress, ct);
            apply = !options.DryRun && !(options.Strict && errors.Count > 0);
            if (apply) await transaction.CommitAsync(ct);
            else await transaction.RollbackAsync(ct);
        }

        db.ChangeTracker.Clear();
        if (apply) index.Applied(created);
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new ImportReport(dataRows, created.Count, 0, unchanged, errors, apply);
    }

    /// <summary>Reads the header and every row; returns an error only when the header itself makes the file unusable.</summary>
    private static ImportError? ReadRows(Utf8Text text, bool partnerColumnRequired, List<(int, string?, DealRegistrationDetails)> rows, List<ImportError> errors,
        out int dataRows)
    {
        dataRows = 0;
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = true }).FromText(text.Text);
        if (!reader.MoveNext()) return new ImportError(1, null, "The file is empty; the first line must name the columns: " + string.Join(",", DealCsv.Columns) + ".");

        var header = reader.Current;
        var columnCount = header.ColCount;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.ColCount; i++)
        {
            var name = DealCsv.NormalizeHeader(header[i].ToString());
            if (!DealCsv.Columns.Contains(name))
                return new ImportError(1, name, $"Unknown column '{header[i]}' (column {i + 1}); its values would be lost. Known columns: {string.Join(", ", DealCsv.Columns)}.");
            if (!columns.TryAdd(name, i)) return new ImportError(1, name, $"Column '{name}' appears twice.");
        }

        var required = partnerColumnRequired ? DealCsv.RequiredColumns.Prepend("partner_domain") : DealCsv.RequiredColumns;
        if (required.FirstOrDefault(c => !columns.ContainsKey(c)) is { } missing)
            return new ImportError(1, missing, $"The required column '{missing}' is missing.");

        while (reader.MoveNext())
        {
            var row = reader.Current;
            var line = row.LineNumberFrom;
            if (Enumerable.Range(line, Math.Max(1, row.LineNumberToExcl - line)).Any(text.InvalidLines.Contains))
            {
                dataRows++;
                errors.Add(new ImportError(line, null, "The row holds bytes that are not valid UTF-8; save the file as UTF-8 and import it again."));
                continue;
            }

            var values = new string[row.ColCount];
            for (var i = 0; i < row.ColCount; i++) values[i] = row[i].ToString();
            if (values.All(string.IsNullOrWhiteSpace)) continue;
            dataRows++;
            if (row.ColCount != columnCount)
            {
                errors.Add(new ImportError(line, null, $"Expected {columnCount} columns like the header, found {row.ColCount}."));
                continue;
            }

            string? Cell(string c) => columns.TryGetValue(c, out var i) ? CsvCell.Restore(values[i]) : null;
            var problems = new List<(string Column, string Message)>();
            var details = DealCsv.Parse(Cell, problems);
            if (problems.Count > 0) errors.AddRange(problems.Select(p => new ImportError(line, p.Column, p.Message)));
            else rows.Add((line, Cell("partner_domain") is { Length: > 0 } p ? p : null, details));
        }

        return null;
    }

    /// <summary>
    /// Finds each row's partner by domain among the partners the actor may see, so a partner user can import only its
    /// own registrations: another partner's domain is unknown, exactly like one that does not exist.
    /// </summary>
    private async Task<List<Row>> ResolvePartnersAsync(List<(int Line, string? PartnerDomain, DealRegistrationDetails Details)> cells, List<ImportError> errors, CancellationToken ct)
    {
        var partners = await db.Partners.AsNoTracking().Where(p => p.ArchivedAt == null).Select(p => new { p.Id, p.Domain }).ToDictionaryAsync(p => p.Domain, p => p.Id, StringComparer.Ordinal, ct);
        var rows = new List<Row>(cells.Count);
        foreach (var (line, partnerDomain, details) in cells)
        {
            PartnerId partner;
            if (partnerDomain is null)
            {
                if (db.Actor.PartnerScope is not { } own) { errors.Add(new ImportError(line, "partner_domain", "This field is required.")); continue; }
                partner = own;
            }
            else if (WebDomain.Normalize(partnerDomain, "partner_domain") is { IsSuccess: true } domain && partners.TryGetValue(domain.Value, out var id)) partner = id;
            else { errors.Add(new ImportError(line, "partner_domain", $"No partner has the domain '{partnerDomain}'.")); continue; }

            var registrable = CustomerDomain.Normalize(details.CustomerDomain) is { IsSuccess: true } d ? d.Value.Registrable : null;
            rows.Add(new Row(line, partner, details, registrable));
        }

        return rows;
    }

    /// <summary>Creates the new registrations chunk by chunk; returns how many rows matched an existing one unchanged.</summary>
    private async Task<int> ApplyAsync(List<Row> rows, List<DealRegistration> created, List<ImportError> errors, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var now = Instants.Stored(db.Clock.GetUtcNow());
        var unchanged = 0;
        var done = 0;
        var seenKeys = new Dictionary<(PartnerId, string), int>();
        var seenDomains = new Dictionary<string, (int Line, PartnerId Partner)>(StringComparer.Ordinal);
        var seenNames = new Dictionary<string, (int Line, PartnerId Partner)>(StringComparer.Ordinal);
        foreach (var chunk in rows.Chunk(ChunkSize))
        {
            var existing = await ExistingAsync(chunk, ct);
            foreach (var row in chunk)
            {
                var key = Key(row);
                if (key is not null && seenKeys.TryGetValue((row.Partner, key), out var earlier))
                {
                    errors.Add(new ImportError(row.Line, row.Details.ExternalId is null ? "customer_domain" : "external_id", $"The same registration is already on line {earlier} of this file."));
                    continue;
                }

                if (key is not null) seenKeys[(row.Partner, key)] = row.Line;
                var match = row.Details.ExternalId?.Trim() is { Length: > 0 } externalId
                    ? existing.FirstOrDefault(d => d.PartnerId == row.Partner && d.ExternalId == externalId)
                    : existing.FirstOrDefault(d => d.PartnerId == row.Partner && d.ExternalId == null && d.Status.IsActive() && d.CustomerRegistrableDomain == row.Registrable);
                if (match is not null)
                {
                    if (Compare(row, match, errors)) unchanged++;
                    continue;
                }

                if (await CreateAsync(row, now, seenDomains, seenNames, errors, ct) is { } deal) created.Add(deal);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear(); // keep change detection proportional to one chunk
            done += chunk.Length;
            progress?.Report(new ImportProgress("saved", done, rows.Count));
        }

        return unchanged;
    }

    private static string? Key(Row row) => row.Details.ExternalId?.Trim() is { Length: > 0 } id ? "id:" + id : row.Registrable is { } d ? "domain:" + d : null;

    private async Task<List<DealRegistration>> ExistingAsync(Row[] chunk, CancellationToken ct)
    {
        var partners = chunk.Select(r => r.Partner).Distinct().ToList();
        var externalIds = chunk.Where(r => r.Details.ExternalId is not null).Select(r => r.Details.ExternalId!.Trim()).Distinct().ToList();
        var domains = chunk.Where(r => r.Details.ExternalId is null && r.Registrable is not null).Select(r => r.Registrable!).Distinct().ToList();
        return await db.DealRegistrations.AsNoTracking()
            .Where(d => partners.Contains(d.PartnerId)
                && ((d.ExternalId != null && externalIds.Contains(d.ExternalId))
                    || (d.ExternalId == null && (d.Status == DealStatus.Submitted || d.Status == DealStatus.Approved) && domains.Contains(d.CustomerRegistrableDomain))))
            .ToListAsync(ct);
    }

    /// <summary>True when the row says what the registration says. Validated as of the registration's submission, when its close date was still ahead.</summary>
    private static bool Compare(Row row, DealRegistration match, List<ImportError> errors)
    {
        var valid = row.Details.Validate(match.SubmittedAt);
        if (!valid.IsSuccess) { Report(row.Line, valid.Error, errors); return false; }
        var v = valid.Value;
        var differs = v.CustomerName != match.CustomerName ? "customer_name"
            : v.CustomerDomain.Host != match.CustomerHost ? "customer_domain"
            : v.Contact != match.Contact ? (v.Contact.Name != match.Contact.Name ? "contact_name" : "contact_email")
            : v.Product != match.Product ? "product"
            : v.EstimatedValue != match.EstimatedValue ? (v.EstimatedValue.Currency != match.EstimatedValue.Currency ? "currency" : "estimated_value")
            : v.ExpectedCloseOn != match.ExpectedCloseOn ? "expected_close_on"
            : v.Notes != match.Notes ? "notes"
            : null;
        if (differs is null) return true;
        errors.Add(new ImportError(row.Line, differs,
            $"Deal registration {match.Id} ({match.Status.Key()}) already exists for this row with a different {differs}; an import never changes a registration."));
        return false;
    }

    private async Task<DealRegistration?> CreateAsync(Row row, DateTimeOffset now, Dictionary<string, (int Line, PartnerId Partner)> seenDomains,
        Dictionary<string, (int Line, PartnerId Partner)> seenNames, List<ImportError> errors, CancellationToken ct)
    {
        var valid = row.Details.Validate(now);
        if (!valid.IsSuccess) { Report(row.Line, valid.Error, errors); return null; }

        // Rows of this file are not in the index until it commits: exact keys held by another partner's row conflict here.
        var name = CompanyName.Normalize(valid.Value.CustomerName);
        var registrable = valid.Value.CustomerDomain.Registrable;
        if (seenDomains.TryGetValue(registrable, out var byDomain) && byDomain.Partner != row.Partner)
        {
            errors.Add(new ImportError(row.Line, "customer_domain", $"Line {byDomain.Line} of this file registers the same customer domain {registrable} for another partner."));
            return null;
        }

        if (seenNames.TryGetValue(name.Key, out var byName) && byName.Partner != row.Partner)
        {
            errors.Add(new ImportError(row.Line, "customer_name", $"Line {byName.Line} of this file registers the same customer name for another partner."));
            return null;
        }

        var deal = DealRegistration.Submit(valid.Value, row.Partner, now);
        var check = await index.CheckExactKeysAsync(db, RegistrationCandidate.From(deal), ct);
        if (check.Outcome == ConflictOutcome.Conflict)
        {
            var field = RegisterDeal.BlockingField(check);
            errors.Add(new ImportError(row.Line, DealCsv.ColumnOf(field), string.Join(" ", check.ForPartner().Reasons)));
            return null;
        }

        seenDomains.TryAdd(registrable, (row.Line, row.Partner));
        seenNames.TryAdd(name.Key, (row.Line, row.Partner));
        db.DealRegistrations.Add(deal);
        return deal;
    }

    private static void Report(int line, Error error, List<ImportError> errors)
    {
        foreach (var (field, messages) in error.Fields ?? new Dictionary<string, string[]> { [""] = [error.Message] })
            errors.AddRange(messages.Select(m => new ImportError(line, field.Length == 0 ? null : DealCsv.ColumnOf(field), m)));
    }
}
