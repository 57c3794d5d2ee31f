using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Insight;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Standing;

/// <summary>The partners behind one value of a chart.</summary>
public sealed record ChartPartners(string Chart, string Point, string Series, DateOnly AsOf, IReadOnlyList<PartnerLink> Partners);

/// <summary>The dashboard's charts on a date (program-wide, or one partner's own for the portal), their CSV, and the partners behind a value.</summary>
public sealed class GetProgramCharts(PartnerHubDb db, ProgramStore programs, FactStore facts)
{
    /// <summary>The charts in dashboard order: those drawn from the engine's facts, then the one drawn from the ledger.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. ProgramCharts.Keys, CommissionChart.Key];

    public async Task<IReadOnlyList<Chart>> AllAsync(DateOnly? asOf, CancellationToken ct)
    {
        var charts = await BuildAsync(asOf, null, ct);
        return [.. ProgramCharts.Keys.Select(charts.Value.Build), await CommissionsAsync(asOf, ct)];
    }

    public async Task<Result<Chart>> OneAsync(string key, DateOnly? asOf, CancellationToken ct)
    {
        if (!Keys.Contains(key)) return UnknownChart(key);
        if (key == CommissionChart.Key) return await CommissionsAsync(asOf, ct);
        return (await BuildAsync(asOf, null, ct)).Value.Build(key);
    }

    /// <summary>A partner's own revenue chart: the program's revenue chart over that partner's facts alone (scope-checked by the fact store).</summary>
    public async Task<Result<Chart>> PartnerRevenueAsync(PartnerId partner, DateOnly? asOf, CancellationToken ct)
    {
        var charts = await BuildAsync(asOf, partner, ct);
        if (!charts.IsSuccess) return charts.Error;
        var chart = charts.Value.Build("revenue");
        // One partner has one category: keep its series (and the trailing line), not the program's other categories.
        return chart with { Title = "Your revenue by month", Series = chart.Series.Where(s => s.Line || s.Values.Any(v => v != 0)).ToList() };
    }

    /// <summary>A partner's progress to the tier above the one it qualifies for (scope-checked by the fact store).</summary>
    public async Task<Result<Chart>> PartnerProgressAsync(PartnerId partner, DateOnly? asOf, CancellationToken ct)
    {
        var date = asOf ?? programs.Today;
        var program = (await programs.AtAsync(date, ct)).Program;
        var own = await facts.ForPartnerAsync(partner, program.Currency, ct);
        return own.IsSuccess ? TierProgress.Toward(program, own.Value, date) : own.Error;
    }

    public async Task<Result<ChartPartners>> PartnersAsync(string key, string? point, string? series, DateOnly? asOf, CancellationToken ct)
    {
        if (!Keys.Contains(key)) return UnknownChart(key);
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(point)) errors.Add("point", "Give the point (a month such as 2026-05, a subcategory, tier, level or status) whose partners to list.");
        if (string.IsNullOrWhiteSpace(series)) errors.Add("series", "Give the series (a category, tier, target metric…) whose partners to list.");
        if (errors.Any) return errors.ToError();
        var date = asOf ?? programs.Today;
        var ids = (key == CommissionChart.Key
            ? CommissionChart.Partners(await CommissionLinesAsync(date, (await programs.AtAsync(date, ct)).Program.Currency, ct), date, point!, series!)
            : (await BuildAsync(date, null, ct)).Value.Partners(key, point!, series!)).ToHashSet();
        var names = await db.Partners.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        return new ChartPartners(key, point!, series!, date,
            names.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(p => new PartnerLink(p.Id.Value, p.Name)).ToList());
    }

    /// <summary>The chart as a table for CSV and XLSX: one row per point, one column per series (money in major units).</summary>
    public static ReportTable Table(Chart chart) => new(chart.Title, chart.AsOf, ["point", "label", .. chart.Series.Select(s => s.Key)],
        chart.Points.Select((p, i) => (IReadOnlyList<object?>)[p.Key, p.Label, .. chart.Series.Select(s => (object?)s.Values[i])]).ToList());

    private static Error UnknownChart(string key) => Error.NotFound("Chart", $"'{key}' (charts: {string.Join(", ", Keys)})");

    private async Task<Chart> CommissionsAsync(DateOnly? asOf, CancellationToken ct)
    {
        var date = asOf ?? programs.Today;
        var currency = (await programs.AtAsync(date, ct)).Program.Currency;
        return CommissionChart.Build(await CommissionLinesAsync(date, currency, ct), date, currency);
    }

    /// <summary>
    /// Every line on the partners' held and payable accounts up to the date, in the program's currency, each marked
    /// whether it settles (a payout or fee set-off, or the reversal of one).
    /// </summary>
    private async Task<IReadOnlyList<CommissionLine>> CommissionLinesAsync(DateOnly date, Currency currency, CancellationToken ct)
    {
        var lines = await (
            from e in db.LedgerEntries.AsNoTracking()
            where (e.Account == LedgerAccount.CommissionHeld || e.Account == LedgerAccount.CommissionPayable) && e.OccurredOn <= date && e.Currency == currency
            join t in db.LedgerTransactions.AsNoTracking() on e.TransactionId equals t.Id
            join o in db.LedgerTransactions.AsNoTracking() on t.RelatesTo equals (LedgerTransactionId?)o.Id into originals
            from o in originals.DefaultIfEmpty()
            select new { e.OccurredOn, e.PartnerId, e.Account, e.AmountMinor, t.Kind, Original = (LedgerTransactionKind?)o.Kind }).ToListAsync(ct);
        return lines.Select(l => new CommissionLine(l.OccurredOn, l.PartnerId!.Value, l.Account,
            CommissionChart.IsSettlement(l.Kind == LedgerTransactionKind.Reversal && l.Original is { } original ? original : l.Kind), l.AmountMinor)).ToList();
    }

    private async Task<Result<ProgramCharts>> BuildAsync(DateOnly? asOf, PartnerId? partner, CancellationToken ct)
    {
        var date = asOf ?? programs.Today;
        var current = await programs.AtAsync(date, ct);
        ProgramFacts all;
        if (partner is { } id)
        {
            var own = await facts.ForPartnerAsync(id, current.Program.Currency, ct);
            if (!own.IsSuccess) return own.Error;
            all = new ProgramFacts([own.Value], []);
        }
        else all = await facts.ForProgramAsync(current.Program.Currency, ct);

        // Each month end is evaluated with the version in force that day; resolve them before the synchronous build.
        var versions = new Dictionary<DateOnly, (Core.Programs.PartnerProgram, string)>();
        foreach (var end in Enumerable.Range(0, 13).Select(i => ProgramCharts.MonthEnd(date, i - 12)).Append(date))
        {
            var version = await programs.AtAsync(end, ct);
            versions[end] = (version.Program, version.Label);
        }

        return new ProgramCharts(all, date, day => versions[day]);
    }
}
