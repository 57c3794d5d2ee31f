using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Standing;

/// <summary>A report as a table: what the CSV and XLSX downloads hold. Every row has the link to its explanation.</summary>
public sealed record ReportTable(string Title, DateOnly AsOf, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// Partner performance reports on a date: the program's (one row per partner in the program) and one partner's (one row
/// per KPI, target and health factor), each figure with its explanation or the page that explains it.
/// </summary>
public sealed class GetReports(PartnerHubDb db, EvaluateProgram evaluate, GetStanding standing)
{
    public async Task<ReportTable> ProgramAsync(DateOnly? asOf, string baseUrl, CancellationToken ct)
    {
        var e = await evaluate.AtAsync(asOf, ct);
        var program = e.Version.Program;
        var partners = await db.Partners.AsNoTracking().Select(p => new { p.Id, p.Name, p.Domain, p.Stage, p.Region }).ToDictionaryAsync(p => p.Id, ct);
        var rows = new List<IReadOnlyList<object?>>();
        for (var i = 0; i < e.Facts.Partners.Count; i++)
        {
            var (f, s) = (e.Facts.Partners[i], e.Evaluation.Partners[i]);
            if (!partners.TryGetValue(f.PartnerId, out var p)) continue;
            rows.Add([
                p.Name, p.Domain, f.Category, f.Subcategory, p.Stage.Key(), p.Region, s.Active ? "yes" : "no",
                s.Active ? program.Tiers[s.HeldTier].Key : null,
                s.CertificationHeld >= 0 ? program.Certification.Levels[s.CertificationHeld].Key : null,
                Major(s.RevenueMinor, program.Currency), s.GrowthPercent, s.WinRatePercent, s.HealthScore,
                $"{baseUrl.TrimEnd('/')}/partners/{f.PartnerId.Value}?asOf={Display.Date(e.AsOf)}",
            ]);
        }

        return new ReportTable($"Partner performance, program {e.Version.Label}", e.AsOf,
            ["partner", "domain", "category", "subcategory", "stage", "region", "active", "tier", "certification",
                $"trailing_12_month_revenue_{program.Currency.Code.ToLowerInvariant()}", "growth_percent", "win_rate_percent", "health", "explanation"],
            rows.OrderBy(r => (string)r[0]!, StringComparer.OrdinalIgnoreCase).ToList());
    }

    public async Task<Result<ReportTable>> PartnerAsync(PartnerId id, DateOnly? asOf, CancellationToken ct)
    {
        var result = await standing.HandleAsync(id, asOf, ct);
        if (!result.IsSuccess) return result.Error;
        var s = result.Value;
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "tier", "Tier held", s.TierName(s.Tier.Held), null, s.Tier.Explanation },
            new object?[] { "certification", "Certification held", s.LevelName(s.Certification.Held), null, s.Certification.Explanation },
        };
        rows.AddRange(s.Kpis.Select(k => new object?[] { $"kpi:{k.Key}", k.Name, k.Text, null, k.Explanation }));
        rows.AddRange(s.Targets.Select(t => new object?[] { $"target:{t.Metric.ToString().ToLowerInvariant()}", $"{t.Metric} target", t.Actual, t.Target, t.Explanation }));
        rows.Add(new object?[] { "health", "Health score", s.Health.Score, null, s.Health.Explanation });
        return new ReportTable($"Partner performance: {s.PartnerName}", s.AsOf, ["key", "figure", "value", "target", "explanation"], rows);
    }

    private static decimal Major(long minor, Currency currency) => new Money(minor, currency).ToMajor();
}
