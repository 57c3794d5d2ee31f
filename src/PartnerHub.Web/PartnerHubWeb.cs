using System.Text.Json;
using System.Text.Json.Serialization;
using PartnerHub.App;
using PartnerHub.App.Persistence;
using PartnerHub.Web.Common;
using PartnerHub.Web.Facts;
using PartnerHub.Web.Health;
using PartnerHub.Web.Identity;
using PartnerHub.Web.Partners;
using PartnerHub.Web.Standing;
using Scalar.AspNetCore;

namespace PartnerHub.Web;

/// <summary>Builds the PartnerHub web application: the HTTP API, the server-rendered UI, and their start-up.</summary>
public static class PartnerHubWeb
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var database = DatabaseSettings.From(builder.Configuration);
        builder.Services.AddPartnerHubData(database).AddPartnerHubUseCases();
        builder.Services.AddHostedService<StartupTasks>();
        builder.AddPartnerHubAuth();

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestHandler>();
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
        app.MapFactEndpoints();
        app.MapStandingEndpoints();
        app.MapRazorComponents<Components.App>();

        return app;
    }
}
