using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PartnerHub.App.Insight;

/// <summary>Checks every hour whether a week or month has ended whose digest a manager has not had yet (<see cref="SendDigests"/>).</summary>
public sealed class DigestService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DigestService> log) : PeriodicJob(scopes, clock, log)
{
    public override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string Operation => "digests.send";

    protected override async Task<(int Changed, string? Refusal)> RunAsync(IServiceProvider services, CancellationToken ct) =>
        (await services.GetRequiredService<SendDigests>().HandleAsync(ct), null);
}
