using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Common;
using PartnerHub.App.Csv;
using PartnerHub.App.Deals;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;
using static PartnerHub.Web.Deals.DealEndpoints;

namespace PartnerHub.Tests.Api;

/// <summary>Deal registration over HTTP: the workflow, who may do what, and conflict answers that never name another partner.</summary>
public abstract class DealApiTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : TestApp
{
    private PartnerView _a = null!;
    private PartnerView _b = null!;
    private HttpClient _manager = null!;
    private HttpClient _userOfA = null!;
    private HttpClient _userOfB = null!;

    public async ValueTask InitializeAsync()
    {
        await using var scope = app.Scope();
        var save = scope.ServiceProvider.GetRequiredService<SavePartner>();
        _a = (await save.CreateAsync(Build.Partner("Alpha Reseller " + Build.Unique()), CancellationToken.None)).Value;
        _b = (await save.CreateAsync(Build.Partner("Bravo Reseller " + Build.Unique()), CancellationToken.None)).Value;
        _manager = await app.ClientAsync(Roles.PartnerManager);
        _userOfA = await app.ClientAsync(Roles.PartnerUser, new PartnerId(_a.Id));
        _userOfB = await app.ClientAsync(Roles.PartnerUser, new PartnerId(_b.Id));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static object Deal(string customer, string domain, Guid? partnerId = null) => new
    {
        partnerId, externalId = (string?)null, customerName = customer, customerDomain = domain, contact = new { name = "Ada Buyer", email = "ada@example.com" },
        product = "Enterprise plan", estimatedValue = "61200.50", currency = "USD", expectedCloseOn = DateOnly.FromDateTime(TestApp.Start.UtcDateTime).AddMonths(4),
        notes = "Met at the summit.",
    };

    private static Task<HttpResponseMessage> Post(HttpClient client, string url, object? body = null) =>
        client.PostAsJsonAsync(url, body ?? new { }, HttpAssertions.Json);

    [Fact]
    public async Task A_partner_user_registers_for_their_own_organization_and_the_body_cannot_name_another()
    {
        var domain = Build.Unique("own") + ".com";
        var registered = await (await Post(_userOfA, "/api/v1/deals", Deal("Own Customer " + Build.Unique(), domain))).ReadAsync<RegisterDeal.Registered>(HttpStatusCode.Created);
        Assert.Equal((_a.Id, "submitted", 6_120_050L), (registered.Deal.PartnerId, registered.Deal.Status, registered.Deal.EstimatedValueMinor));
        Assert.Equal(ConflictOutcome.Clear, registered.Conflicts.Outcome);

        var foreign = await Post(_userOfA, "/api/v1/deals", Deal("Sneaky " + Build.Unique(), Build.Unique("s") + ".com", _b.Id)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("own organization", Assert.Single(foreign["partnerId"]));
        var unnamed = await Post(_manager, "/api/v1/deals", Deal("Vendor " + Build.Unique(), Build.Unique("v") + ".com")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(unnamed.ContainsKey("partnerId"));

        var byManager = await (await Post(_manager, "/api/v1/deals", Deal("For B " + Build.Unique(), Build.Unique("b") + ".com", _b.Id))).ReadAsync<RegisterDeal.Registered>(HttpStatusCode.Created);
        Assert.Equal(_b.Id, byManager.Deal.PartnerId);

        // A partner user's list holds only its own organization's registrations, whatever the filter asks.
        var listOfA = await (await _userOfA.GetAsync($"/api/v1/deals?pageSize=500&partnerId={_b.Id}")).ReadAsync<Page<DealView>>(HttpStatusCode.OK);
        Assert.Empty(listOfA.Items);
        listOfA = await (await _userOfA.GetAsync("/api/v1/deals?pageSize=500")).ReadAsync<Page<DealView>>(HttpStatusCode.OK);
        Assert.All(listOfA.Items, d => Assert.Equal(_a.Id, d.PartnerId));
        Assert.Contains(listOfA.Items, d => d.Id == registered.Deal.Id);
        await _userOfB.GetAsync($"/api/v1/deals/{registered.Deal.Id}").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_pages_show_a_partner_user_only_their_own_deals()
    {
        var customer = "Vandelay Industries " + Build.Unique();
        var ofA = await Post(_userOfA, "/api/v1/deals", Deal(customer, Build.Unique("vandelay") + ".com")).ReadAsync<RegisterDeal.Registered>(HttpStatusCode.Created);

        var own = await _userOfA.GetStringAsync("/portal/deals", TestContext.Current.CancellationToken);
        Assert.Contains(customer, own);
        Assert.Contains(customer, await _userOfA.GetStringAsync($"/portal/deals/{ofA.Deal.Id}", TestContext.Current.CancellationToken));

        var foreignList = await _userOfB.GetStringAsync("/portal/deals", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(customer, foreignList);
        var foreignPage = await _userOfB.GetStringAsync($"/portal/deals/{ofA.Deal.Id}", TestContext.Current.CancellationToken);
        Assert.Contains("Deal not found", foreignPage);
        Assert.DoesNotContain(customer, foreignPage);

        // The console is closed to partner users; the manager sees the registration in the queue.
        var console = await _userOfB.GetAsync($"/deals/{ofA.Deal.Id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.StartsWith("/account/denied", console.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        Assert.Contains(customer, await _manager.GetStringAsync($"/deals?search={Uri.EscapeDataString(customer)}", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Invalid_input_is_reported_field_by_field()
    {
        var errors = await Post(_userOfA, "/api/v1/deals", new
        {
            customerName = " ", customerDomain = "not a domain", contact = new { name = "", email = "nobody" }, product = "Plan",
            estimatedValue = "12,5", currency = "US", expectedCloseOn = "2020-01-01",
        }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Superset(new HashSet<string> { "customerName", "customerDomain", "contact.name", "contact.email", "currency", "expectedCloseOn" }, errors.Keys.ToHashSet());

        var wrongType = await Post(_userOfA, "/api/v1/deals", new { customerName = "X", expectedCloseOn = "next week" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(wrongType.ContainsKey("expectedCloseOn"), string.Join(",", wrongType.Keys));
        var unknown = await Post(_userOfA, "/api/v1/deals", new { customerName = "X", tier = "platinum" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(unknown.ContainsKey("tier"), string.Join(",", unknown.Keys));

        var list = await _manager.GetAsync("/api/v1/deals?status=pending&page=x&partnerId=nope").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["page", "partnerId"], list.Keys.Order());
        var status = await _manager.GetAsync("/api/v1/deals?status=pending").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(status.ContainsKey("status"));
    }

    [Fact]
    public async Task A_conflict_answer_to_partner_B_never_names_partner_A_or_its_deal()
    {
        var domain = Build.Unique("globex") + ".com";
        var nameOfA = "Globex Holdings " + Build.Unique();
        var ofA = await (await Post(_userOfA, "/api/v1/deals", Deal(nameOfA, "https://www." + domain + "/contact"))).ReadAsync<RegisterDeal.Registered>(HttpStatusCode.Created);

        // B names the same customer by a subdomain and another name: refused, and only THAT it is taken is said.
        var response = await Post(_userOfB, "/api/v1/deals", Deal("Globex Corporation", "shop." + domain));
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("customerDomain", body);
        Assert.Contains("already protected", body);
        foreach (var secret in new[] { _a.Name, _a.Domain, _a.Id.ToString(), ofA.Deal.Id.ToString(), nameOfA })
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);

        // A look-alike name with another domain is registered and flagged, again without naming A.
        var lookAlike = await Post(_userOfB, "/api/v1/deals", Deal(nameOfA.Replace("Holdings", "Holding", StringComparison.Ordinal), Build.Unique("other") + ".com"));
        var lookAlikeBody = await lookAlike.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, lookAlike.StatusCode);
        var registered = await lookAlike.ReadAsync<RegisterDeal.Registered>(HttpStatusCode.Created);
        Assert.Equal(ConflictOutcome.PossibleDuplicate, registered.Conflicts.Outcome);
        foreach (var secret in new[] { _a.Name, _a.Domain, _a.Id.ToString(), ofA.Deal.Id.ToString(), domain })
            Assert.DoesNotContain(secret, lookAlikeBody, StringComparison.OrdinalIgnoreCase);

        var seenByB = await _userOfB.GetAsync($"/api/v1/deals/{registered.Deal.Id}");
        var seenByBBody = await seenByB.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var asB = await seenByB.ReadAsync<DealResponse>(HttpStatusCode.OK);
        Assert.Null(asB.Conflicts);
        Assert.Equal(ConflictOutcome.PossibleDuplicate, asB.PartnerConflicts!.Outcome);
        foreach (var secret in new[] { _a.Name, _a.Domain, _a.Id.ToString(), ofA.Deal.Id.ToString(), domain })
            Assert.DoesNotContain(secret, seenByBBody, StringComparison.OrdinalIgnoreCase);

        // The manager sees the match, the other partner and why.
        var asManager = await (await _manager.GetAsync($"/api/v1/deals/{registered.Deal.Id}")).ReadAsync<DealResponse>(HttpStatusCode.OK);
        Assert.Null(asManager.PartnerConflicts);
        var match = Assert.Single(asManager.Conflicts!.Matches, m => m.RegistrationId == ofA.Deal.Id);
        Assert.Equal((_a.Id, _a.Name, MatchedRecord.OtherPartnerRegistration), (match.PartnerId, match.PartnerName, match.Record));
        Assert.False(string.IsNullOrWhiteSpace(match.Explanation));
    }

    [Fact]
    public async Task A_registration_goes_through_approval_extension_and_win_and_only_managers_decide()
    {
        var registered = await (await Post(_userOfA, "/api/v1/deals", Deal("Initech " + Build.Unique(), Build.Unique("initech") + ".com"))).ReadAsync<RegisterDeal.Registered>(HttpStatusCode.Created);
        var id = registered.Deal.Id;

        await Post(_userOfA, $"/api/v1/deals/{id}/approve").ProblemAsync(HttpStatusCode.Forbidden);
        var reason = await Post(_manager, $"/api/v1/deals/{id}/reject", new { reason = "" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(reason.ContainsKey("reason"));

        var queue = await (await _manager.GetAsync("/api/v1/deals?status=submitted&pageSize=500")).ReadAsync<Page<DealView>>(HttpStatusCode.OK);
        Assert.Contains(queue.Items, d => d.Id == id);

        var approvedAt = app.Clock.GetUtcNow();
        var approved = await (await Post(_manager, $"/api/v1/deals/{id}/approve", new { reason = "Valid opportunity" })).ReadAsync<DealView>(HttpStatusCode.OK);
        Assert.Equal(("approved", approvedAt.AddDays(90)), (approved.Status, approved.ProtectedUntil));
        await Post(_manager, $"/api/v1/deals/{id}/approve").ProblemAsync(HttpStatusCode.Conflict);

        var asked = await (await Post(_userOfA, $"/api/v1/deals/{id}/extension-request", new { reason = "Procurement review" })).ReadAsync<DealView>(HttpStatusCode.OK);
        Assert.NotNull(asked.ExtensionPendingSince);
        await Post(_userOfA, $"/api/v1/deals/{id}/extension/grant").ProblemAsync(HttpStatusCode.Forbidden);
        var granted = await _manager.PostAsync($"/api/v1/deals/{id}/extension/grant", null).ReadAsync<DealView>(HttpStatusCode.OK); // no body at all: no reason
        Assert.Equal(approvedAt.AddDays(120), granted.ProtectedUntil);

        await Post(_userOfA, $"/api/v1/deals/{id}/won").ProblemAsync(HttpStatusCode.Forbidden);
        var won = await (await Post(_manager, $"/api/v1/deals/{id}/won", new { reason = "Signed" })).ReadAsync<DealView>(HttpStatusCode.OK);
        Assert.Equal("won", won.Status);
        Assert.Equal(["submitted", "approved", "won"], won.History.Select(h => h.To.Key()));

        var fetched = await _userOfA.GetAsync($"/api/v1/deals/{id}");
        Assert.Equal($"\"{won.Version}\"", fetched.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Overdue_lists_undecided_submissions_past_the_response_target()
    {
        var registered = await (await Post(_userOfB, "/api/v1/deals", Deal("Hooli " + Build.Unique(), Build.Unique("hooli") + ".com"))).ReadAsync<RegisterDeal.Registered>(HttpStatusCode.Created);
        var before = await (await _manager.GetAsync("/api/v1/deals/overdue")).ReadAsync<List<OverdueDeals.Item>>(HttpStatusCode.OK);
        Assert.DoesNotContain(before, o => o.Deal.Id == registered.Deal.Id);

        app.Clock.Advance(TimeSpan.FromHours(49));
        (_manager, _userOfA) = (await app.ClientAsync(Roles.PartnerManager), await app.ClientAsync(Roles.PartnerUser, new PartnerId(_a.Id))); // sessions last 8 hours
        var after = await (await _manager.GetAsync("/api/v1/deals/overdue")).ReadAsync<List<OverdueDeals.Item>>(HttpStatusCode.OK);
        var item = Assert.Single(after, o => o.Deal.Id == registered.Deal.Id);
        Assert.Equal(OverdueDeals.Awaiting.Decision, item.Awaiting);
        Assert.True(item.Deal.DecisionOverdue);
        var ofA = await (await _userOfA.GetAsync("/api/v1/deals/overdue")).ReadAsync<List<OverdueDeals.Item>>(HttpStatusCode.OK);
        Assert.All(ofA, o => Assert.Equal(_a.Id, o.Deal.PartnerId));
        await _manager.GetAsync("/api/v1/deals/overdue?limit=0").ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_partner_user_imports_registrations_by_CSV_and_a_customer_recorded_by_the_CRM_blocks_registrations()
    {
        var csv = "customer_name,customer_domain,contact_name,contact_email,product,estimated_value,currency,expected_close_on\n"
            + $"Imported One {Build.Unique()},{Build.Unique("imp")}.com,Ada,ada@example.com,Plan,100.00,USD,2026-10-01\n"
            + "Bad Row,,Ada,ada@example.com,Plan,100.00,USD,2026-10-01\n";
        var form = new MultipartFormDataContent { { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "deals.csv" } };
        var strict = await (await _userOfA.PostAsync("/api/v1/deals/import?strict=true", form)).ReadAsync<ImportReport>(HttpStatusCode.UnprocessableEntity);
        Assert.False(strict.Applied);
        Assert.Equal((3, "customer_domain"), (strict.Errors[0].Line, strict.Errors[0].Column));
        form = new MultipartFormDataContent { { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "deals.csv" } };
        var lenient = await (await _userOfA.PostAsync("/api/v1/deals/import", form)).ReadAsync<ImportReport>(HttpStatusCode.OK);
        Assert.Equal((1, true), (lenient.Created, lenient.Applied));
        await _userOfA.PostAsync("/api/v1/deals/import", new MultipartFormDataContent()).ProblemAsync(HttpStatusCode.BadRequest);

        var direct = Build.Unique("direct") + ".com";
        await Post(_userOfA, "/api/v1/customers", new { reference = "CRM-1", name = "Direct", domain = direct }).ProblemAsync(HttpStatusCode.Forbidden);
        var saved = await (await Post(_manager, "/api/v1/customers", new { reference = Build.Unique("CRM-"), name = "Direct Customer " + Build.Unique(), domain = direct }))
            .ReadAsync<SaveCustomer.Saved>(HttpStatusCode.OK);
        Assert.True(saved.Changed);
        var missing = await Post(_manager, "/api/v1/customers", new { name = "No Reference" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.ContainsKey("reference"));
        var blocked = await Post(_userOfB, "/api/v1/deals", Deal("Some Name " + Build.Unique(), "www." + direct)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.True(blocked.ContainsKey("customerDomain"));
        Assert.DoesNotContain(blocked.SelectMany(e => e.Value), m => m.Contains(saved.Reference, StringComparison.Ordinal) || m.Contains(saved.Name, StringComparison.Ordinal));
    }
}

public sealed class DealApiOnSqlite(SqliteApp app) : DealApiTests<SqliteApp>(app);

public sealed class DealApiOnPostgres(PostgresApp app) : DealApiTests<PostgresApp>(app);
