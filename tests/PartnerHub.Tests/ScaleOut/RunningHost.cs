using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.Tests.Infrastructure;
using PartnerHub.Web;

namespace PartnerHub.Tests.ScaleOut;

/// <summary>
/// One PartnerHub web instance served for real by Kestrel on a free local port, on the real system clock, with its
/// background jobs running: the unit that several of share one database in a scaled-out deployment.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private RunningHost(WebApplication app, string baseUrl) => (_app, BaseUrl) = (app, new Uri(baseUrl));

    public Uri BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts an instance on <paramref name="database"/> (migrating it if needed); <paramref name="settings"/> as "Key=Value".</summary>
    public static async Task<RunningHost> StartAsync(DatabaseSettings database, params string[] settings)
    {
        var app = PartnerHubWeb.Build([
            "--urls=http://127.0.0.1:0", "--environment=Testing", $"--Database:Provider={database.Provider}",
            $"--Database:ConnectionString={database.ConnectionString}", "--Demo:Load=false", "--Logging:LogLevel:Default=Critical",
            "--Logging:LogLevel:Microsoft.AspNetCore=Critical", "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Critical",
            "--RateLimits:SignInPerMinute=100000", "--RateLimits:SignInPerAccountPer15Minutes=100000", "--RateLimits:ApiPerMinute=100000",
            .. settings.Select(s => "--" + s),
        ]);
        await app.StartAsync();
        return new RunningHost(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>A client of this instance; pass a cookie container to carry a sign-in from one instance to another.</summary>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true }) { BaseAddress = BaseUrl };

    public AsyncServiceScope Scope() => _app.Services.CreateAsyncScope();

    /// <summary>A new API key with the scopes, created through this instance's services.</summary>
    public async Task<string> ApiKeyAsync(params string[] scopes)
    {
        await using var scope = Scope();
        var created = await scope.ServiceProvider.GetRequiredService<ManageApiKeys>().CreateAsync(new NewApiKey("scale-out test", scopes), CancellationToken.None);
        return created.Value.Secret;
    }

    public HttpClient ApiClient(string key)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A user with the role, created directly in the database.</summary>
    public async Task<AppUser> UserAsync(string role)
    {
        await using var scope = Scope();
        var user = await scope.ServiceProvider.GetRequiredService<CreateUser>()
            .HandleAsync(new NewUser($"{Build.Unique("u")}@example.com", role, role, null, TestApp.Password), CancellationToken.None);
        return user.Value;
    }

    /// <summary>Stops abruptly: open connections are cut and running requests see their cancellation, as when an instance is killed.</summary>
    public async Task KillAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _app.StopAsync(new CancellationToken(canceled: true));
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped) return;
        _stopped = true;
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(wait.Token);
        await _app.DisposeAsync();
    }
}
