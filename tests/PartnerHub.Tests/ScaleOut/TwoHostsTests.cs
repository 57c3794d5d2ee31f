using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.App.ScaleOut;
using PartnerHub.App.Webhooks;
using PartnerHub.Tests.Infrastructure;
using PartnerHub.Tests.Webhooks;

namespace PartnerHub.Tests.ScaleOut;

/// <summary>
/// Two real PartnerHub instances (Kestrel, background jobs on) on one fresh PostgreSQL database, as behind a load
/// balancer. A starts first, so that the database's key ring and migrations exist before B starts.
/// </summary>
public sealed class TwoHosts : IAsyncLifetime
{
    public const int ApiPerMinute = 8;

    public DatabaseSettings Database { get; private set; } = null!;

    public RunningHost A { get; private set; } = null!;

    public RunningHost B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabases.CreateAsync(DatabaseProvider.Postgres);
        string[] settings = ["Webhooks:Worker=true", "Webhooks:IntervalSeconds=1", "Webhooks:AllowPrivateNetworks=true", $"RateLimits:ApiPerMinute={ApiPerMinute}"];
        A = await RunningHost.StartAsync(Database, settings);
        B = await RunningHost.StartAsync(Database, settings);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await TestDatabases.DropAsync(Database);
    }
}

/// <summary>Issue 11 scale-out: jobs run once, a sign-in works on every instance, reads are current, rate limits are shared.</summary>
public sealed class TwoHostsOnPostgres(TwoHosts hosts) : IClassFixture<TwoHosts>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_webhook_is_delivered_once_although_both_instances_run_the_worker()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using (var scope = hosts.A.Scope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ManageWebhooks>()
                .CreateAsync(new WebhookInput(receiver.Url, [WebhookEventTypes.PartnerCreated]), Ct)).IsSuccess);

        // Changes arrive through both instances; both workers tick every second over the same outbox.
        var partners = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            await using var scope = (i % 2 == 0 ? hosts.A : hosts.B).Scope();
            partners.Add((await scope.ServiceProvider.GetRequiredService<SavePartner>().CreateAsync(Build.Partner(), Ct)).Value.Id);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Received(receiver, partners).Count < partners.Count && DateTime.UtcNow < deadline) await Task.Delay(200, Ct);
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct); // two more ticks of each worker: a second delivery would arrive now

        var received = Received(receiver, partners);
        Assert.Equal(partners.Count, received.Select(r => r.Partner).Distinct().Count());
        Assert.All(received.GroupBy(r => r.Id), g => Assert.Single(g));
        Assert.Equal(partners.Count, received.Count);
    }

    private static List<(Guid Partner, string Id)> Received(WebhookReceiver receiver, List<Guid> partners) =>
        receiver.Received.Select(r => (Partner: JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("id").GetGuid(), r.Id))
            .Where(r => partners.Contains(r.Partner)).ToList();

    [Fact]
    public async Task A_sign_in_on_one_instance_is_valid_on_the_other_and_nowhere_else()
    {
        var user = await hosts.A.UserAsync(Roles.ProgramAdmin);
        // One cookie jar for both: cookies for 127.0.0.1 go to either port, as they go to either instance behind a load balancer.
        var cookies = new CookieContainer();
        var signIn = await TestApp.PostFormAsync(hosts.A.Client(cookies), "/account/login", "/account/login",
            new() { ["Email"] = user.Email!, ["Password"] = TestApp.Password, ["ReturnUrl"] = "/" });
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await hosts.B.Client(cookies).GetAsync("/api/v1/partners", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hosts.A.Client(cookies).GetAsync("/api/v1/partners", Ct)).StatusCode);

        // The key ring is in the database: an instance of another database (another key ring) on this same machine
        // cannot read the cookie, which it could if keys were shared through a folder here.
        await using (var db = TestDatabases.Open(hosts.Database))
            Assert.NotEmpty(await db.Set<DataProtectionKeyRecord>().ToListAsync(Ct));
        await using var stranger = await RunningHost.StartAsync(await TestDatabases.CreateAsync(DatabaseProvider.Postgres));
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.Client(cookies).GetAsync("/api/v1/partners", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_revenue_event_written_through_one_instance_is_in_the_standing_read_through_the_other_at_once()
    {
        var partner = await PartnerAsync();
        var key = await hosts.A.ApiKeyAsync("revenue:write", "standing:read");
        // B reads first, so that its in-process facts cache holds the partner without the revenue.
        var before = await RevenueOnB(partner.Id, key);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var sent = await hosts.A.ApiClient(key).PostAsJsonAsync("/api/v1/revenue-events", new
        {
            id = Build.Unique("evt_"), kind = "payment", occurredOn = today.AddDays(-10).ToString("yyyy-MM-dd"), amount = 1234.56m, currency = "USD", partner = partner.Domain,
        }, HttpAssertions.Json, Ct);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);

        Assert.Equal(before + 123_456, await RevenueOnB(partner.Id, key));
    }

    [Fact]
    public async Task A_partner_s_events_through_two_instances_are_written_one_group_after_the_other()
    {
        var (held, other) = (await PartnerAsync(), await PartnerAsync());
        var key = await hosts.A.ApiKeyAsync("revenue:write");
        var (a, b) = (hosts.A.ApiClient(key), hosts.B.ApiClient(key));
        Task<HttpResponseMessage> Pay(HttpClient client, PartnerView partner) => client.PostAsJsonAsync("/api/v1/revenue-events", new
        {
            id = Build.Unique("evt_"), kind = "payment", occurredOn = "2026-06-01", amount = 10m, currency = "USD", partner = partner.Domain,
        }, HttpAssertions.Json, Ct);
        foreach (var partner in new[] { held, other }) Assert.Equal(HttpStatusCode.Created, (await Pay(a, partner)).StatusCode); // now counted

        // Another writer holds the first partner's count, as a group on another instance does until its commit.
        await using var connection = new NpgsqlConnection(hosts.Database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await using (var hold = new NpgsqlCommand("SELECT events FROM revenue_event_counts WHERE partner_id = @partner FOR UPDATE", connection, transaction))
        {
            hold.Parameters.AddWithValue("partner", held.Id);
            Assert.Equal(1, await hold.ExecuteScalarAsync(Ct));
        }

        var waiting = Pay(a, held);
        Assert.Equal(HttpStatusCode.Created, (await Pay(b, other)).StatusCode); // another partner's event is not held up
        // It waits before reading anything about the partner, so its commission is worked out with that writer's events.
        var query = await LockWaitAsync(connection, transaction);
        Assert.StartsWith("SELECT * FROM revenue_event_counts", query);
        Assert.Contains("FOR UPDATE", query);
        Assert.False(waiting.IsCompleted);
        await transaction.CommitAsync(Ct);
        Assert.Equal(HttpStatusCode.Created, (await waiting).StatusCode);
    }

    /// <summary>The statement of the first session found waiting for a lock in this database (up to ten seconds).</summary>
    private static async Task<string?> LockWaitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var waits = new NpgsqlCommand("SELECT query FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()", connection, transaction);
        // Wall time, not the hosts' clock: this waits for another process (PostgreSQL) to show the wait.
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(10); await Task.Delay(20, Ct))
            if (await waits.ExecuteScalarAsync(Ct) is string query) return query;
        return null;
    }

    private async Task<PartnerView> PartnerAsync()
    {
        await using var scope = hosts.A.Scope();
        return (await scope.ServiceProvider.GetRequiredService<SavePartner>().CreateAsync(Build.Partner() with
        {
            Subcategory = "integration", AgreementStartsOn = new DateOnly(2025, 1, 1),
        }, Ct)).Value;
    }

    private async Task<long> RevenueOnB(Guid partner, string key)
    {
        var standing = await hosts.B.ApiClient(key).GetAsync($"/api/v1/partners/{partner}/standing", Ct).ReadAsync<JsonElement>(HttpStatusCode.OK);
        return standing.GetProperty("nextTier").GetProperty("revenueMinor").GetInt64();
    }

    [Fact]
    public async Task The_API_rate_limit_is_one_budget_across_the_instances()
    {
        var key = await hosts.A.ApiKeyAsync("partners:read");
        // Fixed one-minute windows: keep the dozen calls inside one.
        if (DateTime.UtcNow.Second >= 55) await Task.Delay(TimeSpan.FromSeconds(61 - DateTime.UtcNow.Second), Ct);
        var (a, b) = (hosts.A.ApiClient(key), hosts.B.ApiClient(key));
        var answers = new List<(char Host, HttpResponseMessage Response)>();
        for (var i = 0; i < TwoHosts.ApiPerMinute + 4; i++)
            answers.Add(i % 2 == 0 ? ('A', await a.GetAsync("/api/v1/partners", Ct)) : ('B', await b.GetAsync("/api/v1/partners", Ct)));

        Assert.Equal(TwoHosts.ApiPerMinute, answers.Count(x => x.Response.StatusCode == HttpStatusCode.OK));
        var refused = answers.Where(x => x.Response.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(['A', 'B'], refused.Select(x => x.Host).Distinct().Order());
        Assert.All(refused, x => Assert.True(int.Parse(x.Response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0));
    }
}
