using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PartnerHub.App;
using PartnerHub.App.Identity;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.Tests.Infrastructure;

/// <summary>
/// The App's use cases, registered exactly as the hosts register them, on a fresh real database with a controllable
/// clock and no web host. Each call runs in its own scope, like a request; <see cref="Second"/> opens another
/// "process" (its own singletons, such as the conflict index) on the same database.
/// </summary>
public sealed class AppHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _ownsDatabase;

    private AppHarness(DatabaseSettings database, FakeTimeProvider clock, bool ownsDatabase, IReadOnlyDictionary<string, string?>? settings = null)
    {
        (Database, Clock, _ownsDatabase) = (database, clock, ownsDatabase);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddPartnerHub(configuration, database);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public DatabaseSettings Database { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>A fresh database, prepared the way every host prepares it (the seed program published, roles created); <paramref name="settings"/> as configuration.</summary>
    public static async Task<AppHarness> CreateAsync(DatabaseProvider provider, DateTimeOffset? start = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new AppHarness(await TestDatabases.CreateAsync(provider), new FakeTimeProvider(start ?? TestApp.Start), ownsDatabase: true, settings);
        await Startup.PrepareAsync(app.Services, loadDemo: false);
        return app;
    }

    /// <summary>Another process on the same database and clock: separate singletons, shared data.</summary>
    public AppHarness Second() => new(Database, Clock, ownsDatabase: false);

    /// <summary>A scope acting as the system, or as whoever <paramref name="actAs"/> makes the actor.</summary>
    public AsyncServiceScope Scope(Action<Actor>? actAs = null)
    {
        var scope = _services.CreateAsyncScope();
        actAs?.Invoke(scope.ServiceProvider.GetRequiredService<Actor>());
        return scope;
    }

    /// <summary>Runs one use case in a scope of its own.</summary>
    public async Task<TResult> Run<TUseCase, TResult>(Func<TUseCase, Task<TResult>> call, Action<Actor>? actAs = null) where TUseCase : notnull
    {
        await using var scope = Scope(actAs);
        return await call(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    public PartnerHubDb Open(Action<Actor>? actAs = null)
    {
        var actor = new Actor();
        actAs?.Invoke(actor);
        return TestDatabases.Open(Database, actor, Clock);
    }

    public async Task<PartnerId> PartnerAsync(string? name = null)
    {
        var created = await Run<SavePartner, Result<PartnerView>>(s => s.CreateAsync(Build.Partner(name), CancellationToken.None));
        return new PartnerId(created.Value.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (!_ownsDatabase) return;
        await TestDatabases.DropAsync(Database); // be kind to a shared development server
    }
}

/// <summary>Who acts, for <see cref="AppHarness.Scope"/>.</summary>
public static class As
{
    public static Action<Actor> Manager { get; } = a => a.ActAsUser(Guid.NewGuid(), "manager@vendor.example", null, "test");

    public static Action<Actor> PartnerUser(PartnerId partner, string email = "u@x.com") => a => a.ActAsUser(Guid.NewGuid(), email, partner, "test");
}
