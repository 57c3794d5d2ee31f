using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnerHub.App.Facts;
using PartnerHub.App.Programs;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Training;

/// <summary>
/// Hourly: every partner the engine finds eligible for a level above the one it holds, or for the one it holds inside
/// its renewal window, goes through <see cref="AwardCertification"/> — so facts that arrive by import or from the CRM
/// award a certification as surely as an exam passed in the portal. The use case decides; this only picks candidates.
/// </summary>
public sealed class CertificationAwardService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CertificationAwardService> log)
    : PeriodicJob(scopes, clock, log)
{
    public override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string Operation => "certifications.award";

    protected override async Task<(int Changed, string? Refusal)> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var programs = services.GetRequiredService<ProgramStore>();
        var published = await programs.CurrentAsync(ct);
        var today = programs.Today;
        var all = await services.GetRequiredService<FactStore>().ForProgramAsync(published.Program.Currency, ct);
        var levels = published.Program.Certification.Levels;
        var candidates = Evaluator.EvaluateAll(published.Program, published.Label, all, today).Partners
            .Where(s => s.Active && s.CertificationEligible >= 0 && (s.CertificationEligible > s.CertificationHeld
                || (s.CertificationEligible == s.CertificationHeld && s.CertificationExpiresOn is { } expires
                    && expires.DayNumber - today.DayNumber <= levels[s.CertificationEligible].RenewalWindowDays)))
            .Select(s => s.PartnerId).ToList();

        var awarder = services.GetRequiredService<CertificationAwarder>();
        var awarded = 0;
        foreach (PartnerId partner in candidates)
            if (await awarder.AwardIfEligibleAsync(partner, ct) is not null) awarded++;
        return (awarded, null);
    }
}
