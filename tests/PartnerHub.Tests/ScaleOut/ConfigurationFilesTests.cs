using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.ScaleOut;

/// <summary>
/// The web host reads its configuration files once, at start (ADR 28): watching them for changes watches the whole
/// content root, where SQLite's database and log are written.
/// </summary>
public sealed class ConfigurationFilesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void The_configuration_files_are_read_at_start_and_not_watched()
    {
        var files = ((IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>()).Providers.OfType<FileConfigurationProvider>().ToList();
        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched for changes"));
    }
}
