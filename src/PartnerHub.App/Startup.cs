using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartnerHub.App.Demo;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;

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
        await scope.ServiceProvider.GetRequiredService<ProgramStore>().PublishSeedIfEmptyAsync(ct);
        await IdentitySetup.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>());
        await CreateConfiguredAdminAsync(scope.ServiceProvider, ct);
        if (loadDemo) await scope.ServiceProvider.GetRequiredService<DemoData>().LoadIfEmptyAsync(ct);
    }

    /// <summary>Admin:Email and Admin:Password create the first administrator, once, while there are no users.</summary>
    private static async Task CreateConfiguredAdminAsync(IServiceProvider services, CancellationToken ct)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if (configuration["Admin:Email"] is not { Length: > 0 } email) return;
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (await users.Users.AnyAsync(ct)) return;
        var created = await services.GetRequiredService<CreateUser>()
            .HandleAsync(new NewUser(email, "Administrator", Roles.ProgramAdmin, null, configuration["Admin:Password"]), ct);
        if (!created.IsSuccess)
            throw new InvalidOperationException($"Admin:Email is set but the administrator cannot be created: {created.Error.Message} {string.Join(" ", created.Error.Fields?.SelectMany(f => f.Value) ?? [])}");
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
        if (demo)
        {
            log.LogWarning("Demo mode: every demo user signs in with the password '{Password}'. Users: {Users}", DemoData.Password,
                string.Join(", ", DemoData.Users.Select(u => $"{u.Email} ({u.Role})")));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
