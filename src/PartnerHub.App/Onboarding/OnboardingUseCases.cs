using Microsoft.Extensions.DependencyInjection;

namespace PartnerHub.App.Onboarding;

public static class OnboardingUseCases
{
    /// <summary>Phase 2, onboarding journeys: start, read, complete steps with evidence, the board and the time-to-launch KPI.</summary>
    public static IServiceCollection AddOnboardingUseCases(this IServiceCollection services) => services
        .AddScoped<StartOnboarding>()
        .AddScoped<GetOnboarding>()
        .AddScoped<CompleteOnboardingStep>()
        .AddScoped<GetOnboardingEvidence>()
        .AddScoped<GetOnboardingBoard>()
        .AddScoped<GetOnboardingMetrics>();
}
