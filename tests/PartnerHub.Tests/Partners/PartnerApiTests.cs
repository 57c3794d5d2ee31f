using System.Net;
using System.Net.Http.Json;
using PartnerHub.App.Audit;
using PartnerHub.App.Common;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Partners;

/// <summary>The partner registry API, run on SQLite and on PostgreSQL.</summary>
public abstract class PartnerApiTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : TestApp
{
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => _client = await app.ClientAsync(Roles.PartnerManager);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<PartnerView> CreateAsync(PartnerDetails details) =>
        await (await _client.PostAsJsonAsync("/api/v1/partners", details, HttpAssertions.Json)).ReadAsync<PartnerView>(HttpStatusCode.Created);

    [Fact]
    public async Task Create_then_get_returns_the_normalized_partner_with_its_version_as_ETag()
    {
        var details = Build.Partner() with { Domain = "https://WWW." + Build.Unique("Acme") + ".com/about" };
        var now = app.Clock.GetUtcNow();
        var created = await CreateAsync(details);

        var response = await _client.GetAsync($"/api/v1/partners/{created.Id}");
        var fetched = await response.ReadAsync<PartnerView>(HttpStatusCode.OK);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(details.Name, fetched.Name);
        Assert.DoesNotContain("www.", fetched.Domain);
        Assert.Equal(fetched.Domain.ToLowerInvariant(), fetched.Domain);
        Assert.Equal("channel", fetched.Category);
        Assert.Equal(now, fetched.CreatedAt);
        Assert.Equal("jana@example.com", Assert.Single(fetched.Contacts).Email);
    }

    [Fact]
    public async Task Create_with_invalid_fields_answers_a_problem_naming_every_field()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/partners",
            Build.Partner() with { Name = "", Domain = "not a domain", Subcategory = "pirates", Country = "XX", Contacts = [new Contact("A", "no-at-sign")] },
            HttpAssertions.Json);

        var errors = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["contacts[0].email", "country", "domain", "name", "subcategory"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unknown_json_fields_and_wrong_types_are_refused_by_field()
    {
        var unknown = await _client.PostAsync("/api/v1/partners",
            new StringContent("""{"name":"X","domain":"x-unknown.com","subcategory":"resellers","tier":"strategic"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Contains("tier", (await unknown.ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());

        var wrongType = await _client.PostAsync("/api/v1/partners",
            new StringContent("""{"name":"X","domain":"x-type.com","subcategory":"resellers","contacts":"bob"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal("contacts", (await wrongType.ProblemAsync(HttpStatusCode.BadRequest)).Keys.Single());
    }

    [Fact]
    public async Task A_domain_belongs_to_one_live_partner()
    {
        var first = await CreateAsync(Build.Partner());
        var duplicate = await _client.PostAsJsonAsync("/api/v1/partners", Build.Partner() with { Domain = "http://" + first.Domain.ToUpperInvariant() }, HttpAssertions.Json);
        Assert.Contains("domain", (await duplicate.ProblemAsync(HttpStatusCode.Conflict)).Keys);

        // Archiving gives the domain back.
        await (await _client.PostAsync($"/api/v1/partners/{first.Id}/archive", first.Version)).ReadAsync<PartnerView>(HttpStatusCode.OK);
        await CreateAsync(Build.Partner() with { Domain = first.Domain });
    }

    [Fact]
    public async Task Update_with_a_stale_version_answers_412_and_changes_nothing()
    {
        var partner = await CreateAsync(Build.Partner());
        var first = await _client.PutJsonAsync($"/api/v1/partners/{partner.Id}", partner.ToDetails() with { Name = partner.Name + " A" }, partner.Version);
        var updated = await first.ReadAsync<PartnerView>(HttpStatusCode.OK);
        Assert.Equal(2, updated.Version);
        Assert.Equal("\"2\"", first.Headers.ETag?.Tag);

        var stale = await _client.PutJsonAsync($"/api/v1/partners/{partner.Id}", partner.ToDetails() with { Name = partner.Name + " B" }, partner.Version);
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        var current = await (await _client.GetAsync($"/api/v1/partners/{partner.Id}")).ReadAsync<PartnerView>(HttpStatusCode.OK);
        Assert.Equal(partner.Name + " A", current.Name);
    }

    [Fact]
    public async Task Update_without_If_Match_answers_428()
    {
        var partner = await CreateAsync(Build.Partner());
        var response = await _client.PutAsJsonAsync($"/api/v1/partners/{partner.Id}", partner.ToDetails(), HttpAssertions.Json);
        await response.ProblemAsync(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task An_edit_cannot_change_the_stage_only_lifecycle_actions_can()
    {
        var partner = await CreateAsync(Build.Partner() with { Stage = "prospect" });
        foreach (var stage in new[] { "active", "qualified" })
        {
            var edit = await _client.PutJsonAsync($"/api/v1/partners/{partner.Id}", partner.ToDetails() with { Stage = stage }, partner.Version);
            var errors = await edit.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("lifecycle actions", errors["stage"].Single());
        }

        // Leaving the stage out (or sending the same one) keeps it.
        var kept = await _client.PutJsonAsync($"/api/v1/partners/{partner.Id}", partner.ToDetails() with { Stage = null, Notes = "kept" }, partner.Version);
        Assert.Equal(("prospect", "kept"), await kept.Content.ReadFromJsonAsync<PartnerView>(HttpAssertions.Json) is { } v ? (v.Stage, v.Notes) : default);
    }

    [Fact]
    public async Task Archived_partners_are_hidden_from_the_list_unless_asked_for_and_cannot_change()
    {
        var tag = Build.Unique("t");
        var kept = await CreateAsync(Build.Partner() with { Tags = [tag] });
        var archived = await CreateAsync(Build.Partner() with { Tags = [tag] });
        var afterArchive = await (await _client.PostAsync($"/api/v1/partners/{archived.Id}/archive", archived.Version)).ReadAsync<PartnerView>(HttpStatusCode.OK);
        Assert.NotNull(afterArchive.ArchivedAt);

        var live = await (await _client.GetAsync($"/api/v1/partners?tag={tag}")).ReadAsync<Page<PartnerView>>(HttpStatusCode.OK);
        Assert.Equal([kept.Id], live.Items.Select(p => p.Id));
        var all = await (await _client.GetAsync($"/api/v1/partners?tag={tag}&includeArchived=true")).ReadAsync<Page<PartnerView>>(HttpStatusCode.OK);
        Assert.Equal(2, all.Total);

        var change = await _client.PutJsonAsync($"/api/v1/partners/{archived.Id}", archived.ToDetails(), afterArchive.Version);
        await change.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task List_filters_searches_sorts_and_pages()
    {
        var tag = Build.Unique("t");
        foreach (var (name, sub, stage) in new[] { ("Zulu Media", "referral", "active"), ("alpha Systems", "technology-consultants", "onboarding"), ("Mike Resale", "resellers", "active"), ("Alpha Resale", "resellers", "prospect") })
            await CreateAsync(Build.Partner(name + " " + tag) with { Subcategory = sub, Stage = stage, Tags = [tag] });

        async Task<string[]> Names(string query) =>
            (await (await _client.GetAsync($"/api/v1/partners?tag={tag}&{query}")).ReadAsync<Page<PartnerView>>(HttpStatusCode.OK)).Items.Select(p => p.Name.Split(' ')[0]).ToArray();

        Assert.Equal(["Alpha", "alpha", "Mike", "Zulu"], await Names("sort=name")); // case-insensitive, then upper case first
        Assert.Equal(["Zulu", "Mike"], (await Names("sort=-name&stage=active")));
        Assert.Equal(["Alpha", "Mike"], await Names("subcategory=resellers&sort=name"));
        Assert.Equal(["channel"], (await (await _client.GetAsync($"/api/v1/partners?tag={tag}&category=channel&sort=name&pageSize=1")).ReadAsync<Page<PartnerView>>(HttpStatusCode.OK)).Items.Select(p => p.Category));
        Assert.Equal(2, (await Names("search=ALPHA")).Length);

        var page2 = await (await _client.GetAsync($"/api/v1/partners?tag={tag}&sort=domain&pageSize=3&page=2")).ReadAsync<Page<PartnerView>>(HttpStatusCode.OK);
        Assert.Equal((4, 1, 2), (page2.Total, page2.Items.Count, page2.PageCount));
    }

    [Fact]
    public async Task Bad_list_parameters_are_reported_by_name()
    {
        var errors = await (await _client.GetAsync("/api/v1/partners?page=abc&pageSize=9999&sort=color&stage=dreaming")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("page", errors.Keys);
        var more = await (await _client.GetAsync("/api/v1/partners?pageSize=9999&sort=color&stage=dreaming")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["pageSize", "sort", "stage"], more.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_answer_404()
    {
        await (await _client.GetAsync($"/api/v1/partners/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/partners/not-a-guid")).StatusCode);
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_trail_with_each_field_before_and_after()
    {
        var partner = await CreateAsync(Build.Partner());
        app.Clock.Advance(TimeSpan.FromHours(1));
        var later = app.Clock.GetUtcNow();
        await _client.PutJsonAsync($"/api/v1/partners/{partner.Id}", partner.ToDetails() with { Country = "FR", Tags = ["emea", "vip"] }, 1);
        await _client.PostAsync($"/api/v1/partners/{partner.Id}/archive", 2);

        var trail = await (await _client.GetAsync($"/api/v1/partners/{partner.Id}/audit")).ReadAsync<AuditEntry[]>(HttpStatusCode.OK);
        Assert.Equal(["archived", "updated", "created"], trail.Select(e => e.Action));
        var update = trail[1];
        Assert.Equal(later, update.At);
        Assert.Equal([new FieldChange("country", "DE", "FR"), new FieldChange("tags", "emea", "emea, vip")], update.Changes);
        Assert.Contains(trail[2].Changes, c => c is { Field: "name", Before: null } && c.After == partner.Name);
        Assert.All(trail, e => Assert.False(string.IsNullOrEmpty(e.CorrelationId)));
    }

    [Fact]
    public async Task An_update_that_changes_nothing_keeps_the_version_and_writes_no_audit()
    {
        var partner = await CreateAsync(Build.Partner());
        var same = await (await _client.PutJsonAsync($"/api/v1/partners/{partner.Id}", partner.ToDetails(), 1)).ReadAsync<PartnerView>(HttpStatusCode.OK);
        Assert.Equal(1, same.Version);
        var trail = await (await _client.GetAsync($"/api/v1/partners/{partner.Id}/audit")).ReadAsync<AuditEntry[]>(HttpStatusCode.OK);
        Assert.Single(trail);
    }

    [Fact]
    public async Task Health_checks_the_database_and_OpenAPI_describes_the_API()
    {
        using var anonymous = app.CreateClient();
        Assert.Equal("Healthy", await anonymous.GetStringAsync("/healthz"));
        var openApi = await anonymous.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/partners/{id}", openApi);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/docs")).StatusCode);
    }
}

public sealed class PartnerApiOnSqlite(SqliteApp app) : PartnerApiTests<SqliteApp>(app);

public sealed class PartnerApiOnPostgres(PostgresApp app) : PartnerApiTests<PostgresApp>(app);
