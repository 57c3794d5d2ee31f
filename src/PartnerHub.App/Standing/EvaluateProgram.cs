using PartnerHub.App.Facts;
using PartnerHub.App.Programs;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Facts;

namespace PartnerHub.App.Standing;

/// <summary>Every partner evaluated on a date with the program version in force then: what the overview, roadmap and map read.</summary>
public sealed record EvaluatedProgram(PublishedProgram Version, DateOnly AsOf, ProgramFacts Facts, ProgramEvaluation Evaluation);

public sealed class EvaluateProgram(ProgramStore programs, FactStore facts)
{
    public async Task<EvaluatedProgram> AtAsync(DateOnly? asOf, CancellationToken ct)
    {
        var date = asOf ?? programs.Today;
        var version = await programs.AtAsync(date, ct);
        var all = await facts.ForProgramAsync(version.Program.Currency, ct);
        return new EvaluatedProgram(version, date, all, Evaluator.EvaluateAll(version.Program, version.Label, all, date));
    }
}
