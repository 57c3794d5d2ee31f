using PartnerHub.Core.Facts;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Evaluation;

/// <summary>Program-level results from the partners' summaries (docs/kpis.md, "Program KPIs").</summary>
internal static class ProgramRules
{
    public static ProgramStanding Summarize(CompiledProgram cp, ProgramFacts facts, PartnerSummary[] partners, DateOnly asOf)
    {
        var program = cp.Program;
        var tierCounts = new int[cp.TierCount];
        var levelHeld = new int[cp.Levels.Length];
        var levelEligible = new int[cp.Levels.Length];
        var subCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        int active = 0, activeYearAgo = 0, retained = 0;
        long revenue = 0, revenueCompleteMonths = 0;
        var yearAgo = Periods.AddMonths(asOf, -12);
        for (var i = 0; i < partners.Length; i++)
        {
            var f = facts.Partners[i];
            var wasActive = f.IsActiveOn(yearAgo);
            if (wasActive) activeYearAgo++;

            // Revenue a partner brought counts even if it has left since; counts against targets are of active partners.
            revenue += partners[i].RevenueMinor;
            revenueCompleteMonths += partners[i].RevenueCompleteMonthsMinor;
            if (!partners[i].Active) continue;
            if (wasActive) retained++;
            active++;
            tierCounts[partners[i].HeldTier]++;
            if (partners[i].CertificationHeld >= 0) levelHeld[partners[i].CertificationHeld]++;
            if (partners[i].CertificationEligible >= 0) levelEligible[partners[i].CertificationEligible]++;
            subCounts[f.Subcategory] = subCounts.GetValueOrDefault(f.Subcategory) + 1;
        }

        var tiers = program.Tiers.Select((t, i) => Against(t.Key, TierExplainer.ShortName(t), tierCounts[i], t.TargetCount, "partners")).ToList();
        var subcategories = program.Categories.SelectMany(c => c.Subcategories)
            .Select(s => Against(s.Key, s.Name, subCounts.GetValueOrDefault(s.Key), s.TargetCount, "partners")).ToList();
        var categories = program.Categories.Select(c => Against(c.Key, c.Name, c.Subcategories.Sum(s => subCounts.GetValueOrDefault(s.Key)),
            new CountRange(c.Subcategories.Sum(s => s.TargetCount.Min), c.Subcategories.Sum(s => s.TargetCount.Max)), "partners")).ToList();
        var levels = cp.Levels.Select((l, i) => new LevelCount(l.Key, levelHeld[i], levelEligible[i])).ToList();

        var kpis = new List<KpiValue>();
        var name = (string key) => program.Kpis.FirstOrDefault(k => k.Key == key)?.Name ?? key;
        var since = Display.Date(yearAgo);
        kpis.Add(activeYearAgo > 0
            ? Percent(KpiKeys.PartnerRetention, name(KpiKeys.PartnerRetention), retained * 100m / activeYearAgo,
                $"{retained} of the {activeYearAgo} partners active on {since} are still active.")
            : NoData(KpiKeys.PartnerRetention, name(KpiKeys.PartnerRetention), $"No partner was active on {since}."));
        kpis.Add(activeYearAgo > 0
            ? Percent(KpiKeys.PartnerGrowth, name(KpiKeys.PartnerGrowth), (active - activeYearAgo) * 100m / activeYearAgo,
                $"{active} active partners now against {activeYearAgo} on {since}.")
            : NoData(KpiKeys.PartnerGrowth, name(KpiKeys.PartnerGrowth), $"No partner was active on {since}."));
        var period = Periods.CompleteMonths12(asOf);
        var company = KpiExplainer.CompanyRevenue(facts.CompanyRevenue, period);
        var months = $"{period.First:yyyy-MM} to {period.Last:yyyy-MM}";
        kpis.Add(company > 0
            ? Percent(KpiKeys.RevenueShare, name(KpiKeys.RevenueShare), revenueCompleteMonths * 100m / company,
                $"partner revenue {Display.Money(revenueCompleteMonths, program.Currency)} of company revenue {Display.Money(company, program.Currency)}, {months}.")
            : NoData(KpiKeys.RevenueShare, name(KpiKeys.RevenueShare), $"No company revenue known for {months}."));
        return new ProgramStanding(active, tiers, categories, subcategories, levels, revenue, kpis);
    }

    private static CountAgainstTarget Against(string key, string name, int count, CountRange target, string noun)
    {
        var status = count < target.Min ? TargetStatus.Below : count > target.Max ? TargetStatus.Above : TargetStatus.Within;
        var relation = status switch
        {
            TargetStatus.Below => $"{target.Min - count} below the target of {target}",
            TargetStatus.Above => $"{count - target.Max} above the target of {target}",
            _ => $"within the target of {target}",
        };
        // "12 Technology Partners", not "12 Technology Partners partners".
        var what = name.EndsWith(" Partners", StringComparison.Ordinal) || name.EndsWith(" " + noun, StringComparison.OrdinalIgnoreCase) ? name : $"{name} {noun}";
        return new CountAgainstTarget(key, name, count, target, status, $"{count} {what}: {relation}.");
    }

    private static KpiValue Percent(string key, string name, decimal value, string explanation) =>
        new(key, name, KpiUnit.Percent, value, Display.Percent(value), $"{Display.Percent(value)}: {explanation}");

    private static KpiValue NoData(string key, string name, string explanation) => new(key, name, KpiUnit.Percent, null, "no data", explanation);
}
