using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Commissions;
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

/// <summary>What a partner would have been paid over the period under each program, in minor units of <see cref="PayoutComparison.Currency"/>.</summary>
public sealed record PayoutChange(Guid PartnerId, string PartnerName, long CurrentMinor, long CandidateMinor)
{
    public long DifferenceMinor => CandidateMinor - CurrentMinor;
}

/// <summary>
/// Commissions over the twelve months up to the as-of date, computed from the stored revenue events once with the
/// version in force and once with the candidate (each applied to the whole period): the partners whose pay differs, and the totals.
/// </summary>
public sealed record PayoutComparison(DateOnly From, DateOnly To, string Currency, long CurrentTotalMinor, long CandidateTotalMinor, IReadOnlyList<PayoutChange> Partners)
{
    public long DifferenceMinor => CandidateTotalMinor - CurrentTotalMinor;
}

/// <summary>What publishing the candidate would do on a date, measured on the real facts: who moves, counts against targets, payouts, and the program's changes.</summary>
public sealed record SimulationResult(
    string CurrentVersion,
    string CandidateName,
    DateOnly AsOf,
    IReadOnlyList<string> Changes,
    IReadOnlyList<SimulatedMove> Moves,
    IReadOnlyList<CountComparison> Tiers,
    IReadOnlyList<CountComparison> Categories,
    IReadOnlyList<CountComparison> Subcategories,
    PayoutComparison Payouts);

/// <summary>
/// What-if before publish: the version in force on <c>asOf</c> and a candidate file are evaluated on the same stored
/// facts and date. Nothing is written.
/// </summary>
public sealed class SimulateProgram(PartnerHubDb db, ProgramStore programs, FactStore facts, ProjectPayouts payouts)
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
        var (from, to) = (date.AddYears(-1).AddDays(1), date);
        var paidNow = await payouts.HandleAsync(current, from, to, ct);
        var paidThen = await payouts.HandleAsync(current with { Number = 0, Program = candidate, Yaml = candidateYaml }, from, to, ct);
        var payChanges = paidNow.Keys.Union(paidThen.Keys)
            .Select(id => (Id: id, Now: paidNow.GetValueOrDefault(id).Minor, Then: paidThen.GetValueOrDefault(id).Minor))
            .Where(x => x.Now != x.Then).ToList();

        var ids = report.Moves.Select(m => m.PartnerId).Concat(payChanges.Select(c => c.Id)).Distinct().ToList();
        var names = await db.Partners.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var payoutComparison = new PayoutComparison(from, to, current.Program.Currency.Code,
            paidNow.Values.Sum(m => m.Minor), paidThen.Values.Sum(m => m.Minor),
            payChanges.Select(c => new PayoutChange(c.Id.Value, names.GetValueOrDefault(c.Id, c.Id.ToString()), c.Now, c.Then))
                .OrderByDescending(c => Math.Abs(c.DifferenceMinor)).ThenBy(c => c.PartnerName, StringComparer.OrdinalIgnoreCase).ToList());

        var moves = report.Moves
            .Select(m => new SimulatedMove(m.PartnerId.Value, names.GetValueOrDefault(m.PartnerId, m.PartnerId.ToString()), m.TierBefore, m.TierAfter,
                m.CertificationBefore, m.CertificationAfter, m.TierExplanationBefore, m.TierExplanationAfter,
                m.CertificationExplanationBefore, m.CertificationExplanationAfter))
            .OrderBy(m => m.PartnerName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new SimulationResult(current.Label, candidate.Name, date, ProgramDiff.Compare(current.Program, candidate), moves,
            report.Tiers, report.Categories, report.Subcategories, payoutComparison);
    }
}
