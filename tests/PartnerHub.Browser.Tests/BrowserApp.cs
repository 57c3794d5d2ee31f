using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.Web;

namespace PartnerHub.Browser.Tests;

/// <summary>
/// PartnerHub served for real on a free local port, on a fresh SQLite file with the demo ecosystem and demo users,
/// and Debian's Chromium driven by Playwright (no browser download).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string DemoPassword = "demo-password-2026";

    private WebApplication? _app;
    private IPlaywright? _playwright;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"partnerhub-browser-{Guid.NewGuid():N}.db");

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The running app's services, for arranging what a test needs outside the UI (an API key).</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>Where screenshots go: artifacts/screenshots at the repository root, kept by CI.</summary>
    public static string Artifacts { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        _app = PartnerHubWeb.Build([
            "--urls=http://127.0.0.1:0", $"--Database:ConnectionString=Data Source={_file}", "--Demo:Load=true", "--environment=Production",
            "--RateLimits:SignInPerMinute=1000", "--Logging:LogLevel:Default=Warning",
        ]);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        Directory.CreateDirectory(Artifacts);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PARTNERHUB_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (its own cookies), signed in as the user.</summary>
    public async Task<IPage> SignInAsync(string email, string password = DemoPassword)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        // The demo database is the fixture's alone: pooled connections hold it open until cleared, then it goes.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PartnerHub.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}
