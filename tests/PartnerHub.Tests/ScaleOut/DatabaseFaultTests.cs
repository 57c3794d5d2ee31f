using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Csv;
using PartnerHub.App.Facts;
using PartnerHub.App.Partners;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.ScaleOut;

/// <summary>A PostgreSQL cluster of its own, which the tests stop and restart, and two instances on it.</summary>
public sealed class FaultCluster : IAsyncLifetime
{
    public ThrowawayPostgres Postgres { get; private set; } = null!;

    public RunningHost A { get; private set; } = null!;

    public RunningHost B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Postgres = await ThrowawayPostgres.StartAsync();
        A = await RunningHost.StartAsync(Postgres.Database); // migrates the new database
        B = await RunningHost.StartAsync(Postgres.Database);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

/// <summary>
/// Issue 11 faults on PostgreSQL: a database restart under load answers 503 with a clear problem and the instances
/// recover by themselves; an instance killed mid-import and events lost to the restart, sent again, give the ledger a
/// clean run gives: nothing lost, nothing counted twice.
/// </summary>
public sealed class DatabaseFaultsOnPostgres(FaultCluster cluster) : IClassFixture<FaultCluster>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Answer(HttpStatusCode Status, string? Title, bool RetryAfter, string? ContentType);

    [Fact]
    public async Task A_database_restart_under_load_answers_503_problems_and_both_instances_recover_without_a_restart()
    {
        var key = await cluster.A.ApiKeyAsync("partners:read");
        var answers = new System.Collections.Concurrent.ConcurrentQueue<(char Host, Answer Answer)>();
        using var stop = new CancellationTokenSource();
        var load = new[] { ('A', cluster.A), ('B', cluster.B) }.Select(h => Task.Run(async () =>
        {
            using var client = h.Item2.ApiClient(key);
            while (!stop.IsCancellationRequested)
            {
                answers.Enqueue((h.Item1, await AskAsync(client)));
                await Task.Delay(20, CancellationToken.None);
            }
        }, CancellationToken.None)).ToList();

        await Until(() => answers.Count >= 4);
        await cluster.Postgres.StopServerAsync();
        // Down until each instance has had requests refused (a busy machine may serve few in a second).
        await Until(() => answers.Count(x => x.Answer.Status == HttpStatusCode.ServiceUnavailable) is var n && n >= 6
            && answers.Where(x => x.Answer.Status == HttpStatusCode.ServiceUnavailable).Select(x => x.Host).Distinct().Count() == 2);
        await cluster.Postgres.StartServerAsync();
        var restarted = answers.Count;
        // Up again: each instance answers under the continuing load, by itself.
        await Until(() => answers.Skip(restarted).Where(x => x.Answer.Status == HttpStatusCode.OK).Select(x => x.Host).Distinct().Count() == 2);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        // Never a 500: a request either worked or was told, clearly, that the database is away.
        Assert.All(answers, x => Assert.Contains(x.Answer.Status, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        var unavailable = answers.Where(x => x.Answer.Status == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.Equal(['A', 'B'], unavailable.Select(x => x.Host).Distinct().Order());
        Assert.All(unavailable, x => Assert.Equal(("The database is unavailable.", true, "application/problem+json"), (x.Answer.Title, x.Answer.RetryAfter, x.Answer.ContentType)));
        Assert.Equal(['A', 'B'], answers.Skip(restarted).Where(x => x.Answer.Status == HttpStatusCode.OK).Select(x => x.Host).Distinct().Order());

        // Both instances answer again, without having been restarted.
        using var a = cluster.A.ApiClient(key);
        using var b = cluster.B.ApiClient(key);
        Assert.Equal(HttpStatusCode.OK, (await AskAsync(a)).Status);
        Assert.Equal(HttpStatusCode.OK, (await AskAsync(b)).Status);
    }

    /// <summary>Waits for the condition, at most 20 s (the assertions after it say what was missing).</summary>
    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(50, CancellationToken.None);
    }

    private static async Task<Answer> AskAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/partners", CancellationToken.None);
        string? title = null;
        if (response.StatusCode != HttpStatusCode.OK)
            title = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None)).RootElement.GetProperty("title").GetString();
        return new Answer(response.StatusCode, title, response.Headers.Contains("Retry-After"), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Events_sent_again_after_a_killed_instance_and_a_database_restart_leave_exactly_the_ledger_of_a_clean_run()
    {
        // The single events name another partner than the import's: one partner's events are written one writer after
        // another (ADR 26), so they would wait for the import to commit instead of arriving while it runs.
        var (partner, other) = (await PartnerAsync(), await PartnerAsync());
        var key = await cluster.A.ApiKeyAsync("revenue:write", "revenue:read");
        var batch = Build.Unique("imp");
        var rows = Enumerable.Range(1, 150).Select(n => (Id: $"{batch}-{n}", Amount: n % 97 + 1)).ToList();
        var singles = Enumerable.Range(1, 60).Select(n => (Id: $"{batch}-single-{n}", Amount: n * 3)).ToList();
        var file = CsvOf(rows, partner.Domain);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Log(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {what}");

        // 1. An instance (its own process) is killed outright while it imports the file and takes single events.
        using (var doomed = await ServeProcess.StartAsync(cluster.Postgres.Database))
        {
            Log("serve process started");
            using var client = new HttpClient { BaseAddress = doomed.BaseUrl };
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
            var import = client.PostAsync("/api/v1/revenue-events/import", Form(file), CancellationToken.None);
            var accepted = 0;
            var sending = Task.Run(async () =>
            {
                foreach (var single in singles.Take(20))
                    if ((await client.PostAsJsonAsync("/api/v1/revenue-events", Single(single, other.Domain), HttpAssertions.Json)).StatusCode == HttpStatusCode.Created)
                        Interlocked.Increment(ref accepted);
            }, CancellationToken.None);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Volatile.Read(ref accepted) < 10 && DateTime.UtcNow < deadline) await Task.Delay(5, Ct);
            doomed.Kill();
            Log($"killed after {accepted} single events");
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => import); // cut mid-import
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => sending); // and mid-ingestion
            Assert.InRange(accepted, 10, 19);
        }

        // Its import was one transaction in flight: none of it stayed.
        Assert.Equal(0, await RecordedAsync(batch + "-", exceptPrefix: batch + "-single-"));

        // 2. More single events go to the other instances while PostgreSQL restarts; some are refused with 503.
        var statuses = new List<HttpStatusCode>();
        using (var a = cluster.A.ApiClient(key))
        using (var b = cluster.B.ApiClient(key))
        {
            for (var i = 20; i < singles.Count; i++)
            {
                if (i == 25) await cluster.Postgres.StopServerAsync();
                if (i == 35) await cluster.Postgres.StartServerAsync();
                statuses.Add((await (i % 2 == 0 ? a : b).PostAsJsonAsync("/api/v1/revenue-events", Single(singles[i], other.Domain), HttpAssertions.Json, Ct)).StatusCode);
            }

            Log("singles sent across the restart");
            Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
            Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable }));

            // 3. Everything is sent again, as a source system does after failures: the import through A, every single event through B.
            var again = await a.PostAsync("/api/v1/revenue-events/import", Form(file), Ct).ReadAsync<ImportReport>(HttpStatusCode.OK);
            Assert.Equal((rows.Count, 0), (again.Created, again.Unchanged));
            foreach (var single in singles)
                Assert.Contains((await b.PostAsJsonAsync("/api/v1/revenue-events", Single(single, other.Domain), HttpAssertions.Json, Ct)).StatusCode,
                    new[] { HttpStatusCode.Created, HttpStatusCode.OK });
            Log("all sent again");
            var third = await b.PostAsync("/api/v1/revenue-events/import", Form(file), Ct).ReadAsync<ImportReport>(HttpStatusCode.OK);
            Assert.Equal((0, rows.Count), (third.Created, third.Unchanged));
        }

        Log("imported a third time");
        // The ledger a clean run gives: each event once, one posting each, commission 10 % of the revenue exactly.
        var all = rows.Concat(singles).ToList();
        await using var db = TestDatabases.Open(cluster.Postgres.Database);
        var ids = all.Select(e => e.Id).ToList();
        var events = await db.Set<RevenueEventRecord>().Where(e => ids.Contains(e.ExternalId)).Select(e => new { e.Id, e.ExternalId }).ToListAsync(Ct);
        Assert.Equal(all.Count, events.Count);
        Assert.Equal(all.Count, events.Select(e => e.ExternalId).Distinct().Count());
        var sources = events.Select(e => $"revenue-event:{e.Id}").ToList();
        var postings = await db.LedgerTransactions.Where(t => sources.Contains(t.SourceKey)).Select(t => t.SourceKey).ToListAsync(Ct);
        Assert.Equal(sources.Order(), postings.Order());
        PartnerId?[] owing = [new PartnerId(partner.Id), new PartnerId(other.Id)];
        var owed = -(await db.LedgerEntries.Where(e => owing.Contains(e.PartnerId)
            && (e.Account == LedgerAccount.CommissionHeld || e.Account == LedgerAccount.CommissionPayable)).Select(e => e.AmountMinor).ToListAsync(Ct)).Sum();
        Assert.Equal(all.Sum(e => e.Amount * 100L) / 10, owed);
    }

    private async Task<PartnerView> PartnerAsync()
    {
        await using var scope = cluster.A.Scope();
        return (await scope.ServiceProvider.GetRequiredService<SavePartner>().CreateAsync(Build.Partner() with
        {
            Subcategory = "integration", AgreementStartsOn = new DateOnly(2025, 1, 1),
        }, Ct)).Value;
    }

    private async Task<int> RecordedAsync(string prefix, string exceptPrefix)
    {
        await using var db = TestDatabases.Open(cluster.Postgres.Database);
        return await db.Set<RevenueEventRecord>().CountAsync(e => e.ExternalId.StartsWith(prefix) && !e.ExternalId.StartsWith(exceptPrefix), Ct);
    }

    private static object Single((string Id, int Amount) e, string partner) =>
        new { id = e.Id, kind = "payment", occurredOn = "2026-06-01", amount = (decimal)e.Amount, currency = "USD", partner };

    private static byte[] CsvOf(IEnumerable<(string Id, int Amount)> rows, string partner)
    {
        var csv = new StringBuilder("external_id,kind,occurred_on,amount,currency,partner\n");
        foreach (var (id, amount) in rows) csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{id},payment,2026-06-01,{amount}.00,USD,{partner}\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static MultipartFormDataContent Form(byte[] file) => new() { { new ByteArrayContent(file), "file", "events.csv" } };
}
