using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Programs;

/// <summary>
/// Publishes a program file as a new immutable version. It must validate, and it may only take effect from today
/// onwards and not before the latest version: the past is evaluated with what was in force then, forever.
/// </summary>
public sealed class PublishProgram(PartnerHubDb db, ProgramStore store)
{
    public async Task<Result<ProgramVersion>> HandleAsync(string yaml, string sourceName, DateOnly effectiveFrom, CancellationToken ct)
    {
        var parsed = ProgramFile.Parse(yaml, sourceName);
        if (parsed.Program is null) return ProgramProblems.ToError(parsed.Problems);

        var latest = await db.Set<ProgramVersion>().OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (effectiveFrom < store.Today)
            return Error.Validation("effectiveFrom", $"A new version cannot take effect in the past ({effectiveFrom:yyyy-MM-dd} is before today, {store.Today:yyyy-MM-dd}); past evaluations never change.");
        if (latest is not null && effectiveFrom < latest.EffectiveFrom)
            return Error.Validation("effectiveFrom", $"{latest.Label} takes effect on {latest.EffectiveFrom:yyyy-MM-dd}; a newer version cannot take effect before it.");
        if (latest is not null && latest.Sha256 == ProgramVersion.HashOf(yaml))
            return Error.Conflict("program_unchanged", $"This file is exactly {latest.Label}; nothing to publish.");

        var version = ProgramVersion.Create((latest?.Number ?? 0) + 1, parsed.Program.Name, effectiveFrom, yaml, db.Actor.Name, db.Clock.GetUtcNow());
        db.Add(version);
        await db.SaveChangesAsync(ct);
        store.Published();
        return version;
    }
}

public static class ProgramProblems
{
    /// <summary>Every problem of a program file as field errors keyed "file:line:column", in file order.</summary>
    public static Error ToError(IReadOnlyList<ProgramProblem> problems) =>
        new("program_invalid", $"The program file has {problems.Count} problem(s).", ErrorKind.Validation,
            problems.GroupBy(p => $"{p.Source}:{p.Line}:{p.Column}").ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
}
