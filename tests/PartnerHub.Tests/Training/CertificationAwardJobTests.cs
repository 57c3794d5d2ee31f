using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PartnerHub.App.Csv;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Training;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Training;

/// <summary>Facts imported from outside (not an exam in the portal) make a partner eligible: the hourly job awards the level, once.</summary>
public abstract class CertificationAwardJobTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task Imported_facts_that_make_a_partner_eligible_are_awarded_by_the_job_once()
    {
        var partner = await TrainingData.AlmostCertifiedAsync(app);
        var job = new CertificationAwardService(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock, NullLogger<CertificationAwardService>.Instance);
        await job.RunOnceAsync(CancellationToken.None);
        await using (var scope = app.Scope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Set<Certificate>().AnyAsync(c => c.PartnerId == partner)); // not eligible yet

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using (var scope = app.Scope())
        {
            var import = scope.ServiceProvider.GetRequiredService<ImportFacts>();
            foreach (var (kind, row) in new (string, Dictionary<string, string?>)[]
            {
                ("training", new() { ["partner"] = partner.Value.ToString(), ["track"] = "sales-fundamentals", ["completed_on"] = today }),
                ("exams", new() { ["partner"] = partner.Value.ToString(), ["exam"] = "certified-exam", ["taken_on"] = today, ["score"] = "82" }),
            })
                Assert.True((await import.RowsAsync(kind, [row], new ImportOptions(Strict: true), CancellationToken.None)).Value.Applied);
        }

        Assert.True(await job.RunOnceAsync(CancellationToken.None) >= 1);
        Assert.Equal(0, await job.RunOnceAsync(CancellationToken.None));
        await using var check = app.Scope();
        var certificate = await check.ServiceProvider.GetRequiredService<PartnerHubDb>().Set<Certificate>().AsNoTracking().SingleAsync(c => c.PartnerId == partner);
        Assert.Equal(("certified", CertificateStatus.Awarded), (certificate.Level, certificate.Status));
    }
}

public sealed class CertificationAwardJobOnSqlite(SqliteApp app) : CertificationAwardJobTests<SqliteApp>(app);

public sealed class CertificationAwardJobOnPostgres(PostgresApp app) : CertificationAwardJobTests<PostgresApp>(app);
