using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartnerHub.App;
using PartnerHub.App.Deals;
using PartnerHub.App.Ledger;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Api;

/// <summary>The web host runs the periodic jobs, and only after the start-up tasks that migrate the database.</summary>
public sealed class HostTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void The_jobs_start_after_the_start_up_tasks()
    {
        // Hosted services start one after another in registration order, each StartAsync awaited.
        var hosted = app.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();
        var startup = hosted.IndexOf(typeof(StartupTasks));
        Assert.True(startup >= 0);
        Assert.True(hosted.IndexOf(typeof(DealExpiryService)) > startup);
        Assert.True(hosted.IndexOf(typeof(CommissionReleaseService)) > startup);
    }
}
