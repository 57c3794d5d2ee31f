using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Onboarding;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Onboarding;

/// <summary>The file uploaded as a step's evidence, for download. A partner user reaches only its own (scope filter).</summary>
public sealed class GetOnboardingEvidence(PartnerHubDb db)
{
    public sealed record File(string FileName, string ContentType, string Sha256, byte[] Content);

    public async Task<Result<File>> HandleAsync(PartnerId id, string key, CancellationToken ct)
    {
        var journey = await JourneyReader.Latest(db).AsNoTracking().FirstOrDefaultAsync(j => j.PartnerId == id, ct);
        if (journey is null) return OnboardingErrors.NotStarted(id);
        if (journey.Steps.FirstOrDefault(s => s.Key == key) is not { } step) return OnboardingErrors.UnknownStep(key, journey.Ordered.Select(s => s.Key));
        if (step.DocumentId is not { } documentId) return OnboardingErrors.NoEvidence(key);
        var document = await db.Set<OnboardingDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, ct);
        return document is null ? OnboardingErrors.NoEvidence(key) : new File(document.FileName, document.ContentType, document.Sha256, document.Content);
    }
}
