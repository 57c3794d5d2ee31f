using Microsoft.Extensions.DependencyInjection;

namespace PartnerHub.App.Support;

public static class SupportUseCases
{
    /// <summary>Enablement, technical support: tickets with SLA clocks, the vendor's queue, escalation, rating and per-partner KPIs.</summary>
    public static IServiceCollection AddSupportUseCases(this IServiceCollection services) => services
        .AddScoped<OpenSupportTicket>()
        .AddScoped<ReplyToSupportTicket>()
        .AddScoped<AddSupportNote>()
        .AddScoped<EscalateSupportTicket>()
        .AddScoped<CloseSupportTicket>()
        .AddScoped<RateSupportTicket>()
        .AddScoped<GetSupportTicket>()
        .AddScoped<GetSupportQueue>()
        .AddScoped<GetSupportKpis>();
}
