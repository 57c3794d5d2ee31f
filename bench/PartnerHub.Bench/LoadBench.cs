using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Deals;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Webhooks;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;
using static PartnerHub.Bench.BenchSupport;

namespace PartnerHub.Bench;

/// <summary>
/// Load over HTTP: C concurrent senders for S seconds (or N requests) against one or two in-process web hosts on one
/// database (requests spread round-robin), or against a server already running. Scenarios: <c>revenue</c> (one new
/// revenue event per request), <c>deals</c> (one new registration per request, every tenth naming a customer already
/// registered: a conflict the API must refuse, counted apart from errors), <c>standing</c> (a random partner's
/// standing) and <c>fresh-standing</c> (a new payment for a random partner, untimed, then that partner's standing,
/// timed: how soon after a commit the standing that reflects it is served). Reports throughput, latency percentiles, errors by status and requests per instance, and then, as the
/// practical limit, one bare autocommit INSERT per request at the same concurrency on the same database.
/// </summary>
public static class LoadBench
{
    private static readonly string[] Scenarios = ["revenue", "deals", "standing", "fresh-standing"];

    public static async Task<int> RunAsync(Options options)
    {
        if (Refusal(options) is { } reason)
        {
            Console.Error.WriteLine($"load: {reason}");
            return 2;
        }

        var scenario = options.Scenario!;
        var concurrency = options.Concurrency ?? 32;
        DatabaseSettings? settings = null;
        var hosts = new List<WebApplication>();
        string[] urls;
        string key;
        try
        {
            if (options.Url is { } url)
            {
                (urls, key) = ([url.TrimEnd('/')], options.Key!);
                if (options.File is not null || options.Connection is not null) settings = await DatabaseAsync(options with { KeepDatabase = true });
            }
            else
            {
                settings = await DatabaseAsync(options with { KeepDatabase = options.Connection is not null });
                Console.WriteLine($"load: {scenario}, {options.Instances} instance(s) on {settings.Describe()}");
                await PrepareAsync(settings, scenario, options);
                for (var i = 0; i < options.Instances; i++) hosts.Add((await StartHostAsync(settings)).App);
                urls = hosts.Select(h => h.Urls.First()).ToArray();
                key = await ApiKeyAsync(hosts[0].Services, "revenue:write", "deals:write", "standing:read", "partners:read");
            }

            var clients = urls.Select(u => Client(u, key, concurrency)).ToArray();
            var partners = await PartnersAsync(clients[0]);
            if (partners.Count == 0) throw new InvalidOperationException("The server has no partners to send for.");
            var requests = new Requests(scenario, partners, options);

            var warm = Stopwatch.StartNew();
            for (var k = 0; k < clients.Length; k++) await requests.WarmAsync(clients[k], k);
            Console.WriteLine($"  warm-up per instance (revenue: one payment per partner through the batch endpoint, so each partner's history is kept as on a running server; standings: every partner's standing once, likewise; deals: one request, then one more once the conflict index's catch-up is due): {warm.Elapsed.TotalSeconds:F1} s");

            var first = 0;
            if (options.WarmSeconds > 0)
            {
                var warmRun = await SendAsync(clients, requests, concurrency, options with { Seconds = options.WarmSeconds, Requests = null }, first);
                first = warmRun.Latencies.Length;
                Console.WriteLine($"  warm-up run of the scenario itself, untimed: {first:N0} requests in {warmRun.Elapsed.TotalSeconds:F1} s");
            }

            var run = await SendAsync(clients, requests, concurrency, options, first);
            Report(scenario, concurrency, options.RequestsPerSecond, run, urls, options.Batch);
            if (options.Timeline) PrintTimeline(run);
            if (settings is not null && run.Latencies.Length > 0)
            {
                var (bareElapsed, bareLatencies) = await BareSingleAsync(settings, run.Latencies.Length, concurrency);
                var bare = run.Latencies.Length / bareElapsed.TotalSeconds;
                Console.WriteLine($"  peer: bare INSERT per request, {concurrency} concurrent, autocommit: {run.Latencies.Length:N0} in {bareElapsed.TotalSeconds:F1} s, {bare:N0}/s, " +
                                  $"p50 {P(bareLatencies, 0.50):F2} ms, p99 {P(bareLatencies, 0.99):F2} ms ({bare / (run.Latencies.Length / run.Elapsed.TotalSeconds):F1}x the API)");
            }
            else Console.WriteLine("  peer: skipped (give --file or --connection of the server's database to run the bare INSERT beside it)");
            if (scenario is "revenue" or "deals" && options.Batch == 1 && run.Latencies.Length > 0) await ReportRefusedAsync(clients, requests, concurrency, options, run, first);

            foreach (var client in clients) client.Dispose();
            return 0;
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync();
                await host.DisposeAsync();
            }
        }
    }

    private static string? Refusal(Options options)
    {
        if (!Scenarios.Contains(options.Scenario)) return "give --scenario revenue|deals|standing|fresh-standing.";
        if (options.Instances is < 1 or > 2) return "--instances is 1 or 2.";
        if (options.RequestsPerSecond is <= 0) return "--rate is requests per second, more than 0.";
        if (options.RequestsPerSecond is not null && options.Scenario == "fresh-standing")
            return "--rate times each request from its moment; fresh-standing times only the standing after an untimed payment, so it runs closed-loop.";
        if (options.Url is not null && options.Key is null) return "--url needs --key (an API key with the scenario's scope and partners:read).";
        if (options.Url is not null && options.Seed > 0) return "--seed works on in-process hosts only; seed the server's database yourself.";
        if (options.Url is null && options.Instances == 2 && options.Provider == DatabaseProvider.Sqlite)
            return "two instances need PostgreSQL (SQLite is the single-node setup: one process writes its file).";
        return null;
    }

    /// <summary>
    /// Migrates, makes the bench partners, stores --seed rows of the scenario's kind (registrations for deals, revenue
    /// events otherwise), and lets the webhook worker clear the outbox that seeding and earlier runs left, as a running
    /// server would have long since: the run then measures the worker keeping up, not catching up.
    /// </summary>
    private static async Task PrepareAsync(DatabaseSettings settings, string scenario, Options options)
    {
        await using var services = await ServicesAsync(settings);
        var partners = await BenchSupport.PartnersAsync(services);
        if (options.Seed > 0)
        {
            var seed = scenario == "deals"
                ? await TimeAsync(() => SeedRegistrationsAsync(services, partners, options.Seed, options.Names))
                : await TimeAsync(() => StoreEventsAsync(services, partners, options.Seed));
            Console.WriteLine($"  seeded {options.Seed:N0} {(scenario == "deals" ? "registrations (EF Core, 10,000 per transaction)" : "attributed revenue events (bulk writer)")}: {seed.TotalSeconds:F1} s");
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        // Every run adds its own rows, so a database kept for many runs drifts past the size it was seeded to.
        var stored = scenario == "deals"
            ? await db.DealRegistrations.IgnoreQueryFilters().LongCountAsync()
            : await db.Set<RevenueEventRecord>().IgnoreQueryFilters().LongCountAsync();
        Console.WriteLine($"  stored before this run: {stored:N0} {(scenario == "deals" ? "registrations" : "revenue events")}");
        var waiting = await db.Set<WebhookWaiting>().CountAsync();
        var drain = await TimeAsync(() => scope.ServiceProvider.GetRequiredService<DeliverWebhooks>().FanOutAsync(CancellationToken.None));
        Console.WriteLine($"  webhook outbox cleared by the worker: {waiting:N0} waiting events in {drain.TotalSeconds:F1} s");
    }

    /// <summary>
    /// Attributed payments spread over the bench partners and 2024-01-01 … 2026-05-14, written by the facts bulk writer
    /// (a million in seconds, where the import path takes minutes). They carry no ledger postings: recording a new
    /// event reads the partner's history and the indexes these rows fill, not earlier postings.
    /// </summary>
    private static async Task StoreEventsAsync(ServiceProvider services, List<PartnerId> partners, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var now = TimeProvider.System.GetUtcNow();
        var run = Guid.NewGuid().ToString("N")[..8];
        await FactBulkWriter.WriteAsync(db, Enumerable.Range(0, count).Select(i => new RevenueEventRecord
        {
            ExternalId = $"stored-{run}-{i}", PartnerId = partners[i % partners.Count], Kind = RevenueKind.Payment, OccurredOn = new DateOnly(2024, 1, 1).AddDays(i % 865),
            AmountMinor = 10_000 + i % 90_000, Currency = "USD", CustomerRef = $"stored-c{i % 20_000}", Source = "bench", ReceivedAt = now,
        }), CancellationToken.None);
        await FactWrites.BumpAsync(db, CancellationToken.None);
    }

    private static HttpClient Client(string url, string key, int concurrency)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private sealed record PartnerRef(Guid Id, string Domain);

    private sealed record PartnerPage(List<PartnerRef> Items, int Total);

    private static async Task<List<PartnerRef>> PartnersAsync(HttpClient client)
    {
        var all = new List<PartnerRef>();
        for (var page = 1; ; page++)
        {
            var result = await client.GetFromJsonAsync<PartnerPage>($"/api/v1/partners?pageSize=500&page={page}", JsonSerializerOptions.Web);
            all.AddRange(result!.Items);
            if (result.Items.Count == 0 || all.Count >= result.Total) return all;
        }
    }

    private sealed record Run(TimeSpan Elapsed, double[] Latencies, double[] SentAt, IReadOnlyDictionary<string, int> Errors, int Conflicts, int MissedConflicts, int[] PerInstance, Memory Memory);

    /// <summary>What the process allocated and collected during the run: the senders' share and the hosts', as they share it.</summary>
    private sealed record Memory(long AllocatedBytes, int Gen2Collections, TimeSpan Paused)
    {
        public static Memory Now() => new(GC.GetTotalAllocatedBytes(), GC.CollectionCount(2), GC.GetTotalPauseDuration());

        public Memory Since(Memory before) => new(AllocatedBytes - before.AllocatedBytes, Gen2Collections - before.Gen2Collections, Paused - before.Paused);
    }

    /// <summary>Sends the run's requests, numbered from <paramref name="first"/> (past a warm-up run's, whose ids they must not repeat).</summary>
    private static async Task<Run> SendAsync(HttpClient[] clients, Requests requests, int concurrency, Options options, int first)
    {
        var limit = options.Requests ?? int.MaxValue;
        var duration = options.Requests is null ? TimeSpan.FromSeconds(options.Seconds ?? 10) : TimeSpan.MaxValue;
        var latencies = new ConcurrentQueue<(double SentAt, double Ms)>();
        var errors = new ConcurrentDictionary<string, int>();
        var perInstance = new int[clients.Length];
        var conflicts = 0;
        var memory = Memory.Now();
        var total = Stopwatch.StartNew();

        // Request i, timed from `due` (its moment in an open-loop run) or, closed-loop, from when it is sent.
        async Task SendOneAsync(int i, long? due)
        {
            var instance = i % clients.Length;
            long start = 0;
            string outcome;
            try
            {
                outcome = await requests.BeforeAsync(clients[instance], i);
                start = due ?? Stopwatch.GetTimestamp();
                if (outcome == Requests.Ok) outcome = await requests.SendAsync(clients[instance], i);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                outcome = e.GetType().Name;
            }

            var took = start == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(start);
            latencies.Enqueue(((total.Elapsed - took).TotalSeconds, took.TotalMilliseconds));
            Interlocked.Increment(ref perInstance[instance]);
            if (outcome == Requests.Conflict) Interlocked.Increment(ref conflicts);
            else if (outcome != Requests.Ok) errors.AddOrUpdate(outcome, 1, (_, n) => n + 1);
        }

        if (options.RequestsPerSecond is { } perSecond) await OpenLoopAsync((i, due) => SendOneAsync(first + i, due), perSecond, concurrency, limit, duration);
        else
        {
            var next = first - 1;
            limit = limit == int.MaxValue ? limit : first + limit;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < limit && total.Elapsed < duration) await SendOneAsync(i, null);
            })));
        }

        total.Stop();
        return new Run(total.Elapsed, [.. latencies.Select(l => l.Ms)], [.. latencies.Select(l => l.SentAt)], errors, conflicts, requests.MissedConflicts, perInstance, Memory.Now().Since(memory));
    }

    /// <summary>
    /// Sends request i at start + i / <paramref name="perSecond"/> whether or not earlier ones have answered, at most <paramref name="inFlight"/>
    /// at once, and times each from that moment: a server that falls behind shows it as latency. Closed-loop senders
    /// only send when answered, so at saturation their latency is the queue they keep full (senders / throughput), not
    /// what a request meets at a given rate; the targets name a rate.
    /// </summary>
    private static async Task OpenLoopAsync(Func<int, long?, Task> send, double perSecond, int inFlight, int limit, TimeSpan duration)
    {
        using var slots = new SemaphoreSlim(inFlight);
        var sent = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < limit && i / perSecond < duration.TotalSeconds; i++)
        {
            var due = start + (long)(i / perSecond * Stopwatch.Frequency);
            var early = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (early > TimeSpan.FromMilliseconds(1)) await Task.Delay(early);
            await slots.WaitAsync();
            var n = i;
            sent.Add(Task.Run(async () =>
            {
                try { await send(n, due); }
                finally { slots.Release(); }
            }));
        }

        await Task.WhenAll(sent);
    }

    private static void Report(string scenario, int concurrency, double? requestsPerSecond, Run run, string[] urls, int batch)
    {
        var count = run.Latencies.Length;
        var l = run.Latencies;
        var senders = requestsPerSecond is null ? $"{concurrency} concurrent senders" : string.Create(CultureInfo.InvariantCulture, $"open loop at {requestsPerSecond:N0}/s (at most {concurrency} in flight)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {scenario} over HTTP, {senders}, {urls.Length} instance(s): {count:N0} requests in {run.Elapsed.TotalSeconds:F1} s, {count / run.Elapsed.TotalSeconds:N0}/s, " +
            $"p50 {P(l, 0.50):F2} ms, p95 {P(l, 0.95):F2} ms, p99 {P(l, 0.99):F2} ms, max {(count == 0 ? 0 : l.Max()):F1} ms"));
        if (scenario == "revenue" && batch > 1)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {batch} events per request (batch endpoint): {count * batch:N0} events, {count * batch / run.Elapsed.TotalSeconds:N0} events/s"));
        var errors = run.Errors.Count == 0 ? "none" : string.Join(", ", run.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {e.Value:N0}"));
        Console.WriteLine($"  errors (unexpected status): {errors}");
        if (scenario == "deals")
            Console.WriteLine($"  expected conflicts refused (409): {run.Conflicts:N0}; conflicts missed (a taken customer registered twice): {run.MissedConflicts:N0}");
        Console.WriteLine($"  per instance: {string.Join(", ", urls.Select((u, k) => $"{u} {run.PerInstance[k]:N0}"))}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  allocated (senders and hosts, one process): {run.Memory.AllocatedBytes / 1024.0 / Math.Max(1, count):N0} KiB per request; {run.Memory.Gen2Collections} gen2 collections, paused {run.Memory.Paused.TotalMilliseconds:N0} ms"));
    }

    /// <summary>
    /// The HTTP layer's own limit in the same run: as many requests again at the same concurrency, each with a body the
    /// API refuses at validation (400), so each pays the key, the routing and the JSON, and reads and writes nothing.
    /// </summary>
    private static async Task ReportRefusedAsync(HttpClient[] clients, Requests requests, int concurrency, Options options, Run run, int first)
    {
        var count = run.Latencies.Length;
        var refused = await SendAsync(clients, requests.Refusing(), concurrency, options with { Requests = count, RequestsPerSecond = null }, first + count);
        var l = refused.Latencies;
        var errors = refused.Errors.Count == 0 ? "" : $"; unexpected: {string.Join(", ", refused.Errors.Select(e => $"{e.Key}: {e.Value:N0}"))}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  peer: the HTTP layer alone, the same requests refused at validation (400, nothing read or written), {concurrency} concurrent: {count / refused.Elapsed.TotalSeconds:N0}/s, " +
            $"p50 {P(l, 0.50):F2} ms, p99 {P(l, 0.99):F2} ms ({count / refused.Elapsed.TotalSeconds / (count / run.Elapsed.TotalSeconds):F1}x the API){errors}"));
    }

    /// <summary>Second by second, by when each request was sent: how many, and their p50, p99 and max, to place a stall.</summary>
    private static void PrintTimeline(Run run)
    {
        Console.WriteLine("  second  requests  p50 ms  p99 ms  max ms");
        foreach (var second in run.Latencies.Select((ms, k) => (Second: (int)run.SentAt[k], Ms: ms)).GroupBy(l => l.Second).OrderBy(g => g.Key))
        {
            var l = second.Select(s => s.Ms).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {second.Key,6}  {l.Length,8}  {P(l, 0.50),6:F1}  {P(l, 0.99),6:F1}  {l.Max(),6:F1}"));
        }
    }

    /// <summary>The request for number i of a scenario, and how its answer counts.</summary>
    private sealed class Requests(string scenario, List<PartnerRef> partners, Options options)
    {
        public const string Ok = "ok";
        public const string Conflict = "conflict";

        private readonly string _run = $"load-{Guid.NewGuid():N}"[..13];

        // New customers start past the seeded ones, at a random place so that runs on one database do not collide.
        private readonly long _firstNew = options.Names == NameStyle.Realistic
            ? options.Seed + 1_000 + Random.Shared.NextInt64(CompanyNames.RealisticCount - options.Seed - 100_000_000)
            : options.Seed + 1_000;

        private readonly ConcurrentDictionary<long, int> _registeredShared = new();

        /// <summary>A customer registered more than once by different partners: the conflict check let one through.</summary>
        public int MissedConflicts => _registeredShared.Count(c => c.Value > (options.Seed > 0 ? 0 : 1));

        public async Task WarmAsync(HttpClient client, int k)
        {
            var outcome = scenario switch
            {
                "deals" => await WarmConflictIndexAsync(client, k),
                "revenue" => await WarmHistoriesAsync(client, k),
                _ => await WarmStandingsAsync(client),
            };
            if (outcome != Ok) throw new InvalidOperationException($"Warm-up request answered {outcome}.");
        }

        /// <summary>
        /// One registration builds the conflict index; one more, once its catch-up is due, lets it catch up on the rows
        /// written shortly before the build, as a running server did long since. Right after a seed that catch-up re-reads
        /// the seed's last minutes (hundreds of thousands of rows), and in a timed run it showed as seconds of latency.
        /// </summary>
        private async Task<string> WarmConflictIndexAsync(HttpClient client, int k)
        {
            var built = await RegisterAsync(client, (k + 1) % partners.Count, _firstNew - 1 - 2 * k, shared: false);
            if (built != Ok) return built;
            await Task.Delay(DealIdentityIndex.RefreshEvery);
            return await RegisterAsync(client, (k + 1) % partners.Count, _firstNew - 2 - 2 * k, shared: false);
        }

        /// <summary>What request i needs done first, untimed: for fresh-standing, the new payment whose standing is then timed.</summary>
        public Task<string> BeforeAsync(HttpClient client, int i) =>
            scenario == "fresh-standing" ? PostEventAsync(client, FreshPayment(i)) : Task.FromResult(Ok);

        /// <summary>The same requests with a body the API refuses at validation: the HTTP layer's cost without the write.</summary>
        public Requests Refusing() => new(scenario, partners, options) { _refuse = true };

        private bool _refuse;

        public Task<string> SendAsync(HttpClient client, int i)
        {
            if (_refuse) return RefusedAsync(client, i);
            switch (scenario)
            {
                case "deals":
                    // Every tenth names a customer already registered: a seeded one, or (without a seed) the one of request i − 9.
                    var shared = i % 10 == 9 || (i % 10 == 0 && options.Seed == 0);
                    var customer = i % 10 != 9 ? _firstNew + i : options.Seed > 0 ? i * 97L % options.Seed : _firstNew + i - 9;
                    return RegisterAsync(client, (i + 1) % partners.Count, customer, shared);
                case "revenue" when options.Batch > 1:
                    return PostBatchAsync(client, Enumerable.Range(i * options.Batch, options.Batch).Select(Event).ToList());
                case "revenue":
                    return PostEventAsync(client, Event(i));
                case "fresh-standing":
                    return StandingAsync(client, partners[FreshPartner(i)]);
                default:
                    return StandingAsync(client, Random.Shared.Next(partners.Count));
            }
        }

        private async Task<string> RefusedAsync(HttpClient client, int i)
        {
            // A vendor's registration that names no partner; an event whose amount is not a number.
            var details = CompanyNames.Details(_firstNew + i, options.Names);
            var e = Event(i);
            e["amount"] = "ten";
            using var response = scenario == "deals"
                ? await client.PostAsJsonAsync("/api/v1/deals", new
                {
                    customerName = details.CustomerName, customerDomain = details.CustomerDomain, contact = new { name = details.ContactName, email = details.ContactEmail },
                    product = details.Product, estimatedValue = details.EstimatedValue, currency = details.Currency, expectedCloseOn = details.ExpectedCloseOn,
                })
                : await client.PostAsJsonAsync("/api/v1/revenue-events", e);
            return (int)response.StatusCode == 400 ? Ok : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }

        private async Task<string> RegisterAsync(HttpClient client, int partner, long customer, bool shared)
        {
            var details = CompanyNames.Details(customer, options.Names);
            using var response = await client.PostAsJsonAsync("/api/v1/deals", new
            {
                partnerId = partners[partner].Id, customerName = details.CustomerName, customerDomain = details.CustomerDomain,
                contact = new { name = details.ContactName, email = details.ContactEmail }, product = details.Product,
                estimatedValue = details.EstimatedValue, currency = details.Currency, expectedCloseOn = details.ExpectedCloseOn,
            });
            var status = (int)response.StatusCode;
            if (status == 201 && shared) _registeredShared.AddOrUpdate(customer, 1, (_, n) => n + 1);
            return status switch
            {
                201 => Ok,
                409 when shared => Conflict,
                _ => status.ToString(CultureInfo.InvariantCulture),
            };
        }

        /// <summary>One payment per partner, 200 per batch: the instance then keeps every partner's committed history.</summary>
        private async Task<string> WarmHistoriesAsync(HttpClient client, int instance)
        {
            foreach (var chunk in Enumerable.Range(0, partners.Count).Chunk(200))
            {
                var events = chunk.Select(p => new Dictionary<string, string?>
                {
                    ["id"] = $"{_run}-warm-{instance}-{p}", ["kind"] = "payment", ["occurredOn"] = "2025-01-01", ["amount"] = "10.00", ["currency"] = "USD",
                    ["customer"] = $"cus-{p}-warm", ["partner"] = partners[p].Domain,
                }).ToList();
                if (await PostBatchAsync(client, events) is var outcome && outcome != Ok) return outcome;
            }

            return Ok;
        }

        /// <summary>Every partner's standing once, eight at a time: the instance then keeps what a running server keeps.</summary>
        private async Task<string> WarmStandingsAsync(HttpClient client)
        {
            var outcomes = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(partners, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (p, _) => outcomes.Add(await StandingAsync(client, p)));
            return outcomes.FirstOrDefault(o => o != Ok) ?? Ok;
        }

        private int FreshPartner(int n) => (int)(Mix(n) % (uint)partners.Count);

        /// <summary>A payment dated today for request n's partner, so that it counts in today's standing.</summary>
        private Dictionary<string, string?> FreshPayment(int n) => new()
        {
            ["id"] = $"{_run}-fresh-{n}", ["kind"] = "payment", ["occurredOn"] = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["amount"] = "100.00", ["currency"] = "USD", ["customer"] = $"cus-fresh-{n % 50}", ["partner"] = partners[FreshPartner(n)].Domain,
        };

        /// <summary>Event number n: RevenueBench's mix, invoices and refunds (of the payment nine before) among payments.</summary>
        private Dictionary<string, string?> Event(int n)
        {
            var kind = n % 10 == 9 && n > 10 ? "refund" : n % 10 == 8 ? "invoice" : "payment";
            var mix = Mix(n);
            var partner = (int)(mix % (uint)partners.Count);
            return new Dictionary<string, string?>
            {
                ["id"] = $"{_run}-{n}", ["kind"] = kind, ["occurredOn"] = new DateOnly(2025, 1, 1).AddDays((int)(mix % 500)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["amount"] = (10 + mix % 490_000 / 100m).ToString("0.00", CultureInfo.InvariantCulture), ["currency"] = "USD",
                ["customer"] = $"cus-{partner}-{mix / 7 % 20}", ["partner"] = kind == "refund" ? null : partners[partner].Domain,
                ["refunds"] = kind == "refund" ? $"{_run}-{n - 9}" : null,
            };
        }

        private static async Task<string> PostEventAsync(HttpClient client, Dictionary<string, string?> e)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/revenue-events", e);
            return (int)response.StatusCode == 201 ? Ok : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>Several events in one request to the batch endpoint: ok when every item was created.</summary>
        private static async Task<string> PostBatchAsync(HttpClient client, List<Dictionary<string, string?>> events)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/revenue-events/batch", events);
            if ((int)response.StatusCode != 200) return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            using var receipt = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            return receipt.RootElement.GetProperty("created").GetInt32() == events.Count ? Ok : "batch item not created";
        }

        private static async Task<string> StandingAsync(HttpClient client, PartnerRef partner)
        {
            using var response = await client.GetAsync($"/api/v1/partners/{partner.Id}/standing");
            return (int)response.StatusCode == 200 ? Ok : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }

        private Task<string> StandingAsync(HttpClient client, int partner) => StandingAsync(client, partners[partner]);

        /// <summary>A well-spread number per request, so partner, date and amount vary without shared random state.</summary>
        private static uint Mix(int i) => (uint)i * 2_654_435_761u ^ (uint)i >> 7;
    }
}
