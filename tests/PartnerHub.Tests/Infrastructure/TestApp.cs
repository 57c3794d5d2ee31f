using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PartnerHub.App.Persistence;

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
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>A scope on the app's services, acting as the system, for arranging data and inspecting results.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp() : TestApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : TestApp(DatabaseProvider.Postgres);
