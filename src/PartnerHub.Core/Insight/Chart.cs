namespace PartnerHub.Core.Insight;

public enum ChartUnit
{
    Count,

    /// <summary>Amounts in major units of the program currency.</summary>
    Money,
    Percent,
}

/// <summary>A point on the x axis: a month ("2026-05"), a subcategory, a tier, a status.</summary>
public sealed record ChartPoint(string Key, string Label);

/// <summary>One value per point of the chart, in order; a line series is drawn as a line over the bars.</summary>
public sealed record ChartSeries(string Key, string Name, IReadOnlyList<decimal> Values, bool Line = false);

/// <summary>A chart's data on a date, with how it was computed; drawn as SVG, shown as a table and downloaded as CSV from the same record.</summary>
public sealed record Chart(string Key, string Title, DateOnly AsOf, ChartUnit Unit, bool Stacked, IReadOnlyList<ChartPoint> Points,
    IReadOnlyList<ChartSeries> Series, string Explanation)
{
    /// <summary>The ISO code of a money chart's currency; null for other units.</summary>
    public string? Currency { get; init; }
}
