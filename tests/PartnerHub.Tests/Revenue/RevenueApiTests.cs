using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Csv;
using PartnerHub.App.Facts;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.App.Revenue;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Revenue;

/// <summary>Revenue events over HTTP: exactly-once delivery, field-level problems, the batch, the import, and who may call.</summary>
public abstract class RevenueApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private async Task<PartnerView> PartnerAsync()
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<SavePartner>().CreateAsync(Build.Partner() with
        {
            Subcategory = "integration", AgreementStartsOn = new DateOnly(2025, 1, 1),
        }, CancellationToken.None)).Value;
    }

    private static HttpRequestMessage Event(object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/revenue-events") { Content = JsonContent.Create(body, options: HttpAssertions.Json) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private async Task<(int Events, int Transactions)> CountAsync(string externalId)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var ids = await db.Set<RevenueEventRecord>().Where(e => e.ExternalId == externalId).Select(e => e.Id).ToListAsync();
        var keys = ids.Select(i => $"revenue-event:{i}").ToList();
        return (ids.Count, await db.LedgerTransactions.CountAsync(t => keys.Contains(t.SourceKey)));
    }

    [Fact]
    public async Task A_replay_returns_the_original_response_and_the_same_key_with_another_body_answers_422()
    {
        var partner = await PartnerAsync();
        var (client, _) = await app.ApiKeyClientAsync("revenue:write", "revenue:read");
        var id = Build.Unique("evt_");
        var body = new { id, kind = "payment", occurredOn = "2026-06-01", amount = 1200.00m, currency = "USD", partner = partner.Domain, customer = "cus_9" };

        var first = await client.SendAsync(Event(body, "key-" + id));
        var firstBody = await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var receipt = System.Text.Json.JsonSerializer.Deserialize<RevenueEventReceipt>(firstBody, IngestRevenueEvent.Json)!;
        Assert.Equal((12_000L, "revenue-share"), (receipt.Ledger.Single().AmountMinor, receipt.Ledger.Single().RevenueModel));

        app.Clock.Advance(TimeSpan.FromMinutes(5)); // a later replay still gets the first answer, timestamps included
        var replay = await client.SendAsync(Event(body, "key-" + id));
        Assert.Equal((HttpStatusCode.Created, firstBody), (replay.StatusCode, await replay.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));

        var changed = await client.SendAsync(Event(body with { amount = 1300.00m }, "key-" + id)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Empty(changed);
        Assert.Equal((1, 1), await CountAsync(id));

        // The event is readable by id with its accrual.
        var read = await client.GetAsync($"/api/v1/revenue-events/{receipt.Event.Id}").ReadAsync<RevenueEventReceipt>(HttpStatusCode.OK);
        Assert.Equal(receipt.Ledger.Single().TransactionId, read.Ledger.Single().TransactionId);
    }

    [Fact]
    public async Task Fifty_concurrent_identical_deliveries_have_exactly_one_effect()
    {
        var partner = await PartnerAsync();
        var (client, _) = await app.ApiKeyClientAsync("revenue:write");
        var id = Build.Unique("evt_");
        var body = new { id, kind = "payment", occurredOn = "2026-06-02", amount = "500.00", partner = partner.Id.ToString() };

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var response = await client.SendAsync(Event(body));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Item2).Distinct());
        Assert.Equal((1, 1), await CountAsync(id));
    }

    [Fact]
    public async Task Concurrent_deliveries_are_committed_together_and_a_refused_one_leaves_the_others_alone()
    {
        var partner = await PartnerAsync();
        var (client, _) = await app.ApiKeyClientAsync("revenue:write");
        var run = Build.Unique("grp_");
        // Every fifth names a partner that does not exist: refused inside the group, after the events before it.
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var body = new { id = $"{run}-{i}", kind = "payment", occurredOn = "2026-06-02", amount = "100.00", partner = i % 5 == 4 ? $"nobody-{run}.example" : partner.Domain };
            using var response = await client.SendAsync(Event(body));
            return (i, response.StatusCode);
        }));

        Assert.All(responses, r => Assert.Equal(r.i % 5 == 4 ? HttpStatusCode.BadRequest : HttpStatusCode.Created, r.StatusCode));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var stored = await db.Set<RevenueEventRecord>().Where(e => e.ExternalId.StartsWith(run)).Select(e => e.Id).ToListAsync();
        var keys = stored.Select(i => $"revenue-event:{i}").ToList();
        Assert.Equal((32, 32), (stored.Count, await db.LedgerTransactions.CountAsync(t => keys.Contains(t.SourceKey))));
    }

    [Fact]
    public async Task An_event_refused_only_once_its_group_is_written_leaves_the_others_of_the_group_stored_once()
    {
        var partner = await PartnerAsync();
        var (client, _) = await app.ApiKeyClientAsync("revenue:write");
        var run = Build.Unique("reuse_");
        var taken = $"{run}-taken";
        (await client.SendAsync(Event(new { id = taken, kind = "payment", occurredOn = "2026-06-02", amount = "100.00", partner = partner.Domain }))).EnsureSuccessStatusCode();
        // Every fifth sends the stored event's id again with other money, under a key of its own: nothing refuses it before
        // the group records it, so its group is rolled back and written again, event by event.
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var body = new { id = i % 5 == 4 ? taken : $"{run}-{i}", kind = "payment", occurredOn = "2026-06-02", amount = i % 5 == 4 ? $"{200 + i}.00" : "100.00", partner = partner.Domain };
            using var response = await client.SendAsync(Event(body, $"{run}-key-{i}"));
            return (i, response.StatusCode);
        }));

        Assert.All(responses, r => Assert.Equal(r.i % 5 == 4 ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.Created, r.StatusCode));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var stored = await db.Set<RevenueEventRecord>().Where(e => e.ExternalId.StartsWith(run)).Select(e => new { e.Id, e.AmountMinor }).ToListAsync();
        var keys = stored.Select(e => $"revenue-event:{e.Id}").ToList();
        Assert.Equal((33, 33, 3_300_00L), (stored.Count, await db.LedgerTransactions.CountAsync(t => keys.Contains(t.SourceKey)), stored.Sum(e => e.AmountMinor)));
    }

    [Fact]
    public async Task Bad_events_are_refused_field_by_field_and_partner_users_may_not_send_or_read_events()
    {
        var partner = await PartnerAsync();
        var finance = await app.ClientAsync(Roles.Finance);
        var errors = await finance.SendAsync(Event(new { id = "bad-1", kind = "gift", occurredOn = "yesterday", amount = "-5", currency = "dollars", refunds = "x" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["amount", "currency", "kind", "occurredOn"], errors.Keys.Where(k => k != "refunds").Order());
        Assert.True((await finance.SendAsync(Event(new { kind = "payment", occurredOn = "2026-06-01", amount = "1" })).ProblemAsync(HttpStatusCode.BadRequest)).ContainsKey("id"));
        Assert.True((await finance.SendAsync(Event(new { id = "bad-2", kind = "payment", occurredOn = "2026-06-01", amount = "1", partner = "nobody.example" }))
            .ProblemAsync(HttpStatusCode.BadRequest)).ContainsKey("partner"));

        var user = await app.ClientAsync(Roles.PartnerUser, new PartnerId(partner.Id));
        await user.SendAsync(Event(new { id = "pu-1", kind = "payment", occurredOn = "2026-06-01", amount = "1", partner = partner.Domain })).ProblemAsync(HttpStatusCode.Forbidden);
        await user.GetAsync("/api/v1/revenue-events").ProblemAsync(HttpStatusCode.Forbidden);
        await (await app.ClientAsync(Roles.PartnerManager)).SendAsync(Event(new { id = "pm-1", kind = "payment", occurredOn = "2026-06-01", amount = "1" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_batch_and_an_import_record_each_event_once()
    {
        var partner = await PartnerAsync();
        var (client, _) = await app.ApiKeyClientAsync("revenue:write", "revenue:read", "revenue:attribute");
        var a = Build.Unique("b_");
        var batch = new object[]
        {
            new { id = a + "1", kind = "payment", occurredOn = "2026-06-03", amount = "100.00", partner = partner.Domain, customer = a },
            new { id = a + "2", kind = "refund", occurredOn = "2026-06-04", amount = "100.00", refunds = a + "1" },
            new { id = a + "3", kind = "payment", occurredOn = "2026-06-05", amount = "abc" },
        };
        var first = await client.PostAsJsonAsync("/api/v1/revenue-events/batch", batch, HttpAssertions.Json).ReadAsync<BatchReceipt>(HttpStatusCode.OK);
        Assert.Equal((2, 0, 1), (first.Created, first.Duplicates, first.Refused));
        Assert.Equal([201, 201, 400], first.Items.Select(i => i.Status));
        Assert.Equal(-1_000L, first.Items[1].Receipt!.Ledger.Single().AmountMinor);
        var again = await client.PostAsJsonAsync("/api/v1/revenue-events/batch", batch, HttpAssertions.Json).ReadAsync<BatchReceipt>(HttpStatusCode.OK);
        Assert.Equal([201, 201, 400], again.Items.Select(i => i.Status)); // each item replays its first answer

        var id = Build.Unique("csv_");
        var csv = $"external_id,kind,occurred_on,amount,partner,customer\n{id}-1,payment,2026-06-06,250.00,{partner.Domain},c1\n{id}-2,payment,2026-06-07,,{partner.Domain},c1\n{id}-3,invoice,2026-06-07,99.00,,c-unknown-{id}\n";
        var form = new MultipartFormDataContent { { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "events.csv" } };
        var report = await client.PostAsync("/api/v1/revenue-events/import", form).ReadAsync<ImportReport>(HttpStatusCode.OK);
        Assert.Equal((3, 2, 0), (report.Rows, report.Created, report.Unchanged));
        Assert.Equal((3, "amount"), (report.Errors.Single().Line, report.Errors.Single().Column));
        var form2 = new MultipartFormDataContent { { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "events.csv" } };
        Assert.Equal((0, 2), (await client.PostAsync("/api/v1/revenue-events/import", form2).ReadAsync<ImportReport>(HttpStatusCode.OK)) is var r ? (r.Created, r.Unchanged) : default);

        // The invoice names no partner: it waits in the queue and is attributed once.
        var queue = await client.GetAsync("/api/v1/revenue-events?unattributed=true&pageSize=500").ReadAsync<App.Common.Page<RevenueEventView>>(HttpStatusCode.OK);
        var orphan = queue.Items.Single(e => e.ExternalId == $"{id}-3");
        var attributed = await client.PostAsJsonAsync($"/api/v1/revenue-events/{orphan.Id}/attribute", new { partner = partner.Domain, note = "CRM owner" }, HttpAssertions.Json)
            .ReadAsync<RevenueEventReceipt>(HttpStatusCode.OK);
        Assert.Equal(partner.Id, attributed.Event.PartnerId);
        await client.PostAsJsonAsync($"/api/v1/revenue-events/{orphan.Id}/attribute", new { partner = partner.Domain }, HttpAssertions.Json).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_partner_s_event_count_kept_by_the_database_follows_every_way_its_events_arrive()
    {
        var partner = await PartnerAsync();
        var (client, _) = await app.ApiKeyClientAsync("revenue:write", "revenue:read", "revenue:attribute", "facts:write");
        var id = Build.Unique("counted_");
        object Payment(string suffix, string? to) => new { id = $"{id}-{suffix}", kind = "payment", occurredOn = "2026-06-08", amount = "1.00", partner = to, customer = to ?? suffix };
        async Task ImportAsync(string path, string rows) => await client.PostAsync(path, new MultipartFormDataContent
        {
            { new StringContent("external_id,kind,occurred_on,amount,currency,partner,customer\n" + rows, Encoding.UTF8, "text/csv"), "file", "events.csv" },
        }).ReadAsync<ImportReport>(HttpStatusCode.OK);

        await client.SendAsync(Event(Payment("api", partner.Domain))).ReadAsync<RevenueEventReceipt>(HttpStatusCode.Created);
        await client.PostAsJsonAsync("/api/v1/revenue-events/batch", new[] { Payment("batch-1", partner.Domain), Payment("batch-2", partner.Domain), Payment("batch-3", null) },
            HttpAssertions.Json).ReadAsync<BatchReceipt>(HttpStatusCode.OK);
        await ImportAsync("/api/v1/revenue-events/import", $"{id}-csv-1,payment,2026-06-09,1.00,USD,{partner.Domain},c\n{id}-csv-2,invoice,2026-06-09,1.00,USD,,{id}-nobody\n");
        // The facts import attributes an event stored unattributed (an UPDATE of its partner).
        await ImportAsync("/api/v1/facts/revenue-events/import", $"{id}-csv-2,invoice,2026-06-09,1.00,USD,{partner.Id},{id}-nobody\n");
        var orphan = (await client.GetAsync("/api/v1/revenue-events?unattributed=true&pageSize=500").ReadAsync<App.Common.Page<RevenueEventView>>(HttpStatusCode.OK))
            .Items.Single(e => e.ExternalId == $"{id}-batch-3");
        await client.PostAsJsonAsync($"/api/v1/revenue-events/{orphan.Id}/attribute", new { partner = partner.Domain }, HttpAssertions.Json).ReadAsync<RevenueEventReceipt>(HttpStatusCode.OK);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        await FactBulkWriter.WriteAsync(db, Enumerable.Range(1, 2).Select(n => new RevenueEventRecord
        {
            ExternalId = $"{id}-bulk-{n}", PartnerId = new PartnerId(partner.Id), Kind = Core.Facts.RevenueKind.Payment, OccurredOn = new DateOnly(2026, 6, 10), AmountMinor = 100,
            Currency = "USD", Source = "demo", ReceivedAt = app.Clock.GetUtcNow(),
        }), CancellationToken.None);

        // api 1 + batch 2 + import 1 + attributed by the import 1 + by hand 1 + bulk 2
        var mine = await db.Set<RevenueEventRecord>().Where(e => e.PartnerId == new PartnerId(partner.Id)).Select(e => e.ExternalId).ToListAsync();
        Assert.Equal(new[] { "api", "batch-1", "batch-2", "batch-3", "bulk-1", "bulk-2", "csv-1", "csv-2" }, mine.Select(m => m[(id.Length + 1)..]).Order());
        Assert.Equal(8, await db.Set<RevenueEventCountRecord>().Where(c => c.PartnerId == new PartnerId(partner.Id)).Select(c => c.Events).SingleAsync());
        var stored = await db.Set<RevenueEventRecord>().Where(e => e.PartnerId != null).GroupBy(e => e.PartnerId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var counted = await db.Set<RevenueEventCountRecord>().Where(c => c.Events != 0).ToDictionaryAsync(c => c.PartnerId, c => c.Events);
        Assert.Equal(stored.OrderBy(p => p.Key.Value), counted.OrderBy(p => p.Key.Value)); // and so for every partner in the database
    }

    [Fact]
    public async Task An_import_longer_than_a_chunk_records_every_event_once_after_the_first_chunk_s_history_is_kept()
    {
        // The first chunk's commit hands the partner's history to every scope; the second chunk adds to its own copy.
        var partner = await PartnerAsync();
        var (client, _) = await app.ApiKeyClientAsync("revenue:write", "revenue:read");
        var id = Build.Unique("chunks_");
        var rows = Enumerable.Range(1, ImportRevenueEvents.ChunkSize + 100).Select(n => $"{id}-{n},payment,2026-06-08,1.00,{partner.Domain},cus-{n % 50}");
        var csv = "external_id,kind,occurred_on,amount,partner,customer\n" + string.Join('\n', rows) + "\n";
        var form = new MultipartFormDataContent { { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "events.csv" } };

        var report = await client.PostAsync("/api/v1/revenue-events/import", form).ReadAsync<ImportReport>(HttpStatusCode.OK);
        var next = await client.SendAsync(Event(new { id = id + "-next", kind = "payment", occurredOn = "2026-06-09", amount = "1.00", partner = partner.Domain, customer = "cus-1" }))
            .ReadAsync<RevenueEventReceipt>(HttpStatusCode.Created);

        Assert.Equal((ImportRevenueEvents.ChunkSize + 100, 0), (report.Created, report.Errors.Count));
        Assert.Equal(10L, next.Ledger.Single().AmountMinor); // 10 % of 1.00, from the history kept after the import
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var keys = (await db.Set<RevenueEventRecord>().Where(e => e.ExternalId.StartsWith(id)).Select(e => e.Id).ToListAsync())
            .Select(i => $"revenue-event:{i}").ToList();
        Assert.Equal(ImportRevenueEvents.ChunkSize + 101, await db.LedgerTransactions.CountAsync(t => keys.Contains(t.SourceKey)));
    }
}

public sealed class RevenueApiOnSqlite(SqliteApp app) : RevenueApiTests<SqliteApp>(app);

public sealed class RevenueApiOnPostgres(PostgresApp app) : RevenueApiTests<PostgresApp>(app);
