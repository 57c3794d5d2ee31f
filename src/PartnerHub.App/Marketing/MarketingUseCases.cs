using Microsoft.Extensions.DependencyInjection;

namespace PartnerHub.App.Marketing;

public static class MarketingUseCases
{
    /// <summary>Enablement marketing: the collateral library and co-marketing activities with market development funds.</summary>
    public static IServiceCollection AddMarketingUseCases(this IServiceCollection services) => services
        .AddScoped<PartnerMarketingStandings>()
        .AddScoped<MdfBooks>()
        .AddScoped<AddCollateral>()
        .AddScoped<AddCollateralVersion>()
        .AddScoped<ListCollateral>()
        .AddScoped<DownloadCollateral>()
        .AddScoped<GetMdfBudget>()
        .AddScoped<RequestMdfActivity>()
        .AddScoped<DecideMdfActivity>()
        .AddScoped<ClaimMdfActivity>()
        .AddScoped<DecideMdfClaim>()
        .AddScoped<ListMdfActivities>()
        .AddScoped<GetMdfActivity>()
        .AddScoped<GetMdfProof>();
}
