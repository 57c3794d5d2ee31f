using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Programs;

/// <summary>
/// The published program versions. Which version applies on a date is the latest one effective on or before it;
/// parsed versions are cached for the life of the process, since a published version never changes, and the versions'
/// dates for a few seconds (<see cref="KeptProgramCalendar"/>).
/// </summary>
public sealed class ProgramStore(PartnerHubDb db, KeptProgramCalendar? kept = null)
{
    private static readonly ConcurrentDictionary<(string Database, int Number), PublishedProgram> Parsed = new();

    public const string DefaultSource = "programs/default.yaml";

    /// <summary>The seed's program as shipped inside the application.</summary>
    public static string DefaultYaml()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PartnerHub.programs.default.yaml")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public DateOnly Today => DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);

    public Task<PublishedProgram> CurrentAsync(CancellationToken ct) => AtAsync(Today, ct);

    /// <summary>The version in force on <paramref name="date"/>; before the first version, the first one.</summary>
    public async Task<PublishedProgram> AtAsync(DateOnly date, CancellationToken ct) => (await VersionAsync((await CalendarAsync(ct)).NumberOn(date), ct)).Value;

    /// <summary>When each version took effect: kept for seconds when the host keeps it, else read now.</summary>
    public async Task<ProgramCalendar> CalendarAsync(CancellationToken ct)
    {
        var database = db.Database.GetConnectionString() ?? "";
        var now = db.Clock.GetUtcNow();
        if (kept?.Find(database, now) is { } calendar) return calendar;
        var generation = kept?.Generation ?? 0;
        var versions = await db.Set<ProgramVersion>().Select(v => new ProgramCalendar.Entry(v.EffectiveFrom, v.Number)).ToListAsync(ct);
        calendar = new ProgramCalendar(versions);
        if (versions.Count > 0) kept?.Keep(database, calendar, now, generation);
        return calendar;
    }

    /// <summary>Called after a version is written: this instance uses it from its next read on.</summary>
    public void Published() => kept?.Forget();

    public async Task<Result<PublishedProgram>> VersionAsync(int number, CancellationToken ct)
    {
        var key = (db.Database.GetConnectionString() ?? "", number);
        if (Parsed.TryGetValue(key, out var cached)) return cached;
        var version = await db.Set<ProgramVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Number == number, ct);
        if (version is null) return Error.NotFound("Program version", $"v{number}");
        var parsed = ProgramFile.Parse(version.Yaml, version.Label);
        var program = parsed.Program ?? throw new InvalidOperationException($"Stored program {version.Label} no longer parses: {parsed.Problems[0]}");
        return Parsed.GetOrAdd(key, new PublishedProgram(version.Number, version.EffectiveFrom, program, version.Yaml, version.PublishedAt, version.PublishedBy));
    }

    public async Task<IReadOnlyList<ProgramVersion>> VersionsAsync(CancellationToken ct) =>
        await db.Set<ProgramVersion>().AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(ct);

    public async Task<PartnerCatalog> CatalogAsync(CancellationToken ct) => (await CurrentAsync(ct)).Program.Catalog;

    /// <summary>On a new database, the seed program becomes version 1, in force since 2020 so that all history is evaluated with it.</summary>
    public async Task PublishSeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Set<ProgramVersion>().AnyAsync(ct)) return;
        var yaml = DefaultYaml();
        var program = ProgramFile.Parse(yaml, DefaultSource).Program ?? throw new InvalidOperationException("The shipped default program does not parse.");
        db.Add(ProgramVersion.Create(1, program.Name, new DateOnly(2020, 1, 1), yaml, db.Actor.Name, db.Clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        Published();
    }
}
