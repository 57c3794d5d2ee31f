using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Csv;
using PartnerHub.App.Facts;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Facts;

/// <summary>Fact storage and import on SQLite and PostgreSQL: every kind round-trips, bad rows are reported, re-imports change nothing.</summary>
public abstract class FactImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private async Task<PartnerView> PartnerAsync(DateOnly? start = null)
    {
        await using var scope = app.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<SavePartner>()
            .CreateAsync(Build.Partner() with { ExternalId = Build.Unique("ext-"), AgreementStartsOn = start ?? new DateOnly(2024, 1, 15) }, CancellationToken.None);
        return created.Value;
    }

    private async Task<ImportReport> ImportAsync(string kind, string csv, ImportOptions? options = null)
    {
        await using var scope = app.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<ImportFacts>()
            .CsvAsync(kind, Encoding.UTF8.GetBytes(csv), options ?? new ImportOptions(), null, CancellationToken.None);
        return result.Value;
    }

    private async Task<FactPage> ListAsync(string kind, Guid partner)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<ListFacts>().HandleAsync(new FactQuery(kind, new PartnerId(partner)), CancellationToken.None)).Value;
    }

    /// <summary>One good row of every kind, naming the partner by domain, external id or id.</summary>
    private static IEnumerable<(string Kind, string Csv)> OneOfEach(PartnerView p, string k) =>
    [
        ("revenue-events", $"external_id,partner,kind,occurred_on,amount,currency,customer\n{k}-ev1,{p.Domain},payment,2026-03-01,1234.56,USD,cust-1\n"),
        ("deals", $"external_id,partner,registered_on,closed_on,outcome,amount\n{k}-d1,{p.ExternalId},2026-01-10,2026-02-20,won,5000\n"),
        ("training", $"partner,track,completed_on\n{p.Id},product-fundamentals,2026-02-01\n"),
        ("exams", $"partner,exam,taken_on,score\n{p.Domain},certified-exam,2026-02-10,81\n"),
        ("certifications", $"partner,level,awarded_on\n{p.Domain},certified,2026-03-01\n"),
        ("commitments", $"partner,starts_on,ends_on,description\n{p.Domain},2026-01-15,2027-01-14,Annual plan\n"),
        ("surveys", $"external_id,partner,kind,answered_on,score,scale\n{k}-s1,{p.Domain},satisfaction,2026-03-05,5,5\n"),
        ("ratings", $"partner,criterion,rated_on,score,rated_by\n{p.Domain},innovation,2026-03-01,4,maria.lopez@partnerhub.demo\n"),
        ("engagement", $"partner,kind,occurred_on,count\n{p.Domain},login,2026-03-02,7\n"),
        ("costs", $"external_id,partner,incurred_on,amount,category\n{k}-c1,{p.Domain},2026-03-03,800.00,mdf\n"),
    ];

    [Fact]
    public async Task Every_kind_is_stored_listed_and_a_listed_row_imports_again_unchanged()
    {
        var p = await PartnerAsync();
        var k = Build.Unique("f");
        foreach (var (kind, csv) in OneOfEach(p, k))
        {
            var first = await ImportAsync(kind, csv);
            Assert.True((1, 0, 0, 0, true) == (first.Created, first.Updated, first.Unchanged, first.Errors.Count, first.Applied), $"{kind}: {string.Join("; ", first.Errors)}");

            var page = await ListAsync(kind, p.Id);
            var row = Assert.Single(page.Items);
            var header = string.Join(",", page.Columns);
            var again = await ImportAsync(kind, header + "\n" + string.Join(",", page.Columns.Select(c => row[c] ?? "")) + "\n");
            Assert.True((0, 0, 1) == (again.Created, again.Updated, again.Unchanged), $"{kind}: {string.Join("; ", again.Errors)}");
        }

        var listed = await ListAsync("surveys", p.Id);
        Assert.Equal("100", listed.Items[0]["score"]); // 5 on a 1–5 scale is stored as 100
        Assert.Equal("1234.56", (await ListAsync("revenue-events", p.Id)).Items[0]["amount"]);
    }

    [Fact]
    public async Task Stored_facts_load_the_same_for_one_partner_and_for_the_whole_program()
    {
        var p = await PartnerAsync(new DateOnly(2023, 5, 31));
        var k = Build.Unique("g");
        foreach (var (kind, csv) in OneOfEach(p, k)) await ImportAsync(kind, csv);
        await ImportAsync("deals", $"external_id,partner,registered_on,amount\n{k}-open,{p.Domain},2026-04-01,99.99\n");

        await using var scope = app.Scope();
        var store = scope.ServiceProvider.GetRequiredService<FactStore>();
        var one = (await store.ForPartnerAsync(new PartnerId(p.Id), Currency.Usd, CancellationToken.None)).Value;
        var all = await store.LoadProgramAsync(Currency.Usd, CancellationToken.None);
        var same = all.Partners.Single(f => f.PartnerId.Value == p.Id);

        Assert.Equal(new DateOnly(2023, 5, 31), one.PartnershipStart);
        Assert.Equal("channel", one.Category);
        var payment = Assert.Single(one.Revenue);
        Assert.Equal((RevenueKind.Payment, new DateOnly(2026, 3, 1), 123456L), (payment.Kind, payment.Date, payment.AmountMinor));
        Assert.NotEqual(0, payment.CustomerId);
        Assert.Equal(
            [new DealFact(new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 20), DealOutcome.Won, 500000), new DealFact(new DateOnly(2026, 4, 1), null, DealOutcome.Open, 9999)],
            one.Deals.OrderBy(d => d.RegisteredOn));
        Assert.Equal(new SurveyResponse(SurveyKind.Satisfaction, new DateOnly(2026, 3, 5), 100), Assert.Single(one.Surveys));
        Assert.Equal(new ManagerRating("innovation", new DateOnly(2026, 3, 1), 4), Assert.Single(one.Ratings));
        Assert.Equal(new EngagementEvent("login", new DateOnly(2026, 3, 2), 7), Assert.Single(one.Engagement));
        Assert.Equal(new CostEntry(new DateOnly(2026, 3, 3), 80000), Assert.Single(one.Costs));
        Assert.Equal(new Commitment(new DateOnly(2026, 1, 15), new DateOnly(2027, 1, 14)), Assert.Single(one.Commitments));
        Assert.Equal(new ExamAttempt("certified-exam", new DateOnly(2026, 2, 10), 81), Assert.Single(one.Exams));

        // The bulk loader reads the same rows through each database's fast path.
        Assert.Equal(one.Revenue, same.Revenue);
        Assert.Equal(one.Deals.OrderBy(d => d.RegisteredOn), same.Deals.OrderBy(d => d.RegisteredOn));
        Assert.Equal(one.Training, same.Training);
        Assert.Equal(one.Exams, same.Exams);
        Assert.Equal(one.Certifications, same.Certifications);
        Assert.Equal(one.Commitments, same.Commitments);
        Assert.Equal(one.Surveys, same.Surveys);
        Assert.Equal(one.Ratings, same.Ratings);
        Assert.Equal(one.Engagement, same.Engagement);
        Assert.Equal(one.Costs, same.Costs);
        Assert.Equal((one.PartnershipStart, one.PartnershipEnd, one.Subcategory), (same.PartnershipStart, same.PartnershipEnd, same.Subcategory));
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_line_and_column_and_good_rows_are_applied()
    {
        var p = await PartnerAsync();
        var k = Build.Unique("b");
        var csv = new StringBuilder("external_id,partner,kind,occurred_on,amount,currency\n")
            .Append($"{k}-1,{p.Domain},payment,2026-03-01,100.00,USD\n") // 2: good
            .Append($"{k}-2,nobody.example.org,payment,2026-03-01,100.00,USD\n") // 3: unknown partner
            .Append($"{k}-3,{p.Domain},gift,2026-03-01,100.00,USD\n") // 4: unknown kind
            .Append($"{k}-4,{p.Domain},payment,01/03/2026,100.00,USD\n") // 5: not an ISO date
            .Append($"{k}-5,{p.Domain},refund,2026-03-01,-5.00,USD\n") // 6: negative
            .Append($"{k}-6,{p.Domain},payment,2026-03-01,1.001,USD\n") // 7: sub-cent
            .Append($"{k}-1,{p.Domain},payment,2026-03-02,7.00,USD\n") // 8: same key as line 2
            .Append($"{k}-8,{p.Domain},payment\n") // 9: too few columns
            .Append($",,invoice,2026-03-01,5.00,usd\n") // 10: no external id
            .Append($"{k}-10,,invoice,2026-03-01,5.00,usd\n"); // 11: good, unattributed
        var report = await ImportAsync("revenue-events", csv.ToString());

        Assert.True(report.Applied);
        Assert.Equal(2, report.Created);
        Assert.Equal([(3, "partner"), (4, "kind"), (5, "occurred_on"), (6, "amount"), (7, "amount"), (8, "external_id"), (9, null), (10, "external_id")],
            report.Errors.Select(e => (e.Line, e.Column)).ToArray());
        Assert.Contains("line 2", report.Errors[5].Message);
        Assert.Equal(10, report.Rows);

        var header = await ImportAsync("revenue-events", "external_id,partner,kind,occurred_on,amount,colour\n");
        Assert.Equal((1, "colour"), (Assert.Single(header.Errors).Line, header.Errors[0].Column));
        var missing = await ImportAsync("training", "partner,track\n");
        Assert.Equal("completed_on", Assert.Single(missing.Errors).Column);
    }

    [Fact]
    public async Task Strict_and_dry_run_apply_nothing_and_a_reimport_changes_nothing()
    {
        var p = await PartnerAsync();
        var good = $"partner,criterion,rated_on,score\n{p.Domain},innovation,2026-01-01,3\n{p.Domain},commitment,2026-01-01,4\n";
        var bad = good + $"{p.Domain},charisma,2026-01-01,5\n";

        var strict = await ImportAsync("ratings", bad, new ImportOptions(Strict: true));
        Assert.False(strict.Applied);
        Assert.Equal((4, "criterion"), (Assert.Single(strict.Errors).Line, strict.Errors[0].Column));
        var dry = await ImportAsync("ratings", good, new ImportOptions(DryRun: true));
        Assert.Equal((2, false), (dry.Created, dry.Applied));
        Assert.Empty((await ListAsync("ratings", p.Id)).Items);

        Assert.Equal(2, (await ImportAsync("ratings", good)).Created);
        var again = await ImportAsync("ratings", good);
        Assert.Equal((0, 0, 2), (again.Created, again.Updated, again.Unchanged));
        var changed = await ImportAsync("ratings", good.Replace(",3\n", ",5\n"));
        Assert.Equal((0, 1, 1), (changed.Created, changed.Updated, changed.Unchanged));
    }

    [Fact]
    public async Task Recorded_money_is_never_edited_but_an_unattributed_event_can_be_attributed()
    {
        var p = await PartnerAsync();
        var k = Build.Unique("m");
        var header = "external_id,partner,kind,occurred_on,amount\n";
        Assert.Equal(1, (await ImportAsync("revenue-events", header + $"{k}-1,,payment,2026-03-01,50.00\n")).Created);

        var attributed = await ImportAsync("revenue-events", header + $"{k}-1,{p.Domain},payment,2026-03-01,50.00\n");
        Assert.Equal(1, attributed.Updated);
        var edited = await ImportAsync("revenue-events", header + $"{k}-1,{p.Domain},payment,2026-03-01,55.00\n");
        Assert.Equal(("external_id", 0), (Assert.Single(edited.Errors).Column, edited.Updated));
        Assert.Contains("never edited", edited.Errors[0].Message);

        await using var scope = app.Scope();
        var stored = await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Set<RevenueEventRecord>().SingleAsync(e => e.ExternalId == $"{k}-1");
        Assert.Equal((new PartnerId(p.Id), 5000L, "import"), (stored.PartnerId, stored.AmountMinor, stored.Source));
    }

    [Fact]
    public async Task The_api_adds_json_rows_for_managers_and_refuses_partner_users()
    {
        var p = await PartnerAsync();
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var rows = new[] { new Dictionary<string, object?> { ["partner"] = p.Domain, ["track"] = "sales-fundamentals", ["completed_on"] = "2026-04-01" } };

        var added = await (await manager.PostAsJsonAsync("/api/v1/facts/training", rows)).ReadAsync<ImportReport>(HttpStatusCode.OK);
        Assert.Equal(1, added.Created);
        var bad = await (await manager.PostAsJsonAsync("/api/v1/facts/exams?strict=true", new[] { new Dictionary<string, object?> { ["partner"] = p.Domain, ["exam"] = "certified-exam", ["taken_on"] = "2026-04-01", ["score"] = 101 } }))
            .ReadAsync<ImportReport>(HttpStatusCode.UnprocessableEntity);
        Assert.Equal((1, "score"), (Assert.Single(bad.Errors).Line, bad.Errors[0].Column));

        var listed = await (await manager.GetAsync($"/api/v1/facts/training?partner={p.Id}")).ReadAsync<FactPage>(HttpStatusCode.OK);
        Assert.Equal("sales-fundamentals", Assert.Single(listed.Items)["track"]);
        await (await manager.GetAsync("/api/v1/facts/horoscopes")).ProblemAsync(HttpStatusCode.NotFound);

        using var file = new MultipartFormDataContent();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"partner,kind,occurred_on,count\n{p.Domain},webinar-attended,2026-04-02,1\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        file.Add(content, "file", "engagement.csv");
        Assert.Equal(1, (await (await manager.PostAsync("/api/v1/facts/engagement/import", file)).ReadAsync<ImportReport>(HttpStatusCode.OK)).Created);

        var partnerUser = await app.ClientAsync(Roles.PartnerAdmin, new PartnerId(p.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerUser.PostAsJsonAsync("/api/v1/facts/training", rows)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerUser.GetAsync($"/api/v1/facts/training?partner={p.Id}")).StatusCode);
    }
}

public sealed class FactImportOnSqlite(SqliteApp app) : FactImportTests<SqliteApp>(app);

public sealed class FactImportOnPostgres(PostgresApp app) : FactImportTests<PostgresApp>(app);
