using System.Text.Json;
using System.Text.Json.Serialization;
using PartnerHub.App;
using PartnerHub.App.Persistence;
using PartnerHub.Web.Common;
using PartnerHub.Web.Deals;
using PartnerHub.Web.Facts;
using PartnerHub.Web.Health;
using PartnerHub.Web.Identity;
using PartnerHub.Web.Ledger;
using PartnerHub.Web.Partners;
using PartnerHub.Web.Programs;
using PartnerHub.Web.Revenue;
using PartnerHub.Web.Standing;
using PartnerHub.Web.Relationships;
using Scalar.AspNetCore;

namespace PartnerHub.Web;

/// <summary>Builds the PartnerHub web application: the HTTP API, the server-rendered UI, and their start-up.</summary>
public static class PartnerHubWeb
{
    /// <summary>The host's setting for reloading the configuration files when they change.</summary>
    private const string ReloadConfigOnChange = "hostBuilder:reloadConfigOnChange";

    public static WebApplication Build(string[] args)
    {
        // Named after this assembly whatever hosts it (the web project, `partnerhub serve`, a test), so its static assets are found.
        // Configuration is read once, at start (ADR 28): reloading appsettings.json on change watches the content root and
        // everything under it, data/partnerhub.db and its log included, so every SQLite write woke the watcher. Given
        // first, so the command line can still turn it back on.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [$"--{ReloadConfigOnChange}=false", .. args], ApplicationName = typeof(PartnerHubWeb).Assembly.GetName().Name,
        });
        builder.WebHost.UseStaticWebAssets();
        var database = DatabaseSettings.From(builder.Configuration);
        // Hosted services start in registration order, each StartAsync awaited: the start-up tasks migrate the database
        // and publish the seed program before the periodic jobs (deal expiry, commission release) first run.
        builder.Services.AddHostedService<StartupTasks>();
        builder.Services.AddPartnerHubJobs();
        builder.Services.AddSingleton(App.Webhooks.WebhookSettings.From(builder.Configuration, builder.Environment.IsProduction()));
        builder.AddPartnerHubAuth(builder.Services.AddPartnerHub(builder.Configuration, database));

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.Services.AddExceptionHandler<ScaleOut.DatabaseUnavailableHandler>(); // 503 while the database is away (ADR 17)
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            // An unknown field is refused, never silently dropped.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddRazorComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAntiforgery();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseActor();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("PartnerHub API")).AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapIdentityEndpoints();
        app.MapPartnerEndpoints();
        app.MapProgramEndpoints();
        app.MapDealEndpoints();
        app.MapLedgerEndpoints();
        app.MapFactEndpoints();
        app.MapStandingEndpoints();
        app.MapRevenueEndpoints();
        app.MapRelationshipEndpoints();
        Prospects.ProspectEndpoints.MapProspectEndpoints(app);
        Webhooks.WebhookEndpoints.MapWebhookEndpoints(app);
        Onboarding.OnboardingEndpoints.MapOnboardingEndpoints(app);
        Training.TrainingEndpoints.MapTrainingEndpoints(app);
        Marketing.MarketingEndpoints.MapMarketingEndpoints(app);
        Support.SupportEndpoints.MapSupportEndpoints(app);
        app.MapRazorComponents<Components.App>();

        return app;
    }
}
