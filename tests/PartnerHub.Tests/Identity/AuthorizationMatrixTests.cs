using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Identity;

/// <summary>
/// Every API endpoint × every kind of caller × own, foreign and nonexistent resources. Who may call what comes from the
/// endpoints' own policies and the one permission table; the test asserts that nobody without the permission gets
/// through, that a partner user never reads another partner's data, that a foreign id answers exactly like a
/// nonexistent one, and that no request changes data it must not change. An endpoint missing from the table fails.
/// </summary>
public abstract class AuthorizationMatrixTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private enum Variant { Collection, Own, Foreign, Missing }

    /// <summary>One caller: how it authenticates, which partner confines it (if any), its roles or scopes.</summary>
    private sealed record Caller(string Name, HttpClient Client, PartnerId? Partner, string[] Roles, string[] Scopes, bool Authenticated);

    /// <summary>The world the requests run against: two partners, each with a user to act on, and an API key to act on.</summary>
    private sealed record World(PartnerId A, PartnerId B, Guid UserOfA, Guid UserOfB, Guid Key, string[] MarkersOfA, string[] MarkersOfB)
    {
        public PartnerId Own(Caller c) => c.Partner == B ? B : A;
        public PartnerId Foreign(Caller c) => c.Partner == B ? A : B;
        public Guid OwnUser(Caller c) => c.Partner == B ? UserOfB : UserOfA;
        public Guid ForeignUser(Caller c) => c.Partner == B ? UserOfA : UserOfB;
        public string[] ForeignMarkers(Caller c) => c.Partner == B ? MarkersOfA : MarkersOfB;
    }

    private delegate Task<HttpRequestMessage> RequestFor(World world, Caller caller, Variant variant);

    /// <summary>How to call each endpoint. Endpoints with an id get own, foreign and missing; others one call.</summary>
    private Dictionary<string, (bool HasId, RequestFor Build)> Cases() => new()
    {
        ["GET /api/v1/partners/"] = (false, (w, c, v) => Get("/api/v1/partners?pageSize=500&includeArchived=true")),
        ["GET /api/v1/partners/{id:guid}"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}")),
        ["POST /api/v1/partners/"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/partners", Build.Partner())),
        ["PUT /api/v1/partners/{id:guid}"] = (true, async (w, c, v) => await WithIfMatch(Json(HttpMethod.Put, $"/api/v1/partners/{PartnerIn(w, c, v)}", Build.Partner() with { Stage = "active" }), await VersionAsync(PartnerIn(w, c, v)))),
        ["POST /api/v1/partners/{id:guid}/archive"] = (true, async (w, c, v) => await WithIfMatch(Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/partners/{PartnerIn(w, c, v)}/archive")), await VersionAsync(PartnerIn(w, c, v)))),
        ["GET /api/v1/partners/{id:guid}/audit"] = (true, (w, c, v) => Get($"/api/v1/partners/{PartnerIn(w, c, v)}/audit")),
        ["POST /api/v1/partners/import"] = (false, (w, c, v) => Upload("/api/v1/partners/import", $"name,domain,subcategory\nMatrix,{Build.Unique("m")}.com,resellers\n")),
        ["GET /api/v1/partners/export"] = (false, (w, c, v) => Get("/api/v1/partners/export")),
        ["GET /api/v1/program/"] = (false, (w, c, v) => Get("/api/v1/program")),
        ["GET /api/v1/program/versions"] = (false, (w, c, v) => Get("/api/v1/program/versions")),
        ["GET /api/v1/program/versions/{number:int}"] = (true, (w, c, v) => Get($"/api/v1/program/versions/{(v == Variant.Missing ? 999 : 1)}")),
        ["GET /api/v1/program/diff"] = (false, (w, c, v) => Get("/api/v1/program/diff?from=1&to=1")),
        ["POST /api/v1/program/validate"] = (false, (w, c, v) => Yaml("/api/v1/program/validate")),
        ["POST /api/v1/program/versions"] = (false, (w, c, v) => Yaml($"/api/v1/program/versions?effectiveFrom={app.Clock.GetUtcNow():yyyy-MM-dd}")),
        ["GET /api/v1/users/"] = (false, (w, c, v) => Get("/api/v1/users")),
        ["POST /api/v1/users/{id:guid}/role"] = (true, (w, c, v) => Json(HttpMethod.Post, $"/api/v1/users/{UserIn(w, c, v)}/role", new { role = Roles.PartnerUser })),
        ["POST /api/v1/users/{id:guid}/disable"] = (true, (w, c, v) => Post($"/api/v1/users/{UserIn(w, c, v)}/disable")),
        ["POST /api/v1/users/{id:guid}/enable"] = (true, (w, c, v) => Post($"/api/v1/users/{UserIn(w, c, v)}/enable")),
        ["POST /api/v1/invitations/"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/invitations", new InviteRequest($"{Build.Unique("i")}@example.com", Roles.PartnerUser, w.Foreign(c).Value))),
        ["GET /api/v1/api-keys/"] = (false, (w, c, v) => Get("/api/v1/api-keys")),
        ["POST /api/v1/api-keys/"] = (false, (w, c, v) => Json(HttpMethod.Post, "/api/v1/api-keys", new NewApiKey("matrix", ["partners:read"]))),
        ["POST /api/v1/api-keys/{id:guid}/revoke"] = (true, (w, c, v) => Post($"/api/v1/api-keys/{(v == Variant.Missing ? Guid.NewGuid() : w.Key)}/revoke")),
    };

    [Fact]
    public async Task No_caller_reads_or_changes_what_it_must_not()
    {
        var world = await WorldAsync();
        var callers = await CallersAsync(world);
        var cases = Cases();
        var endpoints = ApiEndpoints();

        Assert.Empty(endpoints.Select(e => e.Key).Except(cases.Keys)); // a new endpoint must be added to the matrix
        Assert.Empty(cases.Keys.Except(endpoints.Select(e => e.Key))); // and the matrix holds no stale rows

        var failures = new List<string>();
        foreach (var (key, permission) in endpoints)
        {
            var (hasId, build) = cases[key];
            foreach (var caller in callers)
            {
                var allowed = permission is null || permission.Roles.Any(caller.Roles.Contains) || (permission.Scope is { } s && caller.Scopes.Contains(s));
                var statuses = new Dictionary<Variant, HttpStatusCode>();
                foreach (var variant in hasId ? [Variant.Own, Variant.Foreign, Variant.Missing] : new[] { Variant.Collection })
                {
                    var before = await FingerprintAsync(world);
                    using var request = await build(world, caller, variant);
                    using var response = await caller.Client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    var after = await FingerprintAsync(world);
                    statuses[variant] = response.StatusCode;
                    var where = $"{key} as {caller.Name} ({variant}): {(int)response.StatusCode}";

                    if (!caller.Authenticated && response.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{where}, expected 401");
                    else if (caller.Authenticated && !allowed && response.StatusCode != HttpStatusCode.Forbidden) failures.Add($"{where}, expected 403");
                    else if (caller.Authenticated && allowed && response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) failures.Add($"{where}, expected access");

                    if (!allowed && before.All != after.All) failures.Add($"{where} changed data without permission");
                    if (caller.Partner is not null)
                    {
                        if (before.Of(world.Foreign(caller)) != after.Of(world.Foreign(caller))) failures.Add($"{where} changed another partner's data");
                        if (world.ForeignMarkers(caller).FirstOrDefault(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } leak)
                            failures.Add($"{where} leaked '{leak}' of another partner");
                    }
                }

                if (caller.Partner is not null && allowed && hasId && statuses[Variant.Foreign] != statuses[Variant.Missing])
                    failures.Add($"{key} as {caller.Name}: a foreign id answered {(int)statuses[Variant.Foreign]}, a nonexistent one {(int)statuses[Variant.Missing]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Every API endpoint, with the permission its policy names (null: any signed-in caller).</summary>
    private List<(string Key, Permissions.Permission? Permission)> ApiEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (
                Key: $"{method} {e.RoutePattern.RawText}",
                Permission: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>()
                    .Select(policy => Permissions.All.Single(p => p.Name == policy)).LastOrDefault())))
            .ToList();

    private async Task<World> WorldAsync()
    {
        await using var scope = app.Scope();
        var save = scope.ServiceProvider.GetRequiredService<SavePartner>();
        var a = (await save.CreateAsync(Build.Partner("Alpha Matrix " + Build.Unique()), CancellationToken.None)).Value;
        var b = (await save.CreateAsync(Build.Partner("Bravo Matrix " + Build.Unique()), CancellationToken.None)).Value;
        var userOfA = await app.UserAsync(Roles.PartnerUser, new PartnerId(a.Id));
        var userOfB = await app.UserAsync(Roles.PartnerUser, new PartnerId(b.Id));
        var key = (await scope.ServiceProvider.GetRequiredService<ManageApiKeys>().CreateAsync(new NewApiKey("victim", ["partners:read"]), CancellationToken.None)).Value;
        return new World(new(a.Id), new(b.Id), userOfA.Id, userOfB.Id, key.Key.Id, [a.Name, a.Domain, userOfA.Email!], [b.Name, b.Domain, userOfB.Email!]);
    }

    private async Task<List<Caller>> CallersAsync(World world)
    {
        var all = Permissions.Scopes.ToArray();
        var (keyClient, _) = await app.ApiKeyClientAsync(all);
        var (revokedClient, revokedId) = await app.ApiKeyClientAsync(all);
        await using (var scope = app.Scope()) await scope.ServiceProvider.GetRequiredService<ManageApiKeys>().RevokeAsync(revokedId, CancellationToken.None);

        async Task<Caller> Person(string role, PartnerId? partner = null) =>
            new($"{role}{(partner is null ? "" : partner == world.A ? " of A" : " of B")}", await app.ClientAsync(role, partner), partner, [role], [], true);

        return
        [
            new("anonymous", app.CreateClient(), null, [], [], false),
            await Person(Roles.ProgramAdmin),
            await Person(Roles.PartnerManager),
            await Person(Roles.Finance),
            await Person(Roles.PartnerAdmin, world.A),
            await Person(Roles.PartnerUser, world.A),
            await Person(Roles.PartnerAdmin, world.B),
            new("API key", keyClient, null, [], all, true),
            new("revoked API key", revokedClient, null, [], all, false),
        ];
    }

    /// <summary>A text summary of each partner's data and of everything else a request could change.</summary>
    private sealed record Fingerprint(string All, Dictionary<PartnerId, string> ByPartner)
    {
        public string Of(PartnerId partner) => ByPartner[partner];
    }

    private async Task<Fingerprint> FingerprintAsync(World world)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        var byPartner = new Dictionary<PartnerId, string>();
        foreach (var (partner, user) in new[] { (world.A, world.UserOfA), (world.B, world.UserOfB) })
        {
            var p = await db.Partners.AsNoTracking().SingleAsync(x => x.Id == partner);
            var u = await db.Users.AsNoTracking().SingleAsync(x => x.Id == user);
            var roles = string.Join(",", await db.UserRoles.Where(r => r.UserId == user).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
            var invitations = await db.Set<Invitation>().CountAsync(i => i.PartnerId == partner);
            byPartner[partner] = $"{p.Version}|{p.ArchivedAt}|{u.LockoutEnd}|{u.SecurityStamp}|{roles}|{invitations}";
        }

        var key = await db.Set<ApiKey>().AsNoTracking().SingleAsync(k => k.Id == world.Key);
        var all = string.Join("#", byPartner.Values) + $"|{key.RevokedAt}|{await db.Partners.CountAsync()}|{await db.Users.CountAsync()}"
            + $"|{await db.Set<ApiKey>().CountAsync()}|{await db.Set<Invitation>().CountAsync()}|{await db.Set<PartnerHub.App.Programs.ProgramVersion>().CountAsync()}";
        return new Fingerprint(all, byPartner);
    }

    private static Guid PartnerIn(World w, Caller c, Variant v) => v switch
    {
        Variant.Foreign => w.Foreign(c).Value,
        Variant.Missing => Guid.NewGuid(),
        _ => w.Own(c).Value,
    };

    private static Guid UserIn(World w, Caller c, Variant v) => v switch
    {
        Variant.Foreign => w.ForeignUser(c),
        Variant.Missing => Guid.NewGuid(),
        _ => w.OwnUser(c),
    };

    private async Task<int> VersionAsync(Guid partner)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Partners.Where(p => p.Id == new PartnerId(partner)).Select(p => (int?)p.Version).SingleOrDefaultAsync() ?? 1;
    }

    private static Task<HttpRequestMessage> Get(string url) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, url));

    private static Task<HttpRequestMessage> Post(string url) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, url));

    private static Task<HttpRequestMessage> Json<T>(HttpMethod method, string url, T body) =>
        Task.FromResult(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: HttpAssertions.Json) });

    private static Task<HttpRequestMessage> Yaml(string url) =>
        Task.FromResult(new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(ProgramStoreYaml.Value, Encoding.UTF8, "application/yaml") });

    private static Task<HttpRequestMessage> Upload(string url, string csv)
    {
        var form = new MultipartFormDataContent { { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "partners.csv" } };
        return Task.FromResult(new HttpRequestMessage(HttpMethod.Post, url) { Content = form });
    }

    private static async Task<HttpRequestMessage> WithIfMatch(Task<HttpRequestMessage> request, int version)
    {
        var message = await request;
        message.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return message;
    }

    private static readonly Lazy<string> ProgramStoreYaml = new(() => PartnerHub.App.Programs.ProgramStore.DefaultYaml().Replace("name: AI Marketing Mastery Pro Partner Program", "name: Matrix Program", StringComparison.Ordinal));
}

public sealed class AuthorizationMatrixOnSqlite(SqliteApp app) : AuthorizationMatrixTests<SqliteApp>(app);

public sealed class AuthorizationMatrixOnPostgres(PostgresApp app) : AuthorizationMatrixTests<PostgresApp>(app);
