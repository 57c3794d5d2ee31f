using System.Globalization;
using PartnerHub.App.Csv;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Facts;

/// <summary>What rows are checked against: the partners they may name, and the program whose keys they may use.</summary>
internal sealed class FactImportContext
{
    private readonly Dictionary<Guid, PartnerId> _byId = [];
    private readonly Dictionary<string, PartnerId> _byExternalId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PartnerId> _byDomain = new(StringComparer.Ordinal);

    public FactImportContext(PartnerProgram program, IEnumerable<(PartnerId Id, string Domain, string? ExternalId, bool Archived)> partners, string source, DateTimeOffset now)
    {
        Program = program;
        Currency = program.Currency;
        Source = source;
        Now = now;
        foreach (var (id, domain, externalId, archived) in partners)
        {
            _byId[id.Value] = id;
            if (archived) continue; // archived partners gave their domain and external id back; their id still names them
            _byDomain[domain] = id;
            if (externalId is not null) _byExternalId[externalId] = id;
        }
    }

    public PartnerProgram Program { get; }
    public Currency Currency { get; }
    public string Source { get; }
    public DateTimeOffset Now { get; }

    /// <summary>A partner by id, external id or domain (in that order), as people write it in a file.</summary>
    public PartnerId? FindPartner(string reference)
    {
        if (Guid.TryParse(reference, out var guid) && _byId.TryGetValue(guid, out var byGuid)) return byGuid;
        if (_byExternalId.TryGetValue(reference, out var byExternal)) return byExternal;
        var domain = WebDomain.Normalize(reference);
        return domain.IsSuccess && _byDomain.TryGetValue(domain.Value, out var byDomain) ? byDomain : null;
    }
}

/// <summary>One input row (a CSV line or a JSON item) being read into a fact, collecting a problem per bad cell.</summary>
internal sealed class FactRow(int line, Func<string, string?> cell, FactImportContext context, List<ImportError> errors)
{
    private int _problems;

    public int Line { get; } = line;
    public FactImportContext Context { get; } = context;
    public bool Ok => _problems == 0;

    public void Problem(string? column, string message)
    {
        errors.Add(new ImportError(Line, column, message));
        _problems++;
    }

    public string? Text(string column, int maxLength, bool required = false)
    {
        var value = cell(column)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required) Problem(column, "This column is required.");
            return null;
        }

        if (value.Length > maxLength) Problem(column, $"At most {maxLength} characters.");
        else if (value.Any(c => char.IsControl(c))) Problem(column, "Control characters are not allowed.");
        else return value;
        return null;
    }

    public PartnerId? Partner(bool required = true)
    {
        var reference = Text("partner", 253, required);
        if (reference is null) return null;
        var found = Context.FindPartner(reference);
        if (found is null) Problem("partner", $"No partner with the id, external id or domain '{Shorten(reference)}'.");
        return found;
    }

    public DateOnly? Date(string column, bool required = true)
    {
        var text = Text(column, 20, required);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Problem(column, $"'{Shorten(text)}' is not a date like 2026-01-31.");
        return null;
    }

    public int? Int(string column, int min, int max, bool required = true)
    {
        var text = Text(column, 20, required);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        Problem(column, $"'{Shorten(text)}' is not a whole number from {min} to {max}.");
        return null;
    }

    public Currency? CurrencyCode()
    {
        var text = Text("currency", 3 + 10);
        if (text is null) return Context.Currency;
        var parsed = Currency.Parse(text);
        if (parsed.IsSuccess) return parsed.Value;
        Problem("currency", parsed.Error.Message);
        return null;
    }

    /// <summary>An amount in major units ("1234.56"), never negative (the kind of fact gives the direction), to minor units.</summary>
    public long? Amount(string column, Currency? currency)
    {
        var text = Text(column, 40, required: true);
        if (text is null || currency is null) return null;
        var money = Money.ParseMajor(text, currency.Value, column);
        if (!money.IsSuccess) Problem(column, money.Error.Message);
        else if (money.Value.Minor < 0) Problem(column, "An amount is never negative here: the kind says whether money came in or went out.");
        else return money.Value.Minor;
        return null;
    }

    public TEnum? Enum<TEnum>(string column, bool required = true, TEnum? fallback = null) where TEnum : struct, Enum
    {
        var text = Text(column, 40, required && fallback is null);
        if (text is null) return fallback;
        if (System.Enum.TryParse<TEnum>(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            && !int.TryParse(text, out _))
            return value;
        Problem(column, $"Unknown {column} '{Shorten(text)}'. Use one of: {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}.");
        return null;
    }

    /// <summary>A key the program defines (a track, an exam, a level…): checked against the current program so typos are caught.</summary>
    public string? ProgramKey(string column, IEnumerable<string> known, string what)
    {
        var text = Text(column, 100, required: true);
        if (text is null) return null;
        var keys = known.ToList();
        if (keys.Contains(text, StringComparer.Ordinal)) return text;
        Problem(column, $"Unknown {what} '{Shorten(text)}'. The program defines: {string.Join(", ", keys)}.");
        return null;
    }

    public Guid? Guid(string column)
    {
        var text = Text(column, 40);
        if (text is null) return null;
        if (System.Guid.TryParse(text, out var id)) return id;
        Problem(column, $"'{Shorten(text)}' is not an id like 0190a6f1-7c3e-7d1a-9a2b-3c4d5e6f7a8b.");
        return null;
    }

    public static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
