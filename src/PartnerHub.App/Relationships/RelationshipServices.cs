using Microsoft.Extensions.DependencyInjection;

namespace PartnerHub.App.Relationships;

public static class RelationshipServices
{
    /// <summary>Phase 3 of the lifecycle: plans, timeline, alerts, expansion, churn and termination.</summary>
    public static IServiceCollection AddRelationshipUseCases(this IServiceCollection services) => services
        .AddScoped<GetRelationshipPlan>()
        .AddScoped<SaveGoal>()
        .AddScoped<LogActivity>()
        .AddScoped<GetTimeline>()
        .AddScoped<ListHealthAlerts>()
        .AddScoped<ListExpansionCandidates>()
        .AddScoped<PreviewPartnerExit>()
        .AddScoped<EndPartnership>();
}
