using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Deals;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Deals;

/// <summary>Channel conflict end to end through RegisterDeal, GetDeal and ApproveDeal, on SQLite and PostgreSQL.</summary>
public abstract class DealConflictTests(DatabaseProvider provider) : IAsyncLifetime
{
    private AppHarness _app = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await AppHarness.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static void AssertNamesNoOtherParty(Error error, params string[] secrets)
    {
        var text = error.Message + string.Join(" ", error.Fields!.SelectMany(f => f.Value));
        foreach (var secret in secrets) Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_subdomain_of_a_registered_customer_conflicts_and_the_partner_learns_only_that_it_is_taken()
    {
        var (first, second) = (await _app.PartnerAsync(), await _app.PartnerAsync());
        var k = Build.Unique("acme");
        var held = await _app.RegisteredAsync(first, DealData.Details("Acme Holdings Ltd", $"{k}.co.uk"));

        var refused = await _app.RegisterAsync(second, DealData.Details("Totally Different Name", $"https://Shop.{k}.CO.UK/pricing"), As.PartnerUser(second));
        var error = refused.Failed("deal_conflict");
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal("customerDomain", Assert.Single(error.Fields!).Key);
        Assert.Contains($"{k}.co.uk", error.Message); // its own input, normalized
        AssertNamesNoOtherParty(error, first.ToString(), held.ToString(), "Acme Holdings");
    }

    [Theory]
    [InlineData("Müller & Söhne GmbH", "muller and sohne")]
    [InlineData("The Globex Corporation, Inc.", "Globex Corp")]
    [InlineData("ACME S.A.", "acme sa")]
    public async Task Legal_forms_accents_case_and_punctuation_do_not_hide_a_conflicting_name(string registered, string candidate)
    {
        var (first, second) = (await _app.PartnerAsync(), await _app.PartnerAsync());
        await _app.RegisteredAsync(first, DealData.Details(registered));

        var refused = await _app.RegisterAsync(second, DealData.Details(candidate), As.PartnerUser(second));
        var error = refused.Failed("deal_conflict");
        Assert.Equal("customerName", Assert.Single(error.Fields!).Key);
        AssertNamesNoOtherParty(error, first.ToString(), registered);
    }

    [Fact]
    public async Task A_look_alike_name_is_registered_as_a_possible_duplicate_and_only_the_manager_sees_whose()
    {
        var (first, second) = (await _app.PartnerAsync(), await _app.PartnerAsync());
        var k = Build.Unique("x");
        var original = await _app.RegisteredAsync(first, DealData.Details($"Acme Rockets {k}"));
        _app.Clock.Advance(TimeSpan.FromMinutes(1));

        // Cyrillic А and с imitate Latin letters: a different name key, the same skeleton.
        var registered = (await _app.RegisterAsync(second, DealData.Details($"\u0410\u0441me Rockets {k}"), As.PartnerUser(second))).Ok();
        Assert.Equal(ConflictOutcome.PossibleDuplicate, registered.Conflicts.Outcome);
        Assert.DoesNotContain(original.ToString(), string.Join(" ", registered.Conflicts.Reasons));
        Assert.DoesNotContain("Acme Rockets", string.Join(" ", registered.Conflicts.Reasons));
        var id = new DealId(registered.Deal.Id);

        var asManager = (await _app.Run<GetDeal, Result<GetDeal.DealDetails>>(u => u.HandleAsync(id, Ct), As.Manager)).Ok();
        var match = Assert.Single(asManager.Conflicts!.Matches);
        Assert.Equal((ConflictRule.LookAlikeName, MatchedRecord.OtherPartnerRegistration, original, first), (match.Rule, match.Record, match.RegistrationId!.Value, match.PartnerId!.Value));
        Assert.Equal(original, match.Priority!.Winner.Id);
        Assert.Null(asManager.PartnerConflicts);

        var asPartner = (await _app.Run<GetDeal, Result<GetDeal.DealDetails>>(u => u.HandleAsync(id, Ct), As.PartnerUser(second))).Ok();
        Assert.Null(asPartner.Conflicts);
        Assert.Equal(ConflictOutcome.PossibleDuplicate, asPartner.PartnerConflicts!.Outcome);
        Assert.DoesNotContain(first.ToString(), string.Join(" ", asPartner.PartnerConflicts.Reasons));
    }

    [Fact]
    public async Task An_existing_customer_blocks_registration_by_domain_and_by_name()
    {
        var partner = await _app.PartnerAsync();
        var k = Build.Unique("initech");
        (await _app.Run<SaveCustomer, Result<SaveCustomer.Saved>>(u => u.HandleAsync("CRM-" + k, "Initech " + k, k + ".com", Ct))).Ok();

        var byDomain = await _app.RegisterAsync(partner, DealData.Details(domain: "www." + k + ".com"), As.PartnerUser(partner));
        AssertNamesNoOtherParty(byDomain.Failed("deal_conflict"), "CRM-" + k);
        var byName = await _app.RegisterAsync(partner, DealData.Details("Initech " + k + " LLC"), As.PartnerUser(partner));
        Assert.Equal("customerName", Assert.Single(byName.Failed("deal_conflict").Fields!).Key);
    }

    [Fact]
    public async Task The_partner_s_own_active_registration_is_a_possible_duplicate_not_a_conflict()
    {
        var partner = await _app.PartnerAsync();
        var domain = Build.Unique("own") + ".com";
        var first = await _app.RegisteredAsync(partner, DealData.Details(domain: domain));
        var second = (await _app.RegisterAsync(partner, DealData.Details(domain: "eu." + domain) with { Product = "Add-on" })).Ok();
        Assert.Equal(ConflictOutcome.PossibleDuplicate, second.Conflicts.Outcome);
        Assert.Contains(first.ToString(), Assert.Single(second.Conflicts.Reasons)); // its own registration may be named
    }

    [Fact]
    public async Task Approval_enforces_first_valid_registration_wins_when_two_slipped_in_at_once()
    {
        var (first, second) = (await _app.PartnerAsync(), await _app.PartnerAsync());
        var domain = Build.Unique("race") + ".com";
        var earlier = await _app.RegisteredAsync(first, DealData.Details(domain: domain));

        // The second arrived a moment later on another server, before either saw the other: stored directly.
        DealId later;
        await using (var db = _app.Open())
        {
            var deal = DealRegistration.Submit(DealData.Details(domain: domain).Validate(_app.Clock.GetUtcNow()).Value, second, _app.Clock.GetUtcNow().AddMilliseconds(1));
            db.DealRegistrations.Add(deal);
            await db.SaveChangesAsync(Ct);
            later = deal.Id;
        }

        var refused = await _app.Run<ApproveDeal, Result<DealView>>(u => u.HandleAsync(later, null, Ct), As.Manager);
        Assert.Contains("First valid registration wins", refused.Failed("deal_conflict").Message);
        (await _app.Run<ApproveDeal, Result<DealView>>(u => u.HandleAsync(earlier, null, Ct), As.Manager)).Ok();
    }

    [Theory]
    [InlineData(1)] // one instance commits concurrent registrations in groups: most pairs land in one group, where the
                    // second of a pair must see the first, written but not yet committed
    [InlineData(2)]
    public async Task Two_partners_registering_one_customer_at_the_same_moment_exactly_one_is_first(int instances)
    {
        await using var secondInstance = instances == 2 ? _app.Second() : null;
        var other = secondInstance ?? _app;
        var (first, second) = (await _app.PartnerAsync(), await _app.PartnerAsync());
        await _app.RegisteredAsync(first); // both instances have built their index: the race is between the checks, not the builds
        await other.RegisteredAsync(second);

        // Half the pairs meet on the domain only (different names), half on the name only (different domains).
        const int Pairs = 24;
        var customers = Enumerable.Range(0, Pairs).Select(n => Build.Unique($"Simultaneous {n} ")).ToArray();
        DealRegistrationDetails Claim(int n, int side) => n % 2 == 0
            ? DealData.Details($"{customers[n]} Side {side} Ltd", $"{customers[n].Replace(' ', '-')}.com")
            : DealData.Details($"{customers[n]} Ltd", $"side{side}-{customers[n].Replace(' ', '-')}.com");
        var attempts = Enumerable.Range(0, Pairs).SelectMany(n => new[]
        {
            Task.Run(() => _app.RegisterAsync(first, Claim(n, 1), As.PartnerUser(first))),
            Task.Run(() => other.RegisterAsync(second, Claim(n, 2), As.PartnerUser(second))),
        }).ToArray();
        var results = await Task.WhenAll(attempts);

        for (var n = 0; n < Pairs; n++)
        {
            var pair = results.Skip(2 * n).Take(2).ToArray();
            Assert.Single(pair, r => r.IsSuccess);
            pair.Single(r => !r.IsSuccess).Failed("deal_conflict");
        }

        await using var db = _app.Open();
        var stored = await db.DealRegistrations.CountAsync(d => d.CustomerName.StartsWith("Simultaneous "), Ct);
        Assert.Equal(Pairs, stored);
    }

    [Fact]
    public async Task A_registration_refused_in_a_group_leaves_the_others_of_the_group_stored_with_their_audit()
    {
        var partner = await _app.PartnerAsync();
        await _app.RegisteredAsync(partner);
        var taken = Build.Unique("crm-");
        // Sent at once, so they share groups; two of them carry the same external id, which only the insert can catch
        // once both have passed the request's own look-up.
        var attempts = Enumerable.Range(0, 20).Select(n => Task.Run(() => _app.RegisterAsync(partner,
            DealData.Details() with { ExternalId = n is 3 or 4 ? taken : $"{taken}-{n}" }, As.PartnerUser(partner)))).ToArray();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(19, results.Count(r => r.IsSuccess));
        Assert.Contains("externalId", results.Single(r => !r.IsSuccess).Failed("validation").Fields!.Keys);
        await using var db = _app.Open();
        var stored = await db.DealRegistrations.AsNoTracking().Where(d => d.ExternalId!.StartsWith(taken)).Select(d => d.Id).ToListAsync(Ct);
        Assert.Equal(19, stored.Count);
        var audited = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "deal_registration").Select(a => a.EntityId).ToListAsync(Ct);
        Assert.All(stored, id => Assert.Contains(id.ToString(), audited));
    }

    [Fact]
    public async Task Registrations_sent_at_once_by_different_users_are_each_audited_as_their_own_user()
    {
        var partners = new List<PartnerId>();
        for (var n = 0; n < 20; n++) partners.Add(await _app.PartnerAsync());
        await _app.RegisteredAsync(partners[0]); // the index is built before they race
        // Sent at once, so they share groups, which save all their registrations together.
        var attempts = partners.Select((p, n) => Task.Run(() => _app.RegisterAsync(p, DealData.Details(), As.PartnerUser(p, $"user{n}@x.com")))).ToArray();
        var results = await Task.WhenAll(attempts);

        await using var db = _app.Open();
        for (var n = 0; n < partners.Count; n++)
        {
            var deal = results[n].Value.Deal.Id.ToString();
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Entity == "deal_registration" && a.EntityId == deal, Ct);
            Assert.Equal($"user{n}@x.com", entry.Actor);
        }
    }

    [Fact]
    public async Task Another_process_sees_a_new_registration_at_once_and_a_decision_made_elsewhere_frees_the_customer()
    {
        await using var other = _app.Second();
        var (first, second) = (await _app.PartnerAsync(), await _app.PartnerAsync());
        await other.RegisteredAsync(second); // the other process has built its index before the registration below
        var domain = Build.Unique("shared") + ".com";
        var held = await _app.RegisteredAsync(first, DealData.Details(domain: domain));

        (await other.RegisterAsync(second, DealData.Details(domain: domain))).Failed("deal_conflict");

        (await _app.Run<RejectDeal, Result<DealView>>(u => u.HandleAsync(held, "Not qualified", Ct), As.Manager)).Ok();
        (await other.RegisterAsync(second, DealData.Details(domain: domain))).Ok(); // its stale entry is confirmed gone, not trusted
    }

    [Fact]
    public async Task A_close_name_registered_by_another_process_is_found_after_the_catch_up_interval()
    {
        await using var other = _app.Second();
        var (first, second) = (await _app.PartnerAsync(), await _app.PartnerAsync());
        await other.RegisteredAsync(second);
        var k = Build.Unique("q");
        await _app.RegisteredAsync(first, DealData.Details($"Northwind Traders {k}"));

        _app.Clock.Advance(DealIdentityIndex.RefreshEvery);
        await CaughtUpAsync(other, second);
        var similar = (await other.RegisterAsync(second, DealData.Details($"Northwind Trader {k}"))).Ok();
        Assert.Equal(ConflictOutcome.PossibleDuplicate, similar.Conflicts.Outcome);
    }

    [Fact]
    public async Task A_registration_this_process_registered_and_another_decided_leaves_the_index_at_the_catch_up()
    {
        await using var other = _app.Second();
        var partner = await _app.PartnerAsync();
        var k = Build.Unique("d");
        await _app.RegisteredAsync(partner);
        // Built when nothing was registered, the index is built again at its first refresh; from then on it catches up.
        _app.Clock.Advance(DealIdentityIndex.RefreshEvery);
        await CaughtUpAsync(_app, partner);
        var id = await _app.RegisteredAsync(partner, DealData.Details($"Northwind Traders {k}")); // in the index since its save here
        var index = _app.Services.GetRequiredService<DealIdentityIndex>();
        var before = index.Tombstones;
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await other.Run<RejectDeal, Result<DealView>>(u => u.HandleAsync(id, "Not qualified", Ct), As.Manager)).Ok();

        _app.Clock.Advance(DealIdentityIndex.RefreshEvery);
        await CaughtUpAsync(_app, partner);
        Assert.Equal(before + 1, index.Tombstones); // the other process's decision is read and taken out
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_catch_up_reads_every_change_of_another_process_page_after_page_even_a_page_of_one_instant(bool oneInstant)
    {
        await using var other = _app.Second();
        var partner = await _app.PartnerAsync();
        await _app.RegisteredAsync(partner);
        // Built when nothing was registered, the index is built again at its first refresh; from then on it catches up.
        _app.Clock.Advance(DealIdentityIndex.RefreshEvery);
        await CaughtUpAsync(_app, partner);
        var index = _app.Services.GetRequiredService<DealIdentityIndex>();
        var before = index.Live;

        // More than a page, written by the other process (this one's index does not see its saves), stamped all at one
        // instant (a bulk import) or a millisecond apart.
        const int written = DealIdentityIndex.CatchUpPage + 500;
        var now = _app.Clock.GetUtcNow();
        var k = Build.Unique("p");
        await using (var scope = other.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
            for (var n = 0; n < written; n++)
            {
                var at = Instants.Stored(oneInstant ? now : now.AddMilliseconds(n));
                db.DealRegistrations.Add(DealRegistration.Submit(DealData.Details($"Paged Customer {n} {k}", $"paged-{n}-{k}.com").Validate(at).Value, partner, at));
            }

            await db.SaveChangesAsync(Ct);
        }

        _app.Clock.Advance(DealIdentityIndex.RefreshEvery);
        await CaughtUpAsync(_app, partner);
        Assert.Equal(before + written + 1, index.Live); // the other process's registrations, and the one just made here
    }

    [Fact]
    public async Task The_index_is_built_anew_once_decided_registrations_outnumber_the_live_ones_and_still_finds_every_match()
    {
        var (first, second) = (await _app.PartnerAsync(), await _app.PartnerAsync());
        var k = Build.Unique("t");
        await _app.RegisteredAsync(first, DealData.Details($"Northwind Traders {k}"));
        var decided = new List<DealId>();
        // Four: more than the live entries at the second refresh (Northwind, the first catch-up's registration, and the
        // second's, which may be saved before that refresh compares the counts).
        for (var n = 0; n < 4; n++) decided.Add(await _app.RegisteredAsync(first, DealData.Details($"Decided Customer {n} {k}")));
        // Built when nothing was registered, the index is built again at its first refresh; from then on it catches up.
        _app.Clock.Advance(DealIdentityIndex.RefreshEvery);
        await CaughtUpAsync(_app, first);
        foreach (var id in decided) (await _app.Run<RejectDeal, Result<DealView>>(u => u.HandleAsync(id, "Not qualified", Ct), As.Manager)).Ok();
        var index = _app.Services.GetRequiredService<DealIdentityIndex>();
        Assert.Equal(4, index.Tombstones);

        _app.Clock.Advance(DealIdentityIndex.RefreshEvery);
        await CaughtUpAsync(_app, second);
        var similar = (await _app.RegisterAsync(second, DealData.Details($"Northwind Trader {k}"))).Ok();
        Assert.Equal(0, index.Tombstones);
        Assert.Equal(ConflictOutcome.PossibleDuplicate, similar.Conflicts.Outcome);
        (await _app.RegisterAsync(second, DealData.Details($"Northwind Traders {k}"), As.PartnerUser(second))).Failed("deal_conflict");
        (await _app.RegisterAsync(second, DealData.Details($"Decided Customer 0 {k}"))).Ok();
    }

    /// <summary>A registration that finds the catch-up due, which starts it in the background, then the catch-up's end.</summary>
    private static async Task CaughtUpAsync(AppHarness app, PartnerId partner)
    {
        var index = app.Services.GetRequiredService<DealIdentityIndex>();
        await index.Refreshing; // one an earlier step started would still hold the index, and the registration would start none
        var earlier = index.Refreshing;
        await app.RegisteredAsync(partner);
        Assert.NotSame(earlier, index.Refreshing);
        await index.Refreshing;
    }
}

public sealed class DealConflictOnSqlite() : DealConflictTests(DatabaseProvider.Sqlite);

public sealed class DealConflictOnPostgres() : DealConflictTests(DatabaseProvider.Postgres);
