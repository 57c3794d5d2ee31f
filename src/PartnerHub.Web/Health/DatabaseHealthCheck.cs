using Microsoft.Extensions.Diagnostics.HealthChecks;
using PartnerHub.App.Persistence;

namespace PartnerHub.Web.Health;

/// <summary>Healthy only when the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(PartnerHubDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{db.Provider} answers.")
            : HealthCheckResult.Unhealthy($"{db.Provider} does not answer.");
}
