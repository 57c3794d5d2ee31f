using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartnerHub.App.Persistence;
using PartnerHub.App.ScaleOut;

namespace PartnerHub.App.Identity;

public static class IdentitySetup
{
    /// <summary>ASP.NET Core Identity on PartnerHub's database, with the ASVS password and lockout rules. Web adds cookies on top.</summary>
    public static IdentityBuilder AddPartnerHubIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(configuration);
        services.AddDatabaseDataProtection(configuration); // token providers and cookies need it; keys in the database, shared by every instance and the CLI
        services.AddScoped<SecurityAudit>().AddScoped<CreateUser>().AddScoped<InviteUser>().AddScoped<AcceptInvitation>()
            .AddScoped<ManageUsers>().AddScoped<ManageApiKeys>()
            .AddSingleton<ApiKeyCache>(); // authenticated keys for a few seconds; revoking evicts (ADR 20)
        if (string.IsNullOrEmpty(configuration["Smtp:Host"])) services.AddSingleton<IMailSender, LoggingMailSender>();
        else services.AddSingleton<IMailSender, SmtpMailSender>();

        return services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = CommonPasswordValidator.MinLength;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<PartnerHubDb>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();
    }

    /// <summary>The five roles exist in every database.</summary>
    public static async Task EnsureRolesAsync(RoleManager<AppRole> roles)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new AppRole(role));
    }
}
