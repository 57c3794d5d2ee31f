using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Audit;
using PartnerHub.App.Demo;
using PartnerHub.App.Facts;
using PartnerHub.App.Partners;
using PartnerHub.App.Programs;
using PartnerHub.App.Standing;

namespace PartnerHub.App;

public static class UseCases
{
    /// <summary>Registers every use case; each is a plain class resolved per scope (request or command).</summary>
    public static IServiceCollection AddPartnerHubUseCases(this IServiceCollection services) => services
        .AddScoped<ProgramStore>()
        .AddScoped<PublishProgram>()
        .AddScoped<ListPartners>()
        .AddScoped<GetPartner>()
        .AddScoped<CountPartners>()
        .AddScoped<SavePartner>()
        .AddScoped<ImportPartners>()
        .AddScoped<ExportPartners>()
        .AddScoped<GetAuditTrail>()
        .AddScoped<DemoData>()
        .AddSingleton<ProgramFactsCache>()
        .AddScoped<FactStore>()
        .AddScoped<ImportFacts>()
        .AddScoped<ListFacts>()
        .AddScoped<GetStanding>()
        .AddScoped<GetProgramOverview>();
}
