using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;

namespace PartnerHub.Tests.Infrastructure;

/// <summary>
/// The real PartnerHub web app on a fresh real database, with a controllable clock. One per test class
/// (as a class fixture); tests create their own uniquely named data so they never see each other's.
/// </summary>
public abstract class TestApp(DatabaseProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);

    public DatabaseProvider Provider { get; } = provider;

    public DatabaseSettings Database { get; private set; } = null!;

    public FakeTimeProvider Clock { get; } = new(Start);

    public virtual async ValueTask InitializeAsync()
    {
        Database = await TestDatabases.CreateAsync(Provider);
        _ = Server; // start the host (and its migrations) now, so start-up errors surface here
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Demo:Load", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:PartnerHub", "Warning");
        builder.UseSetting("RateLimits:ApiPerMinute", "100000");
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:SignInPerAccountPer15Minutes", "100000");
        builder.UseSetting("Webhooks:Worker", "false"); // tests run the webhook worker themselves, on the fake clock
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public const string Password = "correct horse battery staple 42";

    /// <summary>A user with the role (and partner, for partner roles), created directly in the database.</summary>
    public async Task<AppUser> UserAsync(string role, PartnerId? partner = null, string? email = null)
    {
        await using var scope = Scope();
        var user = await scope.ServiceProvider.GetRequiredService<CreateUser>()
            .HandleAsync(new NewUser(email ?? $"{Build.Unique("u")}@example.com", role, role, partner, Password), CancellationToken.None);
        return user.IsSuccess ? user.Value : throw new InvalidOperationException(user.Error.Message + string.Join(" ", user.Error.Fields?.SelectMany(f => f.Value) ?? []));
    }

    /// <summary>An HTTP client signed in through the real sign-in form as a new user with the role.</summary>
    public async Task<HttpClient> ClientAsync(string role, PartnerId? partner = null)
    {
        var user = await UserAsync(role, partner);
        return await SignInAsync(user.Email!, Password) ?? throw new InvalidOperationException($"Sign-in as {role} failed.");
    }

    /// <summary>Signs in through GET and POST /account/login, as a browser does; null when the sign-in is refused.</summary>
    public async Task<HttpClient?> SignInAsync(string email, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostFormAsync(client, "/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = "/" });
        return response.Headers.Location?.OriginalString == "/" ? client : null;
    }

    /// <summary>Posts a form the way a browser does: first GET the page that renders it, to obtain the antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>An HTTP client that authenticates with a new API key holding the scopes.</summary>
    public async Task<(HttpClient Client, Guid KeyId)> ApiKeyClientAsync(params string[] scopes)
    {
        await using var scope = Scope();
        var created = (await scope.ServiceProvider.GetRequiredService<ManageApiKeys>().CreateAsync(new NewApiKey("test", scopes), CancellationToken.None)).Value;
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", created.Secret);
        return (client, created.Key.Id);
    }

    /// <summary>A scope on the app's services, acting as the system, for arranging data and inspecting results.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabases.DropAsync(Database);
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp() : TestApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : TestApp(DatabaseProvider.Postgres);
