using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;

namespace PartnerHub.Web.Common;

/// <summary>How pages write instants, amounts and codes, the same way everywhere.</summary>
public static class Show
{
    public static string Utc(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Amount(long minor, string currency) =>
        Currency.Parse(currency) is { IsSuccess: true } c ? new Money(minor, c.Value).ToString() : $"{minor} {currency}";

    public static string Amount(Money money) => money.ToString();

    /// <summary>"possibleDuplicate" → "possible duplicate", "CommissionPayable" → "commission payable".</summary>
    public static string Words(string code) =>
        string.Concat(code.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static string Words(Enum value) => Words(value.ToString());

    public static string Outcome(ConflictOutcome outcome) => outcome switch
    {
        ConflictOutcome.Clear => "Clear",
        ConflictOutcome.PossibleDuplicate => "Possible duplicate",
        _ => "Conflict",
    };

    public static string OutcomeClass(ConflictOutcome outcome) => outcome switch
    {
        ConflictOutcome.Clear => "outcome outcome-clear",
        ConflictOutcome.PossibleDuplicate => "outcome outcome-possibleDuplicate",
        _ => "outcome outcome-conflict",
    };

    public static string Overdue(TimeSpan by) =>
        by.TotalDays >= 1 ? $"{(int)by.TotalDays} d {by.Hours} h" : $"{(int)by.TotalHours} h {by.Minutes} min";

    /// <summary>Partner names for ids, through the caller's scope (a partner user can only resolve its own).</summary>
    public static async Task<Dictionary<Guid, string>> PartnerNamesAsync(PartnerHubDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().Select(i => new PartnerId(i)).ToList();
        if (wanted.Count == 0) return [];
        return await db.Partners.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id.Value, p => p.Name, ct);
    }
}
