using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Identity;
using PartnerHub.App.Ledger;
using PartnerHub.App.Partners;
using PartnerHub.Core.Common;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Deals;
using PartnerHub.Tests.Infrastructure;
using PartnerHub.Web.Ledger;

namespace PartnerHub.Tests.Api;

/// <summary>Statements, balances and payouts over HTTP: finance closes and pays, a partner user reads only its own.</summary>
public abstract class LedgerApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static Task<HttpResponseMessage> Post(HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body, HttpAssertions.Json);

    [Fact]
    public async Task Finance_closes_a_month_and_pays_once_while_a_partner_user_sees_only_its_own_statement_and_balance()
    {
        PartnerView a, b;
        await using (var scope = app.Scope())
        {
            var save = scope.ServiceProvider.GetRequiredService<SavePartner>();
            a = (await save.CreateAsync(Build.Partner("Alpha Ledger " + Build.Unique()), CancellationToken.None)).Value;
            b = (await save.CreateAsync(Build.Partner("Bravo Ledger " + Build.Unique()), CancellationToken.None)).Value;
            var post = scope.ServiceProvider.GetRequiredService<PostTransaction>();
            // 100.00 each in April (payable by June 15, after the program's 45 days), and 100.00 more for A in May (still held).
            foreach (var (partner, on, source) in new[] { (a.Id, new DateOnly(2026, 4, 1), "apr-a"), (b.Id, new DateOnly(2026, 4, 1), "apr-b"), (a.Id, new DateOnly(2026, 5, 10), "may-a") })
            {
                var basis = AccrualBasis.Rate("revenue-share", new Money(1_000_00, Currency.Usd), 10m, "preferred", "v1", $"Revenue share 10% of 1,000.00 ({source}).");
                (await post.HandleAsync(Commissions.Accrue($"api:{source}", new PartnerId(partner), basis, on, app.Clock.GetUtcNow()).Value, CancellationToken.None)).Ok();
            }

            (await scope.ServiceProvider.GetRequiredService<ReleaseHeldCommissions>().HandleAsync(CancellationToken.None)).Ok();
        }

        var finance = await app.ClientAsync(Roles.Finance);
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var userOfA = await app.ClientAsync(Roles.PartnerUser, new PartnerId(a.Id));

        // Closing: a month not over, a malformed one, then May.
        await Post(finance, "/api/v1/statements/close", new { period = "2026-06" }).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True((await Post(finance, "/api/v1/statements/close", new { period = "2026-13" }).ProblemAsync(HttpStatusCode.BadRequest)).ContainsKey("period"));
        await Post(userOfA, "/api/v1/statements/close", new { period = "2026-05" }).ProblemAsync(HttpStatusCode.Forbidden);
        var closed = await Post(finance, "/api/v1/statements/close", new { period = "2026-05" }).ReadAsync<ClosedJson>(HttpStatusCode.OK);
        var ofA = closed.Issued.Single(s => s.PartnerId == a.Id);
        var ofB = closed.Issued.Single(s => s.PartnerId == b.Id);
        Assert.Equal(("100.00", "200.00"), (ofA.Opening.Held.Amount, ofA.Closing.Held.Amount));
        Assert.Empty((await Post(finance, "/api/v1/statements/close", new { period = "2026-05" }).ReadAsync<ClosedJson>(HttpStatusCode.OK)).Issued);

        // The partner user's statements: its own, with every line explained; another partner's is not found.
        var list = await userOfA.GetAsync("/api/v1/statements").ReadAsync<List<StatementSummaryJson>>(HttpStatusCode.OK);
        Assert.Equal([ofA.Id], list.Select(s => s.Id));
        Assert.Empty(await userOfA.GetAsync($"/api/v1/statements?partnerId={b.Id}").ReadAsync<List<StatementSummaryJson>>(HttpStatusCode.OK));
        var statement = await userOfA.GetAsync($"/api/v1/statements/{ofA.Id}").ReadAsync<StatementJson>(HttpStatusCode.OK);
        var line = Assert.Single(statement.Lines);
        Assert.Equal((LedgerTransactionKind.Accrual, 10_000L, "100.00"), (line.Kind, line.Amount.Minor, line.Amount.Amount));
        Assert.Contains("may-a", line.Explanation);
        Assert.Equal(("revenue-share", 10m, "1000.00"), (line.Basis!.RevenueModel, line.Basis.Percent, line.Basis.BaseAmount.Amount));
        await userOfA.GetAsync($"/api/v1/statements/{ofB.Id}").ProblemAsync(HttpStatusCode.NotFound);
        await manager.GetAsync("/api/v1/statements").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(2, (await finance.GetAsync("/api/v1/statements?period=2026-05").ReadAsync<List<StatementSummaryJson>>(HttpStatusCode.OK)).Count(s => s.PartnerId == a.Id || s.PartnerId == b.Id));

        // Balances at dates.
        var balance = Assert.Single(await userOfA.GetAsync($"/api/v1/partners/{a.Id}/balance").ReadAsync<List<BalanceJson>>(HttpStatusCode.OK));
        Assert.Equal(("USD", 10_000L, 10_000L, "200.00"), (balance.Currency, balance.Held.Minor, balance.Payable.Minor, balance.NetOwed.Amount));
        var april = Assert.Single(await userOfA.GetAsync($"/api/v1/partners/{a.Id}/balance?asOf=2026-04-30").ReadAsync<List<BalanceJson>>(HttpStatusCode.OK));
        Assert.Equal((10_000L, 0L), (april.Held.Minor, april.Payable.Minor));
        await userOfA.GetAsync($"/api/v1/partners/{b.Id}/balance").ProblemAsync(HttpStatusCode.NotFound);
        Assert.True((await finance.GetAsync($"/api/v1/partners/{a.Id}/balance?asOf=yesterday").ProblemAsync(HttpStatusCode.BadRequest)).ContainsKey("asOf"));

        // A payout batch: planned, exported, paid once with its reference.
        await Post(userOfA, "/api/v1/payouts", new { }).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.True((await Post(finance, "/api/v1/payouts", new { currency = "dollars" }).ProblemAsync(HttpStatusCode.BadRequest)).ContainsKey("currency"));
        var batch = await Post(finance, "/api/v1/payouts", new { currency = "USD", minimum = "1.00" }).ReadAsync<PayoutBatchView>(HttpStatusCode.Created);
        Assert.Equal([(a.Id, 10_000L), (b.Id, 10_000L)], batch.Lines.Where(l => l.PartnerId == a.Id || l.PartnerId == b.Id).OrderBy(l => l.PartnerId == b.Id).Select(l => (l.PartnerId, l.AmountMinor)));
        await Post(finance, "/api/v1/payouts", new { currency = "USD", minimum = "1.00" }).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains((await finance.GetAsync("/api/v1/payouts").ReadAsync<List<ListPayoutBatches.Item>>(HttpStatusCode.OK)), i => i.Id == batch.Id && i.Status == "created");

        var export = await finance.GetAsync($"/api/v1/payouts/{batch.Id}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var csv = await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith(string.Join(",", ExportPayoutBatch.Columns), csv);
        Assert.Contains(a.Domain, csv);

        Assert.True((await Post(finance, $"/api/v1/payouts/{batch.Id}/paid", new { externalReference = " " }).ProblemAsync(HttpStatusCode.BadRequest)).ContainsKey("externalReference"));
        var paid = await Post(finance, $"/api/v1/payouts/{batch.Id}/paid", new { externalReference = "WIRE-2026-06-15" }).ReadAsync<PayoutBatchView>(HttpStatusCode.OK);
        Assert.Equal(("paid", "WIRE-2026-06-15"), (paid.Status, paid.ExternalReference));
        var again = await Post(finance, $"/api/v1/payouts/{batch.Id}/paid", new { externalReference = "WIRE-2026-06-15" }).ReadAsync<PayoutBatchView>(HttpStatusCode.OK);
        Assert.Equal(paid, again with { Lines = paid.Lines, CarriedForward = paid.CarriedForward });
        await Post(finance, $"/api/v1/payouts/{batch.Id}/paid", new { externalReference = "WIRE-OTHER" }).ProblemAsync(HttpStatusCode.Conflict);
        await finance.GetAsync($"/api/v1/payouts/{Guid.NewGuid()}").ProblemAsync(HttpStatusCode.NotFound);

        var after = Assert.Single(await userOfA.GetAsync($"/api/v1/partners/{a.Id}/balance").ReadAsync<List<BalanceJson>>(HttpStatusCode.OK));
        Assert.Equal((10_000L, 0L), (after.Held.Minor, after.Payable.Minor));
    }
}

public sealed class LedgerApiOnSqlite(SqliteApp app) : LedgerApiTests<SqliteApp>(app);

public sealed class LedgerApiOnPostgres(PostgresApp app) : LedgerApiTests<PostgresApp>(app);
