using Microsoft.AspNetCore.Hosting;
using PartnerHub.App.Persistence;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Identity;

/// <summary>An app started with Admin:Email and Admin:Password on an empty database.</summary>
public sealed class ConfiguredAdminApp() : TestApp(DatabaseProvider.Sqlite)
{
    public const string Email = "configured.admin@example.com";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Admin:Email", Email);
        builder.UseSetting("Admin:Password", Password);
    }
}

public sealed class FirstAdminTests(ConfiguredAdminApp app) : IClassFixture<ConfiguredAdminApp>
{
    [Fact]
    public async Task The_configured_administrator_exists_after_the_first_start_and_can_sign_in()
    {
        var client = await app.SignInAsync(ConfiguredAdminApp.Email, TestApp.Password);
        Assert.NotNull(client);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client!.GetAsync("/api/v1/api-keys")).StatusCode); // a ProgramAdmin's endpoint
    }
}
