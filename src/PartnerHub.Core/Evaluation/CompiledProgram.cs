using System.Runtime.CompilerServices;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Evaluation;

/// <summary>
/// A program flattened into arrays for the hot loop: tiers by index (0 = highest), criteria by index, levels lowest
/// first. Built once per program instance and cached (programs are immutable).
/// </summary>
internal sealed class CompiledProgram
{
    private static readonly ConditionalWeakTable<PartnerProgram, CompiledProgram> Cache = new();

    private CompiledProgram(PartnerProgram program)
    {
        Program = program;
        TierCount = program.Tiers.Count;
        TierMinRevenue = program.Tiers.Select(t => t.Revenue.MinMinor ?? long.MinValue).ToArray();
        Criteria = program.TierCriteria.Select(c => c.Key).ToArray();
        RatingMin = new int[TierCount * Criteria.Length];
        for (var t = 0; t < TierCount; t++)
            foreach (var r in program.Tiers[t].Ratings)
                RatingMin[(t * Criteria.Length) + Array.IndexOf(Criteria, r.Criterion)] = r.Min ?? 0;
        InnovationCriterion = Array.IndexOf(Criteria, "innovation");
        Targets = program.Tiers.Select(t => t.SuccessTargets).ToArray();
        Levels = program.Certification.Levels.ToArray();
        LevelPassMark = Levels.Select(l => program.FindExam(l.Exam)?.PassMark ?? 0).ToArray();
        LevelCondition = Levels.Select(l => program.Certification.PerformanceConditions.First(c => c.Key == l.Performance)).ToArray();
        LevelConditionTier = LevelCondition.Select(c => c.Reference switch
        {
            TargetReference.TopTier => 0,
            TargetReference.NamedTier => program.TierRank(c.Tier!),
            _ => -1,
        }).ToArray();
        LevelConditionMetrics = LevelCondition.Select(c => c.Metrics.Aggregate(0, (mask, m) => mask | (1 << (int)m))).ToArray();
        LevelConditionAtLeast = LevelCondition.Select(c => c.AtLeast).ToArray();
        HealthWeights = new decimal[HealthFactors.All.Count];
        foreach (var w in program.HealthWeights) HealthWeights[IndexOf(HealthFactors.All, w.Factor)] = w.Percent;
        EngagementPoints = program.Measurement.Engagement.Points;
        EngagementWindowDays = program.Measurement.Engagement.WindowDays;
        EngagementFullScore = program.Measurement.Engagement.FullScorePoints;
        Basis = program.Measurement.RevenueBasis;
        CadenceMonths = program.TierReview.CadenceMonths;
        GraceMonths = program.TierReview.GracePeriodMonths;
    }

    public PartnerProgram Program { get; }
    public int TierCount { get; }
    public long[] TierMinRevenue { get; }
    public string[] Criteria { get; }

    /// <summary>Minimum rating per [tier × criterion], 0 for none.</summary>
    public int[] RatingMin { get; }
    public int InnovationCriterion { get; }
    public SuccessTargets[] Targets { get; }
    public CertificationLevel[] Levels { get; }
    public int[] LevelPassMark { get; }
    public PerformanceCondition[] LevelCondition { get; }

    /// <summary>The tier whose targets a level's performance condition uses; −1 = the partner's own held tier.</summary>
    public int[] LevelConditionTier { get; }

    /// <summary>Bit per <see cref="TargetMetric"/> the level's performance condition requires.</summary>
    public int[] LevelConditionMetrics { get; }

    /// <summary>How many of those metrics must be met.</summary>
    public int[] LevelConditionAtLeast { get; }
    public decimal[] HealthWeights { get; }
    public IReadOnlyDictionary<string, int> EngagementPoints { get; }
    public int EngagementWindowDays { get; }
    public int EngagementFullScore { get; }
    public RevenueBasis Basis { get; }
    public int CadenceMonths { get; }
    public int GraceMonths { get; }

    public static CompiledProgram For(PartnerProgram program) => Cache.GetValue(program, p => new CompiledProgram(p));

    /// <summary>+1 for revenue of the program's basis, −1 for refunds and chargebacks, 0 for kinds the basis ignores.</summary>
    public int Sign(RevenueKind kind) => kind switch
    {
        RevenueKind.Refund or RevenueKind.Chargeback => -1,
        RevenueKind.Payment when Basis == RevenueBasis.Collected => 1,
        RevenueKind.Invoice when Basis == RevenueBasis.Invoiced => 1,
        RevenueKind.Booking when Basis == RevenueBasis.Bookings => 1,
        _ => 0,
    };

    public int CriterionIndex(string key)
    {
        for (var i = 0; i < Criteria.Length; i++)
            if (string.Equals(Criteria[i], key, StringComparison.Ordinal)) return i;
        return -1;
    }

    public int LevelIndex(string key)
    {
        for (var i = 0; i < Levels.Length; i++)
            if (string.Equals(Levels[i].Key, key, StringComparison.Ordinal)) return i;
        return -1;
    }

    private static int IndexOf(IReadOnlyList<string> list, string key)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == key) return i;
        return -1;
    }
}
