using Microsoft.Extensions.DependencyInjection;

namespace PartnerHub.App.Prospects;

public static class ProspectUseCases
{
    /// <summary>Phase 1, identification: prospect profiles, opportunity assessments, outreach, the matrix and the qualify action.</summary>
    public static IServiceCollection AddProspectUseCases(this IServiceCollection services) => services
        .AddScoped<GetProspect>()
        .AddScoped<SaveProspectProfile>()
        .AddScoped<AssessOpportunity>()
        .AddScoped<LogOutreach>()
        .AddScoped<QualifyPartner>()
        .AddScoped<ListProspects>()
        .AddScoped<GetOpportunityMatrix>()
        .AddScoped<GetOutreachPlan>();
}
