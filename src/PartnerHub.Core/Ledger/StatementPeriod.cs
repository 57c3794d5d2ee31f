using System.Globalization;
using PartnerHub.Core.Common;

namespace PartnerHub.Core.Ledger;

/// <summary>A calendar month of business dates, written YYYY-MM.</summary>
public readonly record struct StatementPeriod
{
    private StatementPeriod(int year, int month) => (Year, Month) = (year, month);

    public int Year { get; }
    public int Month { get; }
    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public static StatementPeriod Of(DateOnly date) => new(date.Year, date.Month);

    public static Result<StatementPeriod> Parse(string? text, string field = "period")
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Of(date);
        return Error.Validation(field, $"'{text}' is not a month like 2025-03.");
    }

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
