using PartnerHub.Core.Facts;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Evaluation;

/// <summary>Program-level results from the partners' summaries (docs/kpis.md, "Program KPIs").</summary>
internal static class ProgramRules
{
    public static ProgramStanding Summarize(CompiledProgram cp, ProgramFacts facts, PartnerSummary[] partners, DateOnly asOf)
    {
        var tally = new ProgramTally(cp, asOf);
        for (var i = 0; i < partners.Length; i++) tally.Add(facts.Partners[i], partners[i]);
        return Summarize(cp, facts, tally, asOf);
    }

    /// <summary>The program standing from a tally (the batch keeps one per thread and merges them).</summary>
    public static ProgramStanding Summarize(CompiledProgram cp, ProgramFacts facts, ProgramTally tally, DateOnly asOf)
    {
        tally.Flush();
        var program = cp.Program;
        var (tierCounts, levelHeld, levelEligible, subCounts) = (tally.TierCounts, tally.LevelHeld, tally.LevelEligible, tally.Subcategories);
        var (active, activeYearAgo, retained) = (tally.Active, tally.ActiveYearAgo, tally.Retained);
        var (revenue, revenueCompleteMonths) = (tally.Revenue, tally.RevenueCompleteMonths);
        var yearAgo = tally.YearAgo;

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

/// <summary>Running counts of the program standing; one per thread in the batch, merged at the end (counts and sums commute).</summary>
internal sealed class ProgramTally(CompiledProgram cp, DateOnly asOf)
{
    private string? _lastSubcategory;
    private int _lastSubcategoryCount;

    public DateOnly YearAgo { get; } = Periods.AddMonths(asOf, -12);
    public int[] TierCounts { get; } = new int[cp.TierCount];
    public int[] LevelHeld { get; } = new int[cp.Levels.Length];
    public int[] LevelEligible { get; } = new int[cp.Levels.Length];
    public Dictionary<string, int> Subcategories { get; } = new(StringComparer.Ordinal);
    public int Active { get; private set; }
    public int ActiveYearAgo { get; private set; }
    public int Retained { get; private set; }
    public long Revenue { get; private set; }
    public long RevenueCompleteMonths { get; private set; }

    public void Add(PartnerFacts f, in PartnerSummary s)
    {
        var wasActive = f.IsActiveOn(YearAgo);
        if (wasActive) ActiveYearAgo++;

        // Revenue a partner brought counts even if it has left since; counts against targets are of active partners.
        Revenue += s.RevenueMinor;
        RevenueCompleteMonths += s.RevenueCompleteMonthsMinor;
        if (!s.Active) return;
        if (wasActive) Retained++;
        Active++;
        TierCounts[s.HeldTier]++;
        if (s.CertificationHeld >= 0) LevelHeld[s.CertificationHeld]++;
        if (s.CertificationEligible >= 0) LevelEligible[s.CertificationEligible]++;
        // Runs of partners share a subcategory string: count them before touching the dictionary.
        if (ReferenceEquals(f.Subcategory, _lastSubcategory))
        {
            _lastSubcategoryCount++;
            return;
        }

        Flush();
        (_lastSubcategory, _lastSubcategoryCount) = (f.Subcategory, 1);
    }

    public void Merge(ProgramTally other)
    {
        other.Flush();
        ActiveYearAgo += other.ActiveYearAgo;
        Revenue += other.Revenue;
        RevenueCompleteMonths += other.RevenueCompleteMonths;
        Retained += other.Retained;
        Active += other.Active;
        for (var i = 0; i < TierCounts.Length; i++) TierCounts[i] += other.TierCounts[i];
        for (var i = 0; i < LevelHeld.Length; i++) (LevelHeld[i], LevelEligible[i]) = (LevelHeld[i] + other.LevelHeld[i], LevelEligible[i] + other.LevelEligible[i]);
        foreach (var (key, count) in other.Subcategories) Subcategories[key] = Subcategories.GetValueOrDefault(key) + count;
    }

    public void Flush()
    {
        if (_lastSubcategory is null) return;
        Subcategories[_lastSubcategory] = Subcategories.GetValueOrDefault(_lastSubcategory) + _lastSubcategoryCount;
        (_lastSubcategory, _lastSubcategoryCount) = (null, 0);
    }
}
