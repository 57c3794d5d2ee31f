using System.Diagnostics;
using PartnerHub.App.Facts;
using PartnerHub.App.Programs;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Standing;

/// <summary>The whole program on a date: active partners per tier, category and subcategory against their target ranges, certification and program KPIs.</summary>
public sealed record ProgramOverview(
    string ProgramVersion,
    DateOnly ProgramEffectiveFrom,
    DateOnly AsOf,
    int Partners,
    ProgramStanding Standing,
    IReadOnlyList<NamedKey> Levels,
    string PartnerRevenue,
    TimeSpan Evaluated);

/// <summary>Evaluates every partner (from the in-memory facts when nothing changed) with the version in force on the date.</summary>
public sealed class GetProgramOverview(ProgramStore programs, FactStore facts)
{
    public async Task<ProgramOverview> HandleAsync(DateOnly? asOf, CancellationToken ct)
    {
        var date = asOf ?? programs.Today;
        var program = await programs.AtAsync(date, ct);
        var all = await facts.ForProgramAsync(program.Program.Currency, ct);
        var started = Stopwatch.GetTimestamp();
        var evaluation = Evaluator.EvaluateAll(program.Program, program.Label, all, date);
        return new ProgramOverview(program.Label, program.EffectiveFrom, date, all.Partners.Count, evaluation.Program,
            program.Program.Certification.Levels.Select(l => new NamedKey(l.Key, l.Name)).ToList(),
            Display.Money(evaluation.Program.PartnerRevenueMinor, program.Program.Currency), Stopwatch.GetElapsedTime(started));
    }
}
