using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Identity;

/// <summary>Sign-in, lockout, passwords, invitations and API keys, on SQLite and PostgreSQL.</summary>
public abstract class SignInTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private async Task<List<string>> AuditActionsAsync(string entityId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().AuditEntries
            .Where(a => a.EntityId == entityId).OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    [Fact]
    public async Task A_signed_in_user_reaches_the_API_and_an_anonymous_caller_gets_401()
    {
        using var anonymous = app.CreateClient();
        await (await anonymous.GetAsync("/api/v1/partners")).ProblemAsync(HttpStatusCode.Unauthorized);

        var manager = await app.ClientAsync(Roles.PartnerManager);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/partners")).StatusCode);
    }

    [Fact]
    public async Task Pages_send_anonymous_visitors_to_the_sign_in_page()
    {
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/partners");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var user = await app.UserAsync(Roles.Finance);
        for (var i = 0; i < 5; i++) Assert.Null(await app.SignInAsync(user.Email!, "wrong password attempt"));
        Assert.Null(await app.SignInAsync(user.Email!, TestApp.Password));

        var actions = await AuditActionsAsync(user.Id.ToString());
        Assert.Equal(["created", "sign-in-failed", "sign-in-failed", "sign-in-failed", "sign-in-failed", "locked-out", "locked-out"], actions);

        // ASP.NET Core Identity measures lockouts with the system clock: check the end it set, then let it pass.
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var locked = (await users.FindByIdAsync(user.Id.ToString()))!;
        Assert.InRange(locked.LockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        await users.SetLockoutEndDateAsync(locked, DateTimeOffset.UtcNow.AddSeconds(-1));
        Assert.NotNull(await app.SignInAsync(user.Email!, TestApp.Password));
    }

    [Fact]
    public async Task Sign_in_refuses_an_open_redirect()
    {
        var user = await app.UserAsync(Roles.Finance);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await TestApp.PostFormAsync(client, "/account/login", "/account/login",
            new() { ["Email"] = user.Email!, ["Password"] = TestApp.Password, ["ReturnUrl"] = "//evil.example/phish" });
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var user = await app.UserAsync(Roles.Finance);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = TestApp.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("short pass", "at least 12")]
    [InlineData("password1234", "commonly used")]
    [InlineData("aaaaaaaaaaaaaaaa", "repeats")]
    public async Task Weak_passwords_are_refused_with_a_reason(string password, string reason)
    {
        await using var scope = app.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateUser>()
            .HandleAsync(new NewUser($"{Build.Unique("w")}@example.com", null, Roles.Finance, null, password), CancellationToken.None);
        Assert.Contains(reason, result.Error!.Fields!["password"][0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Long_passphrases_without_composition_rules_are_accepted()
    {
        await using var scope = app.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateUser>()
            .HandleAsync(new NewUser($"{Build.Unique("w")}@example.com", null, Roles.Finance, null, new string('x', 40) + " lowercase words only " + new string('y', 40)), CancellationToken.None);
        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task An_invitation_link_creates_a_partner_user_who_signs_in_to_their_portal()
    {
        var partner = await SeedPartnerAsync();
        var manager = await app.ClientAsync(Roles.PartnerManager);
        var email = $"{Build.Unique("inv")}@example.com";
        var sent = await (await manager.PostAsJsonAsync("/api/v1/invitations", new InviteRequest(email, Roles.PartnerUser, partner.Value), HttpAssertions.Json))
            .ReadAsync<InvitationSent>(HttpStatusCode.Created);
        var unused = await (await manager.PostAsJsonAsync("/api/v1/invitations", new InviteRequest($"{Build.Unique("late")}@example.com", Roles.PartnerUser, partner.Value), HttpAssertions.Json))
            .ReadAsync<InvitationSent>(HttpStatusCode.Created);
        Assert.False(sent.Delivered); // no SMTP in tests: the link is returned to show
        var path = new Uri(sent.Link).AbsolutePath;

        var invitee = app.CreateClient(new() { AllowAutoRedirect = false });
        var accepted = await TestApp.PostFormAsync(invitee, path, path, new() { ["DisplayName"] = "New Person", ["Password"] = TestApp.Password });
        Assert.Equal("/", accepted.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await invitee.GetAsync("/portal")).StatusCode);

        // The link works once.
        var again = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Contains("not valid", await again.GetStringAsync(path));

        // An unused link expires.
        app.Clock.Advance(InviteUser.ValidFor + TimeSpan.FromMinutes(1));
        Assert.Contains("not valid", await app.CreateClient().GetStringAsync(new Uri(unused.Link).AbsolutePath));
    }

    [Fact]
    public async Task A_partner_admin_invites_only_into_their_own_organization()
    {
        var own = await SeedPartnerAsync();
        var other = await SeedPartnerAsync();
        var admin = await app.ClientAsync(Roles.PartnerAdmin, own);

        var sent = await (await admin.PostAsJsonAsync("/api/v1/invitations", new InviteRequest($"{Build.Unique("c")}@example.com", Roles.PartnerUser, other.Value), HttpAssertions.Json))
            .ReadAsync<InvitationSent>(HttpStatusCode.Created);
        await using var scope = app.Scope();
        var invitation = await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Set<Invitation>().SingleAsync(i => i.Id == sent.Id);
        Assert.Equal(own, invitation.PartnerId); // the foreign partner id in the request was ignored

        var vendor = await admin.PostAsJsonAsync("/api/v1/invitations", new InviteRequest($"{Build.Unique("c")}@example.com", Roles.ProgramAdmin, null), HttpAssertions.Json);
        Assert.Contains("role", (await vendor.ProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task An_API_key_works_until_it_is_revoked_and_fails_on_its_very_next_request()
    {
        var (client, keyId) = await app.ApiKeyClientAsync("partners:read");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/partners")).StatusCode);
        await (await client.PostAsJsonAsync("/api/v1/partners", Build.Partner(), HttpAssertions.Json)).ProblemAsync(HttpStatusCode.Forbidden);

        var admin = await app.ClientAsync(Roles.ProgramAdmin);
        var keys = await (await admin.GetAsync("/api/v1/api-keys")).ReadAsync<ApiKeyView[]>(HttpStatusCode.OK);
        var key = keys.Single(k => k.Id == keyId);
        Assert.NotNull(key.LastUsedAt);
        Assert.StartsWith("phk_", key.Hint);

        await (await admin.PostAsync($"/api/v1/api-keys/{keyId}/revoke", null)).ReadAsync<ApiKeyView>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/partners")).StatusCode);
        Assert.Equal(["created", "updated"], await AuditActionsAsync(keyId.ToString()));
    }

    [Fact]
    public async Task A_cached_API_key_revoked_on_this_instance_fails_on_its_very_next_request()
    {
        var (client, keyId) = await app.ApiKeyClientAsync("partners:read");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/partners")).StatusCode); // now in the key cache

        await using (var scope = app.Scope()) // as the console's API-keys page revokes it
            Assert.True((await scope.ServiceProvider.GetRequiredService<ManageApiKeys>().RevokeAsync(keyId, CancellationToken.None)).IsSuccess);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/partners")).StatusCode);
    }

    [Fact]
    public async Task An_API_key_revoked_by_another_instance_is_refused_here_once_the_cache_lifetime_has_passed()
    {
        var (client, keyId) = await app.ApiKeyClientAsync("partners:read");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/partners")).StatusCode);

        // Another instance revokes it: the row changes, this instance's cache does not hear of it.
        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Set<ApiKey>().Where(k => k.Id == keyId)
                .ExecuteUpdateAsync(u => u.SetProperty(k => k.RevokedAt, app.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/partners")).StatusCode); // within the documented staleness

        app.Clock.Advance(ApiKeyCache.Lifetime);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/partners")).StatusCode);
    }

    [Fact]
    public async Task API_keys_are_stored_only_as_hashes()
    {
        var admin = await app.ClientAsync(Roles.ProgramAdmin);
        var created = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new NewApiKey("CRM", ["partners:read"]), HttpAssertions.Json)).ReadAsync<CreatedApiKey>(HttpStatusCode.Created);
        await using var scope = app.Scope();
        var stored = await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Set<ApiKey>().AsNoTracking().SingleAsync(k => k.Id == created.Key.Id);
        Assert.NotEqual(created.Secret, stored.Hash);
        Assert.Equal(ApiKey.HashOf(created.Secret), stored.Hash);
        Assert.DoesNotContain(created.Secret, System.Text.Json.JsonSerializer.Serialize(await (await admin.GetAsync("/api/v1/api-keys")).Content.ReadAsStringAsync()));

        var unknown = await admin.PostAsJsonAsync("/api/v1/api-keys", new NewApiKey("x", ["everything"]), HttpAssertions.Json);
        Assert.Contains("scopes", (await unknown.ProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/account/login");
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.NotEmpty(response.Headers.GetValues("X-Correlation-Id"));
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in()
    {
        var user = await app.UserAsync(Roles.Finance);
        var admin = await app.ClientAsync(Roles.ProgramAdmin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{user.Id}/disable", null)).StatusCode);
        Assert.Null(await app.SignInAsync(user.Email!, TestApp.Password));
        Assert.Contains("disabled", await AuditActionsAsync(user.Id.ToString()));
    }

    private async Task<PartnerHub.Core.Partners.PartnerId> SeedPartnerAsync()
    {
        await using var scope = app.Scope();
        return new(( await scope.ServiceProvider.GetRequiredService<PartnerHub.App.Partners.SavePartner>().CreateAsync(Build.Partner(), CancellationToken.None)).Value.Id);
    }
}

public sealed class SignInOnSqlite(SqliteApp app) : SignInTests<SqliteApp>(app);

public sealed class SignInOnPostgres(PostgresApp app) : SignInTests<PostgresApp>(app);
