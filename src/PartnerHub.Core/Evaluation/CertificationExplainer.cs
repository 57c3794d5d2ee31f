using System.Globalization;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Evaluation;

/// <summary>Builds the certification part of a <see cref="Standing"/>: held, eligible, and what the next level still needs, in plain words.</summary>
internal static class CertificationExplainer
{
    public static CertificationStanding Explain(CompiledProgram cp, PartnerFacts facts, DateOnly asOf, in PartnerSummary summary, in Measured measured)
    {
        var levels = cp.Levels;
        var held = summary.CertificationHeld;
        var eligible = summary.CertificationEligible;
        var parts = new List<string>
        {
            held >= 0 ? $"Holds {levels[held].Name} until {Display.Date(summary.CertificationExpiresOn!.Value)}" : "Holds no certification",
            eligible >= 0 ? $"eligible for {levels[eligible].Name}" : "not yet eligible for any level",
        };
        var renewalDue = held >= 0 && summary.CertificationExpiresOn!.Value.AddDays(-levels[held].RenewalWindowDays) <= asOf;
        var meets = eligible >= held ? $"it still meets {levels[held < 0 ? 0 : held].Name}'s requirements" : $"it no longer meets {levels[held < 0 ? 0 : held].Name}'s requirements";
        if (renewalDue) parts.Add($"renewal is due by {Display.Date(summary.CertificationExpiresOn!.Value)} and {meets}");
        else if (held >= 0) parts.Add(meets);

        var next = Math.Max(held, eligible) + 1;
        var checks = new List<RequirementCheck>();
        string? nextKey = null;
        if (next < levels.Length)
        {
            nextKey = levels[next].Key;
            var previousEligible = next > 0 && eligible >= next - 1;
            var missing = new List<string>();
            foreach (var (requirement, check, words) in Requirements(cp, facts, asOf, next, held, previousEligible, summary.HeldTier, measured))
            {
                checks.Add(check);
                if (!check.Passed) missing.Add(words);
            }

            parts.Add(missing.Count == 0
                ? $"{levels[next].Name}: every requirement is met"
                : $"{levels[next].Name} needs {Words.And(missing)}");
        }
        else parts.Add("it has reached the top level");

        return new CertificationStanding(held >= 0 ? levels[held].Key : null, summary.CertificationExpiresOn, renewalDue, eligible >= 0 ? levels[eligible].Key : null,
            nextKey, checks, string.Join("; ", parts) + ".");
    }

    private static List<(Requirement, RequirementCheck, string)> Requirements(CompiledProgram cp, PartnerFacts facts, DateOnly asOf, int level,
        int held, bool previousEligible, int heldTier, Measured measured)
    {
        var program = cp.Program;
        var l = cp.Levels[level];
        var met = CertificationRules.Check(cp, facts, asOf, level, held, previousEligible, heldTier, measured);
        var result = new List<(Requirement, RequirementCheck, string)>();

        if (level > 0)
        {
            var before = cp.Levels[level - 1];
            result.Add((Requirement.Prerequisite, Check(l, "prerequisite", (met & Requirement.Prerequisite) != 0 ? "held or qualified" : "not yet", before.Name, met, Requirement.Prerequisite),
                $"{before.Name} first"));
        }

        var missingTracks = l.Tracks.Where(t => !CertificationRules.TrackDone(t, facts.Training, asOf)).Select(t => program.FindTrack(t)?.Name ?? t).ToList();
        var trackNames = l.Tracks.Select(t => program.FindTrack(t)?.Name ?? t).ToList();
        result.Add((Requirement.Tracks, Check(l, "training", $"{l.Tracks.Count - missingTracks.Count} of {l.Tracks.Count} tracks done", string.Join(", ", trackNames), met, Requirement.Tracks),
            missingTracks.Count == 1 ? $"the {missingTracks[0]} track" : $"the {Words.And(missingTracks)} tracks"));

        var exam = program.FindExam(l.Exam);
        var best = CertificationRules.BestScore(l.Exam, facts.Exams, asOf);
        var examName = exam?.Name ?? l.Exam;
        result.Add((Requirement.Exam, Check(l, "exam", best < 0 ? "not taken" : $"best score {best}", $"{examName}, pass mark {exam?.PassMark}", met, Requirement.Exam),
            $"a pass in the {examName} (pass mark {exam?.PassMark}; {(best < 0 ? "not taken yet" : $"best score {best}")})"));

        var from = Periods.AddMonths(facts.PartnershipStart, l.MinMonths);
        var tenure = MonthsBetween(facts.PartnershipStart, asOf);
        var more = MonthsUntil(asOf, from);
        result.Add((Requirement.Tenure, Check(l, "months in the program", $"{Math.Max(0, tenure)}", $"≥ {l.MinMonths}", met, Requirement.Tenure),
            $"{Words.Plural(more, "more month", "more months")} in the program (from {Display.Date(from)})"));

        var condition = cp.LevelCondition[level];
        var refTier = cp.LevelConditionTier[level] < 0 ? heldTier : cp.LevelConditionTier[level];
        var shortfalls = condition.Metrics
            .Select(m => (Metric: m, Attainment: TargetRules.Attain(measured, m, cp.Targets[refTier])))
            .Where(x => x.Attainment != Attainment.Met)
            .Select(x => x.Attainment == Attainment.NoData ? $"{Metric(x.Metric)} (no data)" : $"{Metric(x.Metric)} ({Actual(cp, measured, x.Metric)} < {Target(cp, cp.Targets[refTier], x.Metric)})")
            .ToList();
        var attained = $"{condition.Metrics.Count - shortfalls.Count} of {condition.Metrics.Count} {TierExplainer.ShortName(program.Tiers[refTier])} targets attained";
        result.Add((Requirement.Performance, Check(l, $"performance: {condition.Key}", shortfalls.Count == 0 ? attained : $"{attained}; missing {Words.And(shortfalls)}",
                $"at least {condition.AtLeast} of {condition.Metrics.Count}", met, Requirement.Performance),
            $"to {condition.Key} performance ({Words.Lower(condition.Description.TrimEnd('.'))}; {attained}, missing {Words.And(shortfalls)})"));

        if (l.AnnualCommitment)
            result.Add((Requirement.Commitment, Check(l, "annual commitment", (met & Requirement.Commitment) != 0 ? "covered" : "none covering today", $"a commitment covering {Display.Date(asOf)}", met, Requirement.Commitment),
                $"an annual commitment covering {Display.Date(asOf)}"));
        return result;
    }

    private static RequirementCheck Check(CertificationLevel level, string requirement, string input, string threshold, Requirement met, Requirement bit) =>
        new(level.Key, requirement, input, threshold, (met & bit) != 0);

    internal static string Metric(TargetMetric metric) => metric.ToString().ToLowerInvariant();

    internal static string Actual(CompiledProgram cp, in Measured m, TargetMetric metric) => metric switch
    {
        TargetMetric.Revenue => Display.Money(m.RevenueMinor, cp.Program.Currency),
        TargetMetric.Growth => m.NewRevenue ? "new revenue" : m.GrowthPercent is { } g ? Display.Percent(g) : "no data",
        TargetMetric.Satisfaction => m.Satisfaction is { } s ? Display.Percent(s) : "no data",
        TargetMetric.Retention => m.CustomerRetention is { } r ? Display.Percent(r) : "no data",
        _ => m.Advocacy is { } a ? Display.Percent(a) : "no data",
    };

    internal static string Target(CompiledProgram cp, SuccessTargets t, TargetMetric metric) => metric switch
    {
        TargetMetric.Revenue => Display.Money(t.RevenueMinor, cp.Program.Currency),
        TargetMetric.Growth => Display.Percent(t.GrowthPercent),
        TargetMetric.Satisfaction => Display.Percent(t.SatisfactionPercent),
        TargetMetric.Retention => Display.Percent(t.RetentionPercent),
        _ => Display.Percent(t.AdvocacyPercent),
    };

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/> (a month counts once its day is reached).</summary>
    internal static int MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        while (months > 0 && Periods.AddMonths(from, months) > to) months--;
        return months;
    }

    /// <summary>The fewest whole months after <paramref name="asOf"/> that reach <paramref name="date"/>.</summary>
    private static int MonthsUntil(DateOnly asOf, DateOnly date)
    {
        var months = Math.Max(0, ((date.Year - asOf.Year) * 12) + date.Month - asOf.Month);
        while (Periods.AddMonths(asOf, months) < date) months++;
        while (months > 0 && Periods.AddMonths(asOf, months - 1) >= date) months--;
        return months;
    }

    internal static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
