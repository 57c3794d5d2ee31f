using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Identity;
using PartnerHub.App.Persistence;
using PartnerHub.App.Audit;
using PartnerHub.App.Commissions;
using PartnerHub.App.Deals;
using PartnerHub.App.Demo;
using PartnerHub.App.Ledger;
using PartnerHub.App.Onboarding;
using PartnerHub.App.Training;
using PartnerHub.App.Marketing;
using PartnerHub.App.Support;
using PartnerHub.App.Facts;
using PartnerHub.App.Partners;
using PartnerHub.App.Programs;
using PartnerHub.App.Prospects;
using PartnerHub.App.Revenue;
using PartnerHub.App.Standing;
using PartnerHub.App.Relationships;
using PartnerHub.App.Webhooks;

namespace PartnerHub.App;

public static class UseCases
{
    /// <summary>Everything PartnerHub needs outside a web host (the CLI, benchmarks): database, use cases, identity.</summary>
    public static IdentityBuilder AddPartnerHub(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        services.AddPartnerHubData(database).AddPartnerHubUseCases().AddWebhookSettings(configuration);
        return services.AddPartnerHubIdentity(configuration);
    }

    /// <summary>Registers every use case; each is a plain class resolved per scope (request or command).</summary>
    public static IServiceCollection AddPartnerHubUseCases(this IServiceCollection services) => services
        .AddScoped<ProgramStore>()
        .AddScoped<PublishProgram>()
        .AddScoped<SimulateProgram>()
        .AddScoped<ListPartners>()
        .AddScoped<GetPartner>()
        .AddScoped<CountPartners>()
        .AddScoped<SavePartner>()
        .AddScoped<ImportPartners>()
        .AddScoped<ExportPartners>()
        .AddScoped<GetAuditTrail>()
        .AddScoped<DemoData>()
        .AddScoped<DemoMoney>()
        .AddDealUseCases()
        .AddLedgerUseCases()
        .AddFactUseCases()
        .AddProspectUseCases()
        .AddOnboardingUseCases()
        .AddTrainingUseCases()
        .AddMarketingUseCases()
        .AddSupportUseCases()
        .AddRevenueUseCases()
        .AddRelationshipUseCases()
        .AddWebhookUseCases();

    private static IServiceCollection AddRevenueUseCases(this IServiceCollection services) => services
        .AddScoped<CommissionInputs>()
        .AddSingleton<CommittedHistories>() // partners' committed revenue histories, checked by count before each use
        .AddScoped<AccrueCommissions>()
        .AddScoped<ChargeCertificationFees>()
        .AddScoped<ProjectPayouts>()
        .AddScoped<ListCommissionActivity>()
        .AddScoped<RecordRevenueEvent>()
        .AddScoped<IngestRevenueEvent>()
        .AddSingleton<RevenueEventWriter>() // one group-commit queue per process
        .AddScoped<ImportRevenueEvents>()
        .AddScoped<ListRevenueEvents>()
        .AddScoped<GetRevenueEvent>()
        .AddScoped<AttributeRevenueEvent>()
        .AddScoped<SaveReferralCode>()
        .AddScoped<ListReferralCodes>();

    private static IServiceCollection AddDealUseCases(this IServiceCollection services) => services
        .AddSingleton<DealIdentityIndex>() // one warm conflict index per process, shared by every scope
        .AddScoped<DealSettingsSource>()
        .AddScoped<SaveCustomer>()
        .AddScoped<RegisterDeal>()
        .AddSingleton<DealRegistrationWriter>() // one group-commit queue per process
        .AddScoped<GetDeal>()
        .AddScoped<DescribeConflicts>()
        .AddScoped<ListDeals>()
        .AddScoped<ApproveDeal>()
        .AddScoped<RejectDeal>()
        .AddScoped<RequestDealExtension>()
        .AddScoped<GrantDealExtension>()
        .AddScoped<DenyDealExtension>()
        .AddScoped<MarkDealWon>()
        .AddScoped<MarkDealLost>()
        .AddScoped<ExpireDeals>()
        .AddScoped<OverdueDeals>()
        .AddScoped<ImportDeals>();

    private static IServiceCollection AddLedgerUseCases(this IServiceCollection services) => services
        .AddScoped<PostTransaction>()
        .AddScoped<GetPartnerBalance>()
        .AddScoped<ReleaseHeldCommissions>()
        .AddScoped<CloseStatements>()
        .AddScoped<GetStatement>()
        .AddScoped<ListStatements>()
        .AddScoped<CreatePayoutBatch>()
        .AddScoped<GetPayoutBatch>()
        .AddScoped<ListPayoutBatches>()
        .AddScoped<ExportPayoutBatch>()
        .AddScoped<MarkPayoutPaid>()
        .AddScoped<CancelPayoutBatch>();

    private static IServiceCollection AddFactUseCases(this IServiceCollection services) => services
        .AddSingleton<ProgramFactsCache>() // everyone's facts, reloaded when a fact write bumps the stamp
        .AddSingleton<KeptProgramCalendar>() // the program versions' effective dates, for a few seconds (ADR 23)
        .AddSingleton<KeptRevenueFacts>() // partners' revenue facts, checked by count and highest id before each use
        .AddScoped<FactStore>()
        .AddScoped<ImportFacts>()
        .AddScoped<ListFacts>()
        .AddScoped<GetStanding>()
        .AddScoped<GetProgramOverview>()
        .AddScoped<EvaluateProgram>()
        .AddScoped<GetRoadmapProgress>()
        .AddScoped<GetEcosystemMap>()
        .AddScoped<GetProgramCharts>()
        .AddScoped<WatchTiers>()
        .AddScoped<GetReports>()
        .AddScoped<Insight.BuildDigest>()
        .AddScoped<Insight.SendDigests>()
        .AddScoped<ListReviews>();
}
