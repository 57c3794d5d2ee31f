using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Programs;

/// <summary>A partner whose tier or certification would change under the candidate, named, with both explanations.</summary>
public sealed record SimulatedMove(
    Guid PartnerId,
    string PartnerName,
    string TierBefore,
    string TierAfter,
    string? CertificationBefore,
    string? CertificationAfter,
    string TierExplanationBefore,
    string TierExplanationAfter,
    string CertificationExplanationBefore,
    string CertificationExplanationAfter);

/// <summary>What publishing the candidate would do on a date, measured on the real facts: who moves, counts against targets, and the program's changes.</summary>
public sealed record SimulationResult(
    string CurrentVersion,
    string CandidateName,
    DateOnly AsOf,
    IReadOnlyList<string> Changes,
    IReadOnlyList<SimulatedMove> Moves,
    IReadOnlyList<CountComparison> Tiers,
    IReadOnlyList<CountComparison> Categories,
    IReadOnlyList<CountComparison> Subcategories);

/// <summary>
/// What-if before publish: the version in force on <c>asOf</c> and a candidate file are evaluated on the same stored
/// facts and date. Nothing is written.
/// </summary>
public sealed class SimulateProgram(PartnerHubDb db, ProgramStore programs, FactStore facts)
{
    public async Task<Result<SimulationResult>> HandleAsync(string candidateYaml, string sourceName, DateOnly? asOf, CancellationToken ct)
    {
        var parsed = ProgramFile.Parse(candidateYaml, sourceName);
        if (parsed.Program is not { } candidate) return ProgramProblems.ToError(parsed.Problems);

        var date = asOf ?? programs.Today;
        var current = await programs.AtAsync(date, ct);
        if (candidate.Currency != current.Program.Currency)
            return Error.Validation("currency", $"The candidate's currency {candidate.Currency} differs from {current.Label}'s {current.Program.Currency}; facts are kept per currency.");

        var all = await facts.ForProgramAsync(current.Program.Currency, ct);
        var report = Simulation.Compare(current.Program, current.Label, candidate, "candidate", all, date);
        var ids = report.Moves.Select(m => m.PartnerId).ToList();
        var names = await db.Partners.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);

        var moves = report.Moves
            .Select(m => new SimulatedMove(m.PartnerId.Value, names.GetValueOrDefault(m.PartnerId, m.PartnerId.ToString()), m.TierBefore, m.TierAfter,
                m.CertificationBefore, m.CertificationAfter, m.TierExplanationBefore, m.TierExplanationAfter,
                m.CertificationExplanationBefore, m.CertificationExplanationAfter))
            .OrderBy(m => m.PartnerName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new SimulationResult(current.Label, candidate.Name, date, ProgramDiff.Compare(current.Program, candidate), moves,
            report.Tiers, report.Categories, report.Subcategories);
    }
}
