using System.Net;
using System.Text;
using PartnerHub.App.Identity;
using PartnerHub.App.Programs;
using PartnerHub.Tests.Infrastructure;
using static PartnerHub.Web.Programs.ProgramEndpoints;

namespace PartnerHub.Tests.Programs;

/// <summary>Program versions over HTTP and the CLI, on SQLite and PostgreSQL.</summary>
public abstract class ProgramApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static StringContent Yaml(string yaml) => new(yaml, Encoding.UTF8, "application/yaml");

    private static string Raised(string yaml) => yaml.Replace("min: 100000.01", "min: 150000.01", StringComparison.Ordinal)
        .Replace("max: 100000.00", "max: 150000.00", StringComparison.Ordinal);

    [Fact]
    public async Task The_seed_program_is_version_1_and_reads_back_exactly()
    {
        var client = await app.ClientAsync(Roles.Finance);
        var current = await (await client.GetAsync("/api/v1/program")).ReadAsync<CurrentProgram>(HttpStatusCode.OK);
        Assert.Equal(("v1", new DateOnly(2020, 1, 1)), (current.Version.Label, current.Version.EffectiveFrom));
        Assert.Equal(["strategic", "preferred", "standard"], current.Program.Tiers.Select(t => t.Key));
        Assert.Equal(ProgramStore.DefaultYaml(), await client.GetStringAsync("/api/v1/program/versions/1"));
    }

    [Fact]
    public async Task Validation_reports_every_problem_with_line_and_column_and_never_crashes()
    {
        var client = await app.ClientAsync(Roles.PartnerManager);
        var broken = ProgramStore.DefaultYaml().Replace("currency: USD", "currency: USD\ncolour: blue", StringComparison.Ordinal);
        var report = await (await client.PostAsync("/api/v1/program/validate", Yaml(broken))).ReadAsync<ValidationReport>(HttpStatusCode.OK);
        Assert.False(report.Valid);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(8, problem.Line);
        Assert.Contains("colour", problem.Message);

        var junk = await (await client.PostAsync("/api/v1/program/validate", Yaml("tiers: [\n  - {\u0000\u0001 ::: }}}"))).ReadAsync<ValidationReport>(HttpStatusCode.OK);
        Assert.False(junk.Valid);
        Assert.NotEmpty(junk.Problems);
    }

    [Fact]
    public async Task Publishing_adds_a_version_from_a_date_and_never_rewrites_the_past()
    {
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var admin = await app.ClientAsync(Roles.ProgramAdmin);
        var candidate = Raised(ProgramStore.DefaultYaml());
        var tomorrow = app.Clock.GetUtcNow().AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await (await manager.PostAsync($"/api/v1/program/versions?effectiveFrom={tomorrow}", Yaml(candidate))).ProblemAsync(HttpStatusCode.Forbidden);
        var past = await (await admin.PostAsync("/api/v1/program/versions?effectiveFrom=2024-01-01", Yaml(candidate))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("effectiveFrom", past.Keys);
        var invalid = await (await admin.PostAsync($"/api/v1/program/versions?effectiveFrom={tomorrow}", Yaml(candidate + "\nbogus: 1\n"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(invalid.Keys, k => k.StartsWith("request:", StringComparison.Ordinal));

        var published = await (await admin.PostAsync($"/api/v1/program/versions?effectiveFrom={tomorrow}", Yaml(candidate))).ReadAsync<VersionSummary>(HttpStatusCode.Created);
        Assert.Equal(2, published.Number);
        await (await admin.PostAsync($"/api/v1/program/versions?effectiveFrom={tomorrow}", Yaml(candidate))).ProblemAsync(HttpStatusCode.Conflict);

        // Today still runs on v1; from tomorrow v2 applies.
        var today = await (await manager.GetAsync("/api/v1/program")).ReadAsync<CurrentProgram>(HttpStatusCode.OK);
        var then = await (await manager.GetAsync($"/api/v1/program?asOf={tomorrow}")).ReadAsync<CurrentProgram>(HttpStatusCode.OK);
        Assert.Equal(("v1", "v2"), (today.Version.Label, then.Version.Label));

        var diff = await (await manager.GetAsync("/api/v1/program/diff?from=1&to=2")).ReadAsync<Comparison>(HttpStatusCode.OK);
        Assert.Contains(diff.Changes, c => c.Contains("$100,000.01 → $150,000.01", StringComparison.Ordinal));
    }
}

public sealed class ProgramApiOnSqlite(SqliteApp app) : ProgramApiTests<SqliteApp>(app);

public sealed class ProgramApiOnPostgres(PostgresApp app) : ProgramApiTests<PostgresApp>(app);
