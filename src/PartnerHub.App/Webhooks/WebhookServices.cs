using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PartnerHub.App.Webhooks;

public static class WebhookServices
{
    /// <summary>
    /// The settings, unless the host registered its own first (the web host does, knowing whether it runs in
    /// production, where https is required by default).
    /// </summary>
    public static IServiceCollection AddWebhookSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => WebhookSettings.From(configuration, production: false));
        return services;
    }

    internal static IServiceCollection AddWebhookUseCases(this IServiceCollection services) => services
        .AddSingleton<WebhookHttp>() // one connection pool per process
        .AddScoped<ManageWebhooks>()
        .AddScoped<DeliverWebhooks>()
        .AddScoped<PruneWebhooks>();
}
