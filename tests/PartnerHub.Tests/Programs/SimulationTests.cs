using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Csv;
using PartnerHub.App.Facts;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.App.Programs;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Programs;

/// <summary>What-if on stored facts: a candidate with a raised Strategic threshold reports exactly the partners who move.</summary>
public abstract class SimulationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static string Raised(string yaml) => yaml.Replace("min: 100000.01", "min: 150000.01", StringComparison.Ordinal)
        .Replace("max: 100000.00", "max: 150000.00", StringComparison.Ordinal);

    /// <summary>A partner in the program for two years with a steady monthly payment and top manager ratings.</summary>
    private async Task<PartnerView> PartnerWithRevenueAsync(string name, decimal monthly)
    {
        await using var scope = app.Scope();
        var start = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddYears(-2);
        var partner = (await scope.ServiceProvider.GetRequiredService<SavePartner>().CreateAsync(
            Build.Partner(name) with { AgreementStartsOn = start }, CancellationToken.None)).Value;
        var import = scope.ServiceProvider.GetRequiredService<ImportFacts>();

        var events = new StringBuilder("external_id,partner,kind,occurred_on,amount,currency,customer\n");
        for (var month = 0; month < 24; month++)
            events.Append(CultureInfo.InvariantCulture, $"{partner.Id}-{month},{partner.Domain},payment,{start.AddMonths(month).AddDays(1):yyyy-MM-dd},{monthly},USD,c{month % 3}\n");
        var ratings = new StringBuilder("partner,criterion,rated_on,score\n");
        foreach (var criterion in new[] { "strategic-value", "market-position", "innovation", "commitment" })
            ratings.Append(CultureInfo.InvariantCulture, $"{partner.Domain},{criterion},{start.AddDays(10):yyyy-MM-dd},5\n");
        foreach (var (kind, csv) in new[] { ("revenue-events", events), ("ratings", ratings) })
        {
            var report = (await import.CsvAsync(kind, Encoding.UTF8.GetBytes(csv.ToString()), new ImportOptions(Strict: true), null, CancellationToken.None)).Value;
            Assert.True(report.Applied, string.Join("; ", report.Errors));
        }

        return partner;
    }

    [Fact]
    public async Task A_raised_Strategic_threshold_moves_exactly_the_partners_between_the_old_and_new_threshold()
    {
        var tag = Build.Unique("sim");
        var mid = await PartnerWithRevenueAsync($"Mid {tag}", 10_000m);    // $120,000 a year: Strategic now, Preferred at $150,000.01
        var high = await PartnerWithRevenueAsync($"High {tag}", 15_000m);  // $180,000 a year: Strategic either way
        var low = await PartnerWithRevenueAsync($"Low {tag}", 5_000m);     // $60,000 a year: Preferred either way

        var client = await app.ClientAsync(Roles.PartnerManager);
        var response = await client.PostAsync("/api/v1/program/simulate", new StringContent(Raised(ProgramStore.DefaultYaml()), Encoding.UTF8, "application/yaml"));
        var result = await response.ReadAsync<SimulationResult>(HttpStatusCode.OK);

        var ours = result.Moves.Where(m => m.PartnerName.EndsWith(tag, StringComparison.Ordinal)).ToList();
        var move = Assert.Single(ours);
        Assert.Equal((mid.Id, "strategic", "preferred"), (move.PartnerId, move.TierBefore, move.TierAfter));
        Assert.Contains("$120,000.00", move.TierExplanationBefore);
        Assert.Contains("$150,000.01", move.TierExplanationAfter);
        Assert.DoesNotContain(result.Moves, m => m.PartnerId == high.Id || m.PartnerId == low.Id);
        Assert.Contains(result.Changes, c => c.Contains("$150,000.01", StringComparison.Ordinal));
        // Payouts over the last twelve months follow the tier: the partner who drops to Preferred earns the lower reseller
        // discount under the candidate; the others are paid exactly the same.
        var pay = result.Payouts.Partners.Where(p => p.PartnerName.EndsWith(tag, StringComparison.Ordinal)).ToList();
        var mid2 = Assert.Single(pay);
        Assert.Equal(mid.Id, mid2.PartnerId);
        Assert.True(mid2.CandidateMinor < mid2.CurrentMinor, $"{mid2.CandidateMinor} < {mid2.CurrentMinor}");
        Assert.Equal(result.Payouts.CandidateTotalMinor - result.Payouts.CurrentTotalMinor, result.Payouts.Partners.Sum(p => p.DifferenceMinor));
        var strategic = result.Tiers.Single(t => t.Key == "strategic");
        Assert.Equal(strategic.Before!.Count - result.Moves.Count(m => m.TierBefore == "strategic" && m.TierAfter != "strategic"), strategic.After!.Count);
    }

    [Fact]
    public async Task An_invalid_candidate_is_refused_with_its_problems_and_nothing_changes()
    {
        var client = await app.ClientAsync(Roles.PartnerManager);
        var response = await client.PostAsync("/api/v1/program/simulate", new StringContent("tiers: 5\n", Encoding.UTF8, "application/yaml"));
        var problems = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.All(problems.Keys, k => Assert.StartsWith("request:", k));

        var own = await PartnerWithRevenueAsync(Build.Unique("p"), 1m);
        var partner = await app.ClientAsync(Roles.PartnerUser, new(own.Id));
        await (await partner.PostAsync("/api/v1/program/simulate", new StringContent(ProgramStore.DefaultYaml(), Encoding.UTF8, "application/yaml"))).ProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class SimulationOnSqlite(SqliteApp app) : SimulationTests<SqliteApp>(app);

public sealed class SimulationOnPostgres(PostgresApp app) : SimulationTests<PostgresApp>(app);
