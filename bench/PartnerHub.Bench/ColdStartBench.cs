using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;

namespace PartnerHub.Bench;

/// <summary>
/// Cold start: a new web host process (the Release build of PartnerHub.Web) on an existing database, timed from the
/// process start to its first <c>/healthz</c> answer and to the first standing it serves. The API key and the partner
/// asked about are made before the clock starts. The peer: the same process start on an empty copy of the schema
/// (migrations applied, no data), which is what any .NET web host costs here.
/// </summary>
public static class ColdStartBench
{
    public static async Task RunAsync(Options options)
    {
        var file = options.File ?? throw new ArgumentException("cold-start needs --file, a PartnerHub SQLite database (see facts-db).");
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.GetFullPath(file)}");
        var (secret, partner) = await KeyAndPartnerAsync(settings);
        var empty = await EmptyDatabaseAsync();
        Console.WriteLine($"cold-start: {settings.Describe()}; web host {WebHost}");
        for (var run = 1; run <= 3; run++)
        {
            var (health, standing) = await StartAsync(settings, secret, partner);
            var (peerHealth, _) = await StartAsync(empty, null, null);
            Console.WriteLine($"  run {run}: /healthz after {health.TotalSeconds:F2} s, first standing after {standing.TotalSeconds:F2} s;  peer (empty database): /healthz after {peerHealth.TotalSeconds:F2} s");
        }
    }

    private static string WebHost => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/PartnerHub.Web/bin/Release/net10.0/PartnerHub.Web.dll"));

    private static async Task<(TimeSpan Health, TimeSpan Standing)> StartAsync(DatabaseSettings settings, string? secret, Guid? partner)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { WebHost, $"--urls={url}", $"--Database:Provider={settings.Provider}", $"--Database:ConnectionString={settings.ConnectionString}", "--environment=Production", "--Logging:LogLevel:Default=Warning" },
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        if (secret is not null) client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web host.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var health = await FirstOkAsync(client, "/healthz", watch, process);
            var standing = partner is null ? TimeSpan.Zero : await FirstOkAsync(client, $"/api/v1/partners/{partner}/standing", watch, process);
            return (health, standing);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<TimeSpan> FirstOkAsync(HttpClient client, string path, Stopwatch watch, Process process)
    {
        while (watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited) throw new InvalidOperationException($"The web host exited with code {process.ExitCode}.");
            try
            {
                using var response = await client.GetAsync(path);
                if (response.StatusCode == HttpStatusCode.OK) return watch.Elapsed;
                if (response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.NotFound))
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"{path} did not answer within two minutes.");
    }

    private static async Task<(string Secret, Guid Partner)> KeyAndPartnerAsync(DatabaseSettings settings)
    {
        var collection = new ServiceCollection().AddLogging();
        collection.AddPartnerHub(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), settings);
        await using var services = collection.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var partner = await scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Partners.AsNoTracking().OrderBy(p => p.Name).Select(p => p.Id.Value).FirstAsync();
        var key = await scope.ServiceProvider.GetRequiredService<ManageApiKeys>().CreateAsync(new NewApiKey("cold-start", ["standing:read"]), CancellationToken.None);
        return (key.Value.Secret, partner);
    }

    private static async Task<DatabaseSettings> EmptyDatabaseAsync()
    {
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), $"partnerhub-cold-{Guid.NewGuid():N}.db")}");
        var collection = new ServiceCollection().AddLogging();
        collection.AddPartnerHub(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), settings);
        await using var services = collection.BuildServiceProvider();
        await Startup.PrepareAsync(services, loadDemo: false);
        return settings;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
