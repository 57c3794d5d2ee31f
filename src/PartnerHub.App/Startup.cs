using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartnerHub.App.Demo;
using PartnerHub.App.Persistence;

namespace PartnerHub.App;

/// <summary>What runs before PartnerHub serves anything: migrations, the seed program, and demo data when asked.</summary>
public static class Startup
{
    public static async Task PrepareAsync(IServiceProvider services, bool loadDemo, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerHubDb>();
        db.Actor.ActAs("system", "startup");
        await db.MigrateAsync(ct);
        if (loadDemo) await scope.ServiceProvider.GetRequiredService<DemoData>().LoadIfEmptyAsync(ct);
    }
}

/// <summary>
/// Prepares the database when the web host starts, before the server takes requests. Demo data loads in Development
/// or when asked (Demo:Load=true, `serve --demo`), never otherwise.
/// </summary>
public sealed class StartupTasks(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger<StartupTasks> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<DatabaseSettings>().Describe();
        log.LogInformation("PartnerHub data: {Database}", database);
        var demo = configuration.GetValue<bool?>("Demo:Load") ?? environment.IsDevelopment();
        await Startup.PrepareAsync(services, demo, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
