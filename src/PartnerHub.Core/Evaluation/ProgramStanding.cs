using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Evaluation;

public enum TargetStatus
{
    Below,
    Within,
    Above,
}

/// <summary>A count of active partners against the program's target range ("7 Strategic partners, within 5–10").</summary>
public sealed record CountAgainstTarget(string Key, string Name, int Count, CountRange Target, TargetStatus Status, string Explanation);

/// <summary>How many active partners hold, and how many are eligible for, a certification level.</summary>
public sealed record LevelCount(string Level, int Held, int Eligible);

/// <summary>The whole program on a date: counts against targets, certification, and the program-level KPIs.</summary>
public sealed record ProgramStanding(
    int ActivePartners,
    IReadOnlyList<CountAgainstTarget> Tiers,
    IReadOnlyList<CountAgainstTarget> Categories,
    IReadOnlyList<CountAgainstTarget> Subcategories,
    IReadOnlyList<LevelCount> Certifications,
    long PartnerRevenueMinor,
    IReadOnlyList<KpiValue> Kpis);

/// <summary>The batch result: one summary per partner, in the order of the facts given, and the program standing.</summary>
public sealed record ProgramEvaluation(string ProgramVersion, DateOnly AsOf, PartnerSummary[] Partners, ProgramStanding Program);
