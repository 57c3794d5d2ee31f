using System.Text;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Csv;
using PartnerHub.App.Deals;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Deals;

/// <summary>Deal registration CSV import, with bad rows, conflicts and re-imports, on SQLite and PostgreSQL.</summary>
public abstract class DealImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Header = "partner_domain,external_id,customer_name,customer_domain,contact_name,contact_email,product,estimated_value,currency,expected_close_on,notes\n";
    private AppHarness _app = null!;
    private (PartnerId Id, string Domain) _a;
    private (PartnerId Id, string Domain) _b;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = await AppHarness.CreateAsync(provider);
        _a = await PartnerAsync();
        _b = await PartnerAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<(PartnerId, string)> PartnerAsync()
    {
        var view = (await _app.Run<SavePartner, Result<PartnerView>>(s => s.CreateAsync(Build.Partner(), Ct))).Ok();
        return (new PartnerId(view.Id), view.Domain);
    }

    private Task<ImportReport> ImportAsync(string csv, ImportOptions? options = null, Action<Actor>? actAs = null) =>
        _app.Run<ImportDeals, ImportReport>(u => u.HandleAsync(Encoding.UTF8.GetBytes(csv), options ?? new ImportOptions(), null, Ct), actAs);

    private async Task<List<DealRegistration>> DealsAsync()
    {
        await using var db = _app.Open();
        return await db.DealRegistrations.AsNoTracking().OrderBy(d => d.ExternalId).ToListAsync(Ct);
    }

    /// <summary>Good rows and every kind of bad one; <paramref name="k"/> keeps customers apart between tests.</summary>
    private string File(string k) => new StringBuilder(Header)
        .Append($"{_a.Domain},{k}-1,Acme {k} Ltd,{k}-acme.com,Ada Buyer,ada@{k}-acme.com,Enterprise,12000.50,USD,2026-09-30,\"Met at the summit, twice\"\n") // 2
        .Append($"https://www.{_a.Domain}/,{k}-2,Beta {k},{k}-beta.io,Bo Ek,bo@{k}-beta.io,Starter,900,EUR,2026-08-01,\n") // 3: partner domain written as a URL
        .Append($"{_b.Domain},{k}-3,Gamma {k},{k}-gamma.de,Cy Dee,cy@{k}-gamma.de,Team,5000,USD,2026-07-15,\n") // 4
        .Append($"{_b.Domain},{k}-4,Too few\n") // 5: wrong column count
        .Append($"unknown-partner.example,{k}-5,Delta {k},{k}-delta.com,Di Ex,di@{k}-delta.com,Team,100,USD,2026-07-15,\n") // 6
        .Append($"{_b.Domain},{k}-6,Epsilon {k},{k}-eps.com,Ed Fo,not-an-email,Team,-5,USD,2026-07-15,\n") // 7: two bad fields
        .Append($"{_b.Domain},{k}-7,Zeta {k},{k}-zeta.com,Zo Ge,zo@{k}-zeta.com,Team,100,USD,31/07/2026,\n") // 8: date format
        .Append($"{_b.Domain},{k}-8,Other Name {k},shop.{k}-acme.com,Hu Ix,hu@x.com,Team,100,USD,2026-07-15,\n") // 9: line 2's customer, another partner
        .Append($"{_a.Domain},{k}-1,Acme {k} Ltd,{k}-acme.com,Ada Buyer,ada@{k}-acme.com,Enterprise,12000.50,USD,2026-09-30,again\n") // 10: same key as line 2
        .ToString();

    [Fact]
    public async Task Good_rows_are_registered_and_every_bad_row_is_reported_with_its_line_and_column()
    {
        var k = Build.Unique("i");
        var report = await ImportAsync(File(k));

        Assert.True(report.Applied);
        Assert.Equal((9, 3, 0), (report.Rows, report.Created, report.Unchanged));
        Assert.Equal(
            [(5, null), (6, "partner_domain"), (7, "contact_email"), (7, "estimated_value"), (8, "expected_close_on"), (9, "customer_domain"), (10, "external_id")],
            report.Errors.Select(e => (e.Line, e.Column)).ToArray());
        Assert.Contains("line 2", report.Errors[^1].Message);
        Assert.DoesNotContain(_a.Id.ToString(), report.Errors[5].Message);

        var deals = await DealsAsync();
        Assert.Equal([$"{k}-1", $"{k}-2", $"{k}-3"], deals.Select(d => d.ExternalId));
        Assert.Equal([_a.Id, _a.Id, _b.Id], deals.Select(d => d.PartnerId));
        Assert.Equal(("Met at the summit, twice", 1_200_050L, DealStatus.Submitted), (deals[0].Notes, deals[0].EstimatedValue.Minor, deals[0].Status));
        Assert.Equal(("EUR", 90_000L), (deals[1].EstimatedValue.Currency.Code, deals[1].EstimatedValue.Minor));

        await using var db = _app.Open();
        Assert.All(await db.AuditEntries.Where(a => a.Entity == "deal_registration").ToListAsync(Ct), a => Assert.Equal("import", a.Operation));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_even_after_the_close_dates_have_passed()
    {
        var k = Build.Unique("r");
        await ImportAsync(File(k));
        var before = await DealsAsync();

        _app.Clock.Advance(TimeSpan.FromDays(120));
        var again = await ImportAsync(File(k));
        Assert.Equal((0, 3), (again.Created, again.Unchanged));
        Assert.Equal(before.Select(d => (d.Id, d.Version)), (await DealsAsync()).Select(d => (d.Id, d.Version)));
    }

    [Fact]
    public async Task A_row_that_differs_from_its_registration_is_refused_never_applied()
    {
        var k = Build.Unique("c");
        await ImportAsync(Header + $"{_a.Domain},{k}-1,Acme {k},{k}.com,Ada,ada@{k}.com,Enterprise,100,USD,2026-09-30,\n");
        var changed = await ImportAsync(Header + $"{_a.Domain},{k}-1,Acme {k},{k}.com,Ada,ada@{k}.com,Enterprise,999,USD,2026-09-30,\n");
        var error = Assert.Single(changed.Errors);
        Assert.Equal((2, "estimated_value"), (error.Line, error.Column));
        Assert.Equal(10_000L, Assert.Single(await DealsAsync()).EstimatedValue.Minor);

        // Without an external id the key is the partner and the customer's registrable domain.
        var byDomain = await ImportAsync(Header + $"{_b.Domain},,Omega {k},www.{k}-o.com,Om,om@{k}.com,Team,5,USD,2026-09-30,\n");
        var sameAgain = await ImportAsync(Header + $"{_b.Domain},,Omega {k},https://www.{k}-o.com,Om,om@{k}.com,Team,5,USD,2026-09-30,\n");
        Assert.Equal((1, 0, 1), (byDomain.Created, sameAgain.Created, sameAgain.Unchanged));
    }

    [Fact]
    public async Task Strict_and_dry_run_imports_apply_nothing_and_leave_no_trace_in_the_conflict_check()
    {
        var k = Build.Unique("s");
        var strict = await ImportAsync(File(k), new ImportOptions(Strict: true));
        Assert.Equal((false, 7), (strict.Applied, strict.Errors.Count));
        var dry = await ImportAsync(File(k), new ImportOptions(DryRun: true));
        Assert.Equal((false, 3), (dry.Applied, dry.Created));
        Assert.Empty(await DealsAsync());

        // The rolled-back rows were seen by the conflict index during the import; they must not block anyone now.
        (await _app.RegisterAsync(_b.Id, DealData.Details(domain: $"{k}-acme.com"))).Ok();
    }

    [Fact]
    public async Task A_partner_user_imports_only_for_its_own_partner()
    {
        var k = Build.Unique("p");
        var own = Header.Replace("partner_domain,", "", StringComparison.Ordinal) + $"{k}-1,Own {k},{k}-own.com,Ada,ada@{k}.com,Team,10,USD,2026-09-30,\n";
        Assert.Equal(1, (await ImportAsync(own, actAs: As.PartnerUser(_a.Id))).Created);

        var foreign = await ImportAsync(Header + $"{_b.Domain},{k}-2,Foreign {k},{k}-f.com,Ada,ada@{k}.com,Team,10,USD,2026-09-30,\n", actAs: As.PartnerUser(_a.Id));
        var error = Assert.Single(foreign.Errors);
        Assert.Equal((2, "partner_domain"), (error.Line, error.Column)); // another partner's domain is unknown to it

        var vendorWithoutPartner = await ImportAsync(own);
        Assert.Equal((1, "partner_domain", false), (vendorWithoutPartner.Errors.Single().Line, vendorWithoutPartner.Errors.Single().Column, vendorWithoutPartner.Applied));
        Assert.Equal([_a.Id], (await DealsAsync()).Select(d => d.PartnerId));
    }

    [Fact]
    public async Task A_row_for_a_customer_already_protected_is_refused_with_the_partner_safe_reason()
    {
        var k = Build.Unique("x");
        var held = await _app.RegisteredAsync(_a.Id, DealData.Details($"Initrode {k}", $"{k}.com"));
        var report = await ImportAsync(Header + $"{_b.Domain},{k}-1,Something Else,app.{k}.com,Ada,ada@{k}.com,Team,10,USD,2026-09-30,\n"
            + $"{_b.Domain},{k}-2,INITRODE {k} GmbH,{k}-other.com,Ada,ada@{k}.com,Team,10,USD,2026-09-30,\n");
        Assert.Equal([(2, "customer_domain"), (3, "customer_name")], report.Errors.Select(e => (e.Line, e.Column)));
        Assert.All(report.Errors, e => Assert.DoesNotContain(held.ToString(), e.Message));
        Assert.Equal(0, report.Created);
    }

    [Fact]
    public async Task Registrations_sent_while_an_import_runs_never_give_one_customer_two_partners()
    {
        var k = Build.Unique("m");
        const int Rows = 300;
        var csv = new StringBuilder(Header);
        for (var n = 0; n < Rows; n++) csv.Append($"{_a.Domain},{k}-{n},Moment {k} {n},{k}-{n}.com,Ada,ada@{k}-{n}.com,Team,10,USD,2026-09-30,\n");
        await _app.RegisteredAsync(_b.Id); // the index is built: the race is between the checks

        // Another partner registers the file's first customers (by domain, under another name) one after the other while
        // it imports: the import checks its first rows first, so from then until its commit they are in the race.
        var import = Task.Run(() => ImportAsync(csv.ToString()));
        var registrations = await Task.WhenAll(Enumerable.Range(0, 30).Select(n => Task.Run(async () =>
        {
            await Task.Delay(n * 5, Ct);
            return await _app.RegisterAsync(_b.Id, DealData.Details($"Other {k} {n}", $"{k}-{n}.com"), As.PartnerUser(_b.Id));
        })));
        var report = await import;

        Assert.All(registrations.Where(r => !r.IsSuccess), r => r.Failed("deal_conflict"));
        Assert.Equal(Rows, report.Created + registrations.Count(r => r.IsSuccess));
        Assert.All(report.Errors, e => Assert.Equal("customer_domain", e.Column));
        await using var db = _app.Open();
        var holders = await db.DealRegistrations.AsNoTracking().Where(d => d.CustomerRegistrableDomain.StartsWith(k))
            .GroupBy(d => d.CustomerRegistrableDomain).Select(g => g.Count()).ToListAsync(Ct);
        Assert.Equal(Rows, holders.Count);
        Assert.All(holders, count => Assert.Equal(1, count));
    }
}

public sealed class DealImportOnSqlite() : DealImportTests(DatabaseProvider.Sqlite);

public sealed class DealImportOnPostgres() : DealImportTests(DatabaseProvider.Postgres);
