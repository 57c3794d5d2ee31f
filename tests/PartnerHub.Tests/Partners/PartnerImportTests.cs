using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Csv;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Partners;

/// <summary>CSV import and export, with malformed and hostile rows, on SQLite and PostgreSQL.</summary>
public abstract class PartnerImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Header = "external_id,name,domain,subcategory,stage,country,contacts,tags,notes\n";
    private const string ZeroWidthRtl = "Ac\u200Bme \u202Eشريك\u202C";

    /// <summary>A file with good rows and every kind of bad one; each test uses its own domains.</summary>
    private static byte[] HostileFile(string k)
    {
        var text = new StringBuilder(Header)
            .Append($"{k}-1,Good One,{k}-one.com,resellers,active,DE,\"Ann Lee <ann@{k}-one.com> | Partner lead | +1 (555) 010\nBo Ek <bo@{k}-one.com>\",emea; vip,plain\n") // lines 2-3: a contact per line inside one quoted cell
            .Append($"{k}-2,\"Quoted, Inc.\",{k}-two.com,referral,prospect,US,,,\"Notes with \"\"quotes\"\", commas,\nand a second line\"\n") // lines 4-5
            .Append($"{k}-3,Too Few,{k}-three.com,resellers\n") // line 6: wrong column count
            .Append($"{k}-4,Bad \u0001Name,{k}-four.com,resellers,active,DE,,,\n") // line 7: control character
            .Append($"{k}-5,{new string('x', 100_000)},{k}-five.com,resellers,active,DE,,,\n") // line 8: very long cell
            .Append($"{k}-6,{ZeroWidthRtl},{k}-six.com,resellers,active,DE,,,\n") // line 9: zero-width and right-to-left, stored exactly
            .Append($"{k}-7,Formula,{k}-seven.com,resellers,active,DE,,,=HYPERLINK(\"http://evil\")\n") // line 10: formula, stored exactly
            .Append($"{k}-8,Bad Domain,not a domain,resellers,active,DE,,,\n") // line 11
            .Append($"{k}-9,Duplicate,{k}-one.com,resellers,active,DE,,,\n") // line 12: same domain as line 2
            .Append($"{k}-10,Bad Contact,{k}-ten.com,resellers,active,DE,just a name,,\n") // line 13
            .Append('\n') // line 14: blank, ignored
            .Append($"{k}-11,Unknown Sub,{k}-eleven.com,pirates,active,DE,,,\n"); // line 15
        var bytes = new List<byte>(Encoding.UTF8.Preamble.ToArray());
        bytes.AddRange(Encoding.UTF8.GetBytes(text.ToString()));
        bytes.AddRange(Encoding.UTF8.GetBytes($"{k}-12,Latin1 "));
        bytes.AddRange([0xE9, 0x74, 0xE9]); // "été" in Latin-1: not UTF-8 (line 16)
        bytes.AddRange(Encoding.UTF8.GetBytes($",{k}-twelve.com,resellers,active,DE,,,\n"));
        return [.. bytes];
    }

    private async Task<ImportReport> ImportAsync(byte[] file, ImportOptions? options = null)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<ImportPartners>().HandleAsync(file, options ?? new ImportOptions(), null, CancellationToken.None);
    }

    private async Task<List<PartnerView>> PartnersAsync(string k)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var partners = await db.Partners.AsNoTracking().Where(p => p.Domain.StartsWith(k)).ToListAsync();
        return partners.Select(PartnerView.From).OrderBy(p => p.ExternalId, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task Good_rows_are_imported_and_every_bad_row_is_reported_with_its_line_and_column()
    {
        var k = Build.Unique("i");
        var report = await ImportAsync(HostileFile(k));

        Assert.True(report.Applied);
        Assert.Equal((4, 0, 0), (report.Created, report.Updated, report.Unchanged));
        Assert.Equal(
            [(6, null), (7, "name"), (8, "name"), (11, "domain"), (12, "domain"), (13, "contacts"), (15, "subcategory"), (16, null)],
            report.Errors.Select(e => (e.Line, e.Column)).ToArray());
        Assert.Contains("Expected 9 columns", report.Errors[0].Message);
        Assert.Contains("UTF-8", report.Errors[^1].Message);
        Assert.Contains("line 2", report.Errors[4].Message);

        var stored = await PartnersAsync(k);
        Assert.Equal([$"{k}-1", $"{k}-2", $"{k}-6", $"{k}-7"], stored.Select(p => p.ExternalId));
        Assert.Equal("Notes with \"quotes\", commas,\nand a second line", stored[1].Notes);
        Assert.Equal("Quoted, Inc.", stored[1].Name);
        Assert.Equal(ZeroWidthRtl, stored[2].Name);
        Assert.Equal("=HYPERLINK(\"http://evil\")", stored[3].Notes);
        Assert.Equal(["emea", "vip"], stored[0].Tags);
        Assert.Equal(["Ann Lee", "Bo Ek"], stored[0].Contacts.Select(c => c.Name));
        Assert.Equal(("Partner lead", "+1 (555) 010"), (stored[0].Contacts[0].Role, stored[0].Contacts[0].Phone));
    }

    [Fact]
    public async Task Re_importing_the_same_file_changes_nothing()
    {
        var k = Build.Unique("r");
        await ImportAsync(HostileFile(k));
        var before = await PartnersAsync(k);

        var again = await ImportAsync(HostileFile(k));
        Assert.Equal((0, 0, 4), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(before.Select(p => (p.Id, p.Version)), (await PartnersAsync(k)).Select(p => (p.Id, p.Version)));
    }

    [Fact]
    public async Task A_re_import_that_changes_one_row_updates_and_audits_that_partner_alone()
    {
        var k = Build.Unique("c");
        string File(string thirdCountry) => Header + string.Concat(Enumerable.Range(1, 5).Select(i =>
            $"{k}-{i},Partner {i},{k}-{i}.com,resellers,active,{(i == 3 ? thirdCountry : "DE")},,,\n"));
        await ImportAsync(Encoding.UTF8.GetBytes(File("DE")));
        var before = await PartnersAsync(k);

        var again = await ImportAsync(Encoding.UTF8.GetBytes(File("FR")));
        Assert.Equal((0, 1, 4), (again.Created, again.Updated, again.Unchanged));
        var after = await PartnersAsync(k);
        Assert.Equal(before.Select(p => p.ExternalId == $"{k}-3" ? p.Version + 1 : p.Version), after.Select(p => p.Version));
        Assert.Equal("FR", after.Single(p => p.ExternalId == $"{k}-3").Country);

        await using var scope = app.Scope();
        var ids = after.Select(p => p.Id.ToString()).ToList();
        var audit = await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().AuditEntries.Where(a => ids.Contains(a.EntityId)).ToListAsync();
        var update = Assert.Single(audit, a => a.Action != "created");
        Assert.Equal(after.Single(p => p.ExternalId == $"{k}-3").Id.ToString(), update.EntityId);
        Assert.Equal(["country"], update.Changes.Select(c => c.Field).Where(f => f != "updatedAt" && f != "version"));
    }

    [Fact]
    public async Task Strict_import_applies_nothing_when_a_row_is_bad()
    {
        var k = Build.Unique("s");
        var report = await ImportAsync(HostileFile(k), new ImportOptions(Strict: true));
        Assert.False(report.Applied);
        Assert.Equal(8, report.Errors.Count);
        Assert.Empty(await PartnersAsync(k));
    }

    [Fact]
    public async Task Dry_run_reports_what_would_change_and_applies_nothing()
    {
        var k = Build.Unique("d");
        var report = await ImportAsync(HostileFile(k), new ImportOptions(DryRun: true));
        Assert.Equal((false, 4), (report.Applied, report.Created));
        Assert.Empty(await PartnersAsync(k));
    }

    [Fact]
    public async Task Rows_update_the_partner_with_the_same_external_id_or_domain_and_are_audited_as_import()
    {
        var k = Build.Unique("u");
        await ImportAsync(Encoding.UTF8.GetBytes(Header + $"{k}-1,First,{k}-one.com,resellers,active,DE,,,\n"));
        var byDomain = await ImportAsync(Encoding.UTF8.GetBytes(Header + $",Renamed,https://www.{k}-one.com/,resellers,active,DE,,,\n"));
        var byExternalId = await ImportAsync(Encoding.UTF8.GetBytes(Header + $"{k}-1,Renamed,{k}-one.com,resellers,active,FR,,,\n"));

        Assert.Equal((0, 1), (byDomain.Created, byDomain.Updated));
        Assert.Equal((0, 1), (byExternalId.Created, byExternalId.Updated));
        var partner = Assert.Single(await PartnersAsync(k));
        Assert.Equal(("Renamed", "FR", 3), (partner.Name, partner.Country, partner.Version));

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var audit = await db.AuditEntries.Where(a => a.EntityId == partner.Id.ToString()).ToListAsync();
        Assert.Equal(3, audit.Count);
        Assert.All(audit, a => Assert.Equal(("import", "system"), (a.Operation, a.Actor)));
    }

    [Fact]
    public async Task A_row_that_breaks_a_lifecycle_rule_is_reported_and_the_others_are_applied()
    {
        var k = Build.Unique("l");
        await ImportAsync(Encoding.UTF8.GetBytes(Header + $"{k}-1,Prospect,{k}-one.com,resellers,prospect,DE,,,\n"));
        var report = await ImportAsync(Encoding.UTF8.GetBytes(Header + $"{k}-1,Prospect,{k}-one.com,resellers,active,DE,,,\n{k}-2,New,{k}-two.com,resellers,active,DE,,,\n"));
        var error = Assert.Single(report.Errors);
        Assert.Equal((2, "stage"), (error.Line, error.Column));
        Assert.Equal(1, report.Created);
    }

    [Fact]
    public async Task An_import_never_moves_the_stage_and_a_file_without_stages_keeps_them()
    {
        var k = Build.Unique("s");
        await ImportAsync(Encoding.UTF8.GetBytes(Header + $"{k}-1,Active One,{k}-one.com,resellers,active,DE,,,\n"));
        var moved = await ImportAsync(Encoding.UTF8.GetBytes(Header + $"{k}-1,Active One,{k}-one.com,resellers,churned,DE,,,\n"));
        Assert.Contains("lifecycle actions", Assert.Single(moved.Errors).Message);

        var noStage = await ImportAsync(Encoding.UTF8.GetBytes($"external_id,name,domain,subcategory\n{k}-1,Renamed One,{k}-one.com,resellers\n"));
        Assert.Equal((0, 1, 0), (noStage.Errors.Count, noStage.Updated, noStage.Created));
        Assert.Equal(("Renamed One", "active"), Assert.Single(await PartnersAsync(k)) is var p ? (p.Name, p.Stage) : default);
    }

    [Theory]
    [InlineData("", 1, null, "empty")]
    [InlineData("name,domain,subcategory,colour\nA,a-colour.com,resellers,red\n", 1, "colour", "Unknown column")]
    [InlineData("name,subcategory\nA,resellers\n", 1, "domain", "required column")]
    [InlineData("name,domain,Name,subcategory\n", 1, "name", "twice")]
    public async Task A_header_that_would_lose_data_refuses_the_whole_file(string file, int line, string? column, string message)
    {
        var report = await ImportAsync(Encoding.UTF8.GetBytes(file));
        var error = Assert.Single(report.Errors);
        Assert.Equal((line, column, false), (error.Line, error.Column, report.Applied));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Export_neutralizes_formulas_and_re_importing_the_export_changes_nothing()
    {
        var k = Build.Unique("e");
        await ImportAsync(HostileFile(k));
        var csv = await (await app.ClientAsync(Roles.Finance)).GetStringAsync("/api/v1/partners/export");
        Assert.Contains("'=HYPERLINK", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);

        var lines = csv.Split('\n');
        Assert.StartsWith("external_id,name,domain", lines[0]);
        var again = await ImportAsync(Encoding.UTF8.GetBytes(csv));
        Assert.Empty(again.Errors);
        Assert.Equal(0, again.Created + again.Updated);
    }

    [Fact]
    public async Task The_API_imports_a_multipart_upload_and_answers_422_when_nothing_was_applied()
    {
        var k = Build.Unique("a");
        using var client = await app.ClientAsync(Roles.PartnerManager);
        async Task<HttpResponseMessage> Upload(string query)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(HostileFile(k));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "partners.csv");
            return await client.PostAsync("/api/v1/partners/import" + query, form);
        }

        var strict = await (await Upload("?strict=true")).ReadAsync<ImportReport>(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(8, strict.Errors.Count);
        var applied = await (await Upload("")).ReadAsync<ImportReport>(HttpStatusCode.OK);
        Assert.Equal(4, applied.Created);

        using var empty = new MultipartFormDataContent();
        await (await client.PostAsync("/api/v1/partners/import", empty)).ProblemAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class PartnerImportOnSqlite(SqliteApp app) : PartnerImportTests<SqliteApp>(app);

public sealed class PartnerImportOnPostgres(PostgresApp app) : PartnerImportTests<PostgresApp>(app);
