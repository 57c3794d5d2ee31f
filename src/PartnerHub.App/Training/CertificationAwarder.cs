using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Training;

/// <summary>
/// Runs <see cref="AwardCertification"/> for a partner in its own scope acting as the system: the partner user who passed
/// the exam earns the certification, but the award, its fee and its ledger posting are the vendor's to write.
/// </summary>
public sealed class CertificationAwarder(IServiceScopeFactory scopes)
{
    public async Task<CertificateView?> AwardIfEligibleAsync(PartnerId partner, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PartnerHubDb>().Actor.ActAs("system", "certification-award");
        var result = await scope.ServiceProvider.GetRequiredService<AwardCertification>().HandleAsync(partner, ct);
        // A refusal here (the program changed under us) leaves the facts recorded; the next check awards.
        return result.IsSuccess ? result.Value : null;
    }
}
