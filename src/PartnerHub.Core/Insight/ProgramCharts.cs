using PartnerHub.Core.Common;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Insight;

/// <summary>
/// The program dashboard's charts on a date, from the same facts and evaluation as every other number: the last twelve
/// months end on the date (month ends before it, the date itself for its own month), each month evaluated with the
/// program version in force at its end. Every point can name the partners behind it (<see cref="Partners"/>).
/// </summary>
public sealed class ProgramCharts
{
    public static IReadOnlyList<string> Keys { get; } = ["revenue", "tiers", "tier-moves", "targets", "tier-targets", "certification", "deals", "win-rate"];

    private const int Months = 12;
    private readonly PartnerProgram _program;
    private readonly ProgramFacts _facts;
    private readonly DateOnly _asOf;
    private readonly DateOnly[] _ends;
    private readonly ProgramEvaluation[] _evaluations;

    /// <summary>Evaluates the 13 month ends (the twelve and the one before), each with <paramref name="programAt"/> that day.</summary>
    public ProgramCharts(ProgramFacts facts, DateOnly asOf, Func<DateOnly, (PartnerProgram Program, string Version)> programAt)
    {
        _facts = facts;
        _asOf = asOf;
        _ends = Enumerable.Range(0, Months + 1).Select(i => MonthEnd(asOf, i - Months)).ToArray();
        _evaluations = _ends.Select(end =>
        {
            var (program, version) = programAt(end);
            return Evaluator.EvaluateAll(program, version, facts, end);
        }).ToArray();
        _program = programAt(asOf).Program;
    }

    /// <summary>The end of the month <paramref name="offset"/> months from the date's month; the date itself for offset 0.</summary>
    public static DateOnly MonthEnd(DateOnly asOf, int offset)
    {
        if (offset == 0) return asOf;
        var first = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(offset);
        return first.AddMonths(1).AddDays(-1);
    }

    private static IEnumerable<int> MonthIndexes => Enumerable.Range(1, Months);

    private ChartPoint[] MonthPoints => MonthIndexes.Select(i => new ChartPoint(_ends[i].ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), _ends[i].ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture))).ToArray();

    private PartnerSummary[] At(int month) => _evaluations[month].Partners;

    public Chart Build(string key) => key switch
    {
        "revenue" => Revenue(),
        "tiers" => Tiers(),
        "tier-moves" => TierMoves(),
        "targets" => Targets(),
        "tier-targets" => TierTargets(),
        "certification" => Certification(),
        "deals" => Deals(),
        "win-rate" => WinRate(),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a chart; see ProgramCharts.Keys."),
    };

    /// <summary>The partners behind one value: a point of the chart and one of its series; empty when the pair names nothing.</summary>
    public IReadOnlyList<PartnerId> Partners(string key, string point, string series)
    {
        var month = Array.FindIndex(_ends, 1, e => e.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) == point);
        var ids = new List<PartnerId>();
        for (var i = 0; i < _facts.Partners.Count; i++)
            if (Behind(key, point, series, month, i)) ids.Add(_facts.Partners[i].PartnerId);
        return ids;
    }

    private bool Behind(string key, string point, string series, int month, int i)
    {
        var f = _facts.Partners[i];
        var now = At(Months)[i];
        switch (key)
        {
            case "revenue" when month > 0:
                return series == "trailing-12" ? RevenueIn(f, _ends[month], 12) != 0 : f.Category == series && RevenueIn(f, _ends[month], 1) != 0;
            case "tiers" when month > 0:
                return At(month)[i].Active && TierKey(At(month)[i].HeldTier) == series;
            case "tier-moves" when month > 0:
                return Move(month, i) == series;
            case "targets":
                return now.Active && f.Subcategory == point;
            case "tier-targets":
                return now.Active && TierKey(now.HeldTier) == point && Enum.TryParse<TargetMetric>(series, true, out var metric) && now.Targets[metric] == Attainment.Met;
            case "certification":
                var level = _program.Certification.Levels.ToList().FindIndex(l => l.Key == point);
                return now.Active && level >= 0 && (series == "held" ? now.CertificationHeld == level : now.CertificationEligible == level);
            case "deals":
                return f.Deals.Any(d => InLastYear(d.RegisteredOn) && StatusOn(d) == point);
            case "win-rate" when month > 0:
                return f.Deals.Any(d => d.Outcome != DealOutcome.Open && d.ClosedOn is { } c && c > _ends[month - 1] && c <= _ends[month]);
            default:
                return false;
        }
    }

    private Chart Revenue()
    {
        var series = _program.Categories.Select(c => new ChartSeries(c.Key, c.Name, MonthIndexes.Select(m =>
            Major(_facts.Partners.Where(f => f.Category == c.Key).Sum(f => RevenueIn(f, _ends[m], 1)))).ToList())).ToList();
        series.Add(new ChartSeries("trailing-12", "Trailing 12 months", MonthIndexes.Select(m => Major(_facts.Partners.Sum(f => RevenueIn(f, _ends[m], 12)))).ToList(), Line: true));
        return new Chart("revenue", "Partner revenue by month and category", _asOf, ChartUnit.Money, true, MonthPoints, series,
            $"Revenue of the program's basis ({_program.Measurement.RevenueBasis.ToString().ToLowerInvariant()}) less refunds and chargebacks, per calendar month (the last one up to {Display.Date(_asOf)}), stacked by the partner's category; the line is the total of the twelve months ending with each month.") { Currency = _program.Currency.Code };
    }

    private Chart Tiers()
    {
        var series = _program.Tiers.Select((t, index) => new ChartSeries(t.Key, Display.TierName(t),
            MonthIndexes.Select(m => (decimal)At(m).Count(s => s.Active && s.HeldTier == index)).ToList())).ToList();
        return new Chart("tiers", "Active partners per tier", _asOf, ChartUnit.Count, true, MonthPoints, series,
            "Active partners at each month's end by the tier they held then (promotions and demotions take effect at reviews), under the program version in force that day.");
    }

    private Chart TierMoves()
    {
        var series = new[] { ("promotion", "Promotions"), ("demotion", "Demotions") }.Select(s => new ChartSeries(s.Item1, s.Item2,
            MonthIndexes.Select(m => (decimal)Enumerable.Range(0, _facts.Partners.Count).Count(i => Move(m, i) == s.Item1)).ToList())).ToList();
        return new Chart("tier-moves", "Tier moves per month", _asOf, ChartUnit.Count, false, MonthPoints, series,
            "Partners active at the end of two consecutive months whose held tier went up (promotion) or down (demotion) between them: the reviews' decisions as they took effect.");
    }

    private string? Move(int month, int i)
    {
        var (before, after) = (At(month - 1)[i], At(month)[i]);
        if (!before.Active || !after.Active || before.HeldTier == after.HeldTier) return null;
        return after.HeldTier < before.HeldTier ? "promotion" : "demotion"; // tiers are listed strongest first
    }

    private Chart Targets()
    {
        var subs = _program.Categories.SelectMany(c => c.Subcategories).ToList();
        var counts = _evaluations[Months].Program.Subcategories;
        var points = subs.Select(s => new ChartPoint(s.Key, s.Name)).ToList();
        ChartSeries[] series =
        [
            new("active", "Active partners", subs.Select(s => (decimal)counts.Single(c => c.Key == s.Key).Count).ToList()),
            new("target-min", "Target (minimum)", subs.Select(s => (decimal)s.TargetCount.Min).ToList(), Line: true),
            new("target-max", "Target (maximum)", subs.Select(s => (decimal)s.TargetCount.Max).ToList(), Line: true),
        ];
        return new Chart("targets", "Active partners against target counts, per subcategory", _asOf, ChartUnit.Count, false, points, series,
            $"Active partners on {Display.Date(_asOf)} in each subcategory against the program's target range for it.");
    }

    private Chart TierTargets()
    {
        var now = At(Months);
        var points = _program.Tiers.Select(t => new ChartPoint(t.Key, Display.TierName(t))).ToList();
        var series = Enum.GetValues<TargetMetric>().Select(metric => new ChartSeries(metric.ToString().ToLowerInvariant(), metric.ToString(),
            _program.Tiers.Select((_, tier) =>
            {
                var measured = now.Where(s => s.Active && s.HeldTier == tier && s.Targets[metric] != Attainment.NoData).ToList();
                return measured.Count == 0 ? 0m : Math.Round(measured.Count(s => s.Targets[metric] == Attainment.Met) * 100m / measured.Count, 1);
            }).ToList())).ToList();
        return new Chart("tier-targets", "Success targets met, per tier", _asOf, ChartUnit.Percent, false, points, series,
            "For each tier, the share of its active partners with data for a success target who meet it (revenue, growth, satisfaction, retention, advocacy as the tier defines them).");
    }

    private Chart Certification()
    {
        var levels = _program.Certification.Levels;
        var now = At(Months);
        var points = levels.Select(l => new ChartPoint(l.Key, l.Name)).ToList();
        ChartSeries[] series =
        [
            new("held", "Hold the level", levels.Select((_, i) => (decimal)now.Count(s => s.Active && s.CertificationHeld == i)).ToList()),
            new("eligible", "Eligible for it", levels.Select((_, i) => (decimal)now.Count(s => s.Active && s.CertificationEligible == i)).ToList()),
        ];
        return new Chart("certification", "Certification funnel", _asOf, ChartUnit.Count, false, points, series,
            $"Active partners on {Display.Date(_asOf)} holding each certification level (their highest valid one), and those eligible for it who do not hold it yet.");
    }

    private Chart Deals()
    {
        string[] statuses = ["open", "won", "lost"];
        var deals = _facts.Partners.SelectMany(f => f.Deals).Where(d => InLastYear(d.RegisteredOn)).ToList();
        var values = statuses.Select(s => $"{s} {Display.Money(deals.Where(d => StatusOn(d) == s).Sum(d => d.AmountMinor), _program.Currency)}");
        ChartSeries[] series = [new("count", "Deals", statuses.Select(s => (decimal)deals.Count(d => StatusOn(d) == s)).ToList())];
        return new Chart("deals", "Deal pipeline by status", _asOf, ChartUnit.Count, false, statuses.Select(s => new ChartPoint(s, s)).ToList(), series,
            $"Deals registered in the twelve months to {Display.Date(_asOf)} by their status that day (a deal closed later is still open). Value: {string.Join(", ", values)}.");
    }

    private Chart WinRate()
    {
        var closed = _facts.Partners.SelectMany(f => f.Deals).Where(d => d.Outcome != DealOutcome.Open && d.ClosedOn is not null).ToList();
        var rates = MonthIndexes.Select(m =>
        {
            var inMonth = closed.Where(d => d.ClosedOn > _ends[m - 1] && d.ClosedOn <= _ends[m]).ToList();
            return inMonth.Count == 0 ? 0m : Math.Round(inMonth.Count(d => d.Outcome == DealOutcome.Won) * 100m / inMonth.Count, 1);
        }).ToList();
        return new Chart("win-rate", "Win rate by month", _asOf, ChartUnit.Percent, false, MonthPoints, [new("win-rate", "Win rate", rates, Line: true)],
            "Deals won of the deals won or lost in each month (0 in a month without closed deals).");
    }

    private bool InLastYear(DateOnly day) => day > _ends[0] && day <= _asOf;

    private string StatusOn(DealFact d) => d.ClosedOn is { } c && c <= _asOf ? d.Outcome.ToString().ToLowerInvariant() : "open";

    private string TierKey(int index) => index >= 0 && index < _program.Tiers.Count ? _program.Tiers[index].Key : "";

    /// <summary>Net revenue of the program's basis in the <paramref name="months"/> calendar months ending with the one that ends on <paramref name="end"/>.</summary>
    private long RevenueIn(PartnerFacts f, DateOnly end, int months)
    {
        var from = new DateOnly(end.Year, end.Month, 1).AddMonths(1 - months);
        var cp = CompiledProgram.For(_program);
        long sum = 0;
        foreach (var e in f.Revenue)
            if (e.Date >= from && e.Date <= end) sum += cp.Sign(e.Kind) * Math.Abs(e.AmountMinor);
        return sum;
    }

    private decimal Major(long minor) => new Money(minor, _program.Currency).ToMajor();
}
