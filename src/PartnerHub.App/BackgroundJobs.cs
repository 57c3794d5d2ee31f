using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Deals;
using PartnerHub.App.Ledger;

namespace PartnerHub.App;

public static class BackgroundJobs
{
    /// <summary>
    /// The periodic jobs: deal expiry, the release of held commissions, webhook delivery and retention, the managers' digests, the tier watch and certification awards,
    /// and SQLite's checkpoints. For a host that runs them (the web host); add after the start-up tasks, which migrate the database before any job starts.
    /// </summary>
    public static IServiceCollection AddPartnerHubJobs(this IServiceCollection services) => services
        .AddSingleton<Persistence.WalCheckpointer>()
        .AddHostedService(sp => sp.GetRequiredService<Persistence.WalCheckpointer>())
        .AddHostedService<DealExpiryService>()
        .AddHostedService<CommissionReleaseService>()
        .AddHostedService<Webhooks.WebhookDeliveryService>()
        .AddHostedService<Webhooks.WebhookRetentionService>()
        .AddHostedService<Insight.DigestService>()
        .AddHostedService<Standing.TierWatchService>()
        .AddHostedService<Training.CertificationAwardService>();
}
