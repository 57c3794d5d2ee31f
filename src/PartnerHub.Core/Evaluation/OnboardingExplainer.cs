using PartnerHub.Core.Facts;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Evaluation;

/// <summary>Progress through the onboarding journey: each step done (on the day its fact happened) or due.</summary>
internal static class OnboardingExplainer
{
    public static List<OnboardingProgress> Explain(PartnerProgram program, PartnerFacts facts, DateOnly asOf)
    {
        var list = new List<OnboardingProgress>();
        foreach (var step in program.OnboardingSteps)
        {
            var due = facts.PartnershipStart.AddDays(step.TargetDays);
            var doneOn = DoneOn(program, step.DoneWhen, facts, asOf);
            var text = doneOn is { } d
                ? d <= due ? $"{step.Name}: done on {Display.Date(d)} (due {Display.Date(due)})." : $"{step.Name}: done on {Display.Date(d)}, {d.DayNumber - due.DayNumber} days after it was due ({Display.Date(due)})."
                : asOf > due ? $"{step.Name}: not done, overdue since {Display.Date(due)}." : $"{step.Name}: not done yet, due {Display.Date(due)}.";
            list.Add(new OnboardingProgress(step.Key, step.Name, doneOn is not null, doneOn, due, text));
        }

        return list;
    }

    private static DateOnly? DoneOn(PartnerProgram program, StepCompletion when, PartnerFacts facts, DateOnly asOf)
    {
        if (when.AgreementSigned) return facts.PartnershipStart <= asOf ? facts.PartnershipStart : null;
        if (when.Engagement is { } kind) return Earliest(facts.Engagement.Where(e => e.Kind == kind && e.Count > 0).Select(e => e.Date), asOf);
        if (when.Tracks is { } tracks)
        {
            DateOnly? last = null;
            foreach (var track in tracks)
            {
                if (Earliest(facts.Training.Where(t => t.Track == track).Select(t => t.CompletedOn), asOf) is not { } d) return null;
                if (last is null || d > last) last = d;
            }

            return last;
        }

        if (when.ExamPassed is { } exam)
        {
            var pass = program.FindExam(exam)?.PassMark ?? 0;
            return Earliest(facts.Exams.Where(a => a.Exam == exam && a.Score >= pass).Select(a => a.TakenOn), asOf);
        }

        if (when.DealWon) return Earliest(facts.Deals.Where(d => d.Outcome == DealOutcome.Won && d.ClosedOn is not null).Select(d => d.ClosedOn!.Value), asOf);
        return null;
    }

    private static DateOnly? Earliest(IEnumerable<DateOnly> dates, DateOnly asOf)
    {
        DateOnly? first = null;
        foreach (var d in dates)
            if (d <= asOf && (first is null || d < first)) first = d;
        return first;
    }
}
