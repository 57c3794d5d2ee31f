using PartnerHub.Core.Facts;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Evaluation;

/// <summary>The requirements of a certification level, as bits of a mask of those met.</summary>
[Flags]
internal enum Requirement
{
    None = 0,
    Prerequisite = 1,
    Tracks = 2,
    Exam = 4,
    Tenure = 8,
    Performance = 16,
    Commitment = 32,
    All = 63,
}

/// <summary>
/// Certification (docs/program-format.md, "Certification"). Held = the highest level with an award still valid on the
/// as-of date. Eligible = the highest level whose requirements are all met today, where the prerequisite counts as met
/// when the partner holds it or is eligible for it. Exam passes and completed tracks never expire.
/// </summary>
internal static class CertificationRules
{
    public static (int Level, DateOnly? ExpiresOn) Held(CompiledProgram cp, CertificationAward[] awards, DateOnly asOf)
    {
        var best = -1;
        DateOnly? expires = null;
        for (var i = 0; i < awards.Length; i++)
        {
            var level = cp.LevelIndex(awards[i].Level);
            if (level < 0 || awards[i].AwardedOn > asOf) continue;
            var until = Periods.AddMonths(awards[i].AwardedOn, cp.Levels[level].ValidityMonths);
            if (asOf >= until) continue;
            if (level > best || (level == best && until > expires)) (best, expires) = (level, until);
        }

        return (best, expires);
    }

    public static Requirement Check(CompiledProgram cp, PartnerFacts facts, DateOnly asOf, int level, int held, bool previousEligible,
        int heldTier, in Measured measured)
    {
        var l = cp.Levels[level];
        var met = Requirement.None;
        if (level == 0 || held >= level - 1 || previousEligible) met |= Requirement.Prerequisite;
        if (AllTracksDone(l.Tracks, facts.Training, asOf)) met |= Requirement.Tracks;
        if (BestScore(l.Exam, facts.Exams, asOf) >= cp.LevelPassMark[level]) met |= Requirement.Exam;
        if (Periods.AddMonths(facts.PartnershipStart, l.MinMonths) <= asOf) met |= Requirement.Tenure;
        if (PerformanceMet(cp, level, heldTier, measured)) met |= Requirement.Performance;
        if (!l.AnnualCommitment || CommitmentCovers(facts.Commitments, asOf)) met |= Requirement.Commitment;
        return met;
    }

    public static bool PerformanceMet(CompiledProgram cp, int level, int heldTier, in Measured measured)
    {
        var tier = cp.LevelConditionTier[level] < 0 ? heldTier : cp.LevelConditionTier[level];
        var mask = cp.LevelConditionMetrics[level];
        var met = 0;
        for (var metric = 0; metric < 5; metric++)
            if ((mask & (1 << metric)) != 0 && TargetRules.Attain(measured, (TargetMetric)metric, cp.Targets[tier]) == Attainment.Met) met++;
        return met >= cp.LevelConditionAtLeast[level];
    }

    /// <summary>The best score of any attempt at <paramref name="exam"/> on or before <paramref name="asOf"/>; −1 if never taken.</summary>
    public static int BestScore(string exam, ExamAttempt[] attempts, DateOnly asOf)
    {
        var best = -1;
        for (var i = 0; i < attempts.Length; i++)
            if (attempts[i].TakenOn <= asOf && attempts[i].Score > best && string.Equals(attempts[i].Exam, exam, StringComparison.Ordinal))
                best = attempts[i].Score;
        return best;
    }

    public static bool TrackDone(string track, TrainingCompletion[] completions, DateOnly asOf)
    {
        for (var i = 0; i < completions.Length; i++)
            if (completions[i].CompletedOn <= asOf && string.Equals(completions[i].Track, track, StringComparison.Ordinal)) return true;
        return false;
    }

    public static bool CommitmentCovers(Commitment[] commitments, DateOnly asOf)
    {
        for (var i = 0; i < commitments.Length; i++)
            if (commitments[i].From <= asOf && asOf <= commitments[i].To) return true;
        return false;
    }

    private static bool AllTracksDone(IReadOnlyList<string> tracks, TrainingCompletion[] completions, DateOnly asOf)
    {
        for (var t = 0; t < tracks.Count; t++)
            if (!TrackDone(tracks[t], completions, asOf)) return false;
        return true;
    }
}
