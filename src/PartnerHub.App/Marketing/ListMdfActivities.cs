using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Marketing;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Marketing;

/// <summary>Co-marketing activities, newest first: vendor staff see every partner's (filter by status or partner); a partner user its own.</summary>
public sealed class ListMdfActivities(PartnerHubDb db, MdfBooks books)
{
    public async Task<Result<IReadOnlyList<MdfActivityView>>> HandleAsync(string? status, PartnerId? partner, CancellationToken ct)
    {
        var query = db.Set<MdfActivity>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            var wanted = Enum.GetValues<MdfStatus>().Where(s => MdfActivity.Describe(s) == status.Trim()).ToList();
            if (wanted.Count == 0)
                return Error.Validation("status", $"'{status}' is not a status; use one of {string.Join(", ", Enum.GetValues<MdfStatus>().Select(MdfActivity.Describe))}.");
            var one = wanted[0];
            query = query.Where(a => a.Status == one);
        }

        if (partner is { } p) query = query.Where(a => a.PartnerId == p);
        var activities = await query.OrderByDescending(a => a.RequestedAt).Take(500).ToListAsync(ct);
        return await books.ViewsAsync(activities, ct);
    }
}

/// <summary>An activity with its views, for its page; a partner user reaches only its own (scope filter).</summary>
public sealed class GetMdfActivity(PartnerHubDb db, MdfBooks books)
{
    public async Task<Result<MdfActivityView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var activity = await db.Set<MdfActivity>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return activity is null ? MarketingErrors.ActivityNotFound(id) : (await books.ViewsAsync([activity], ct))[0];
    }
}

/// <summary>The proof-of-performance file of an activity's latest claim, for download.</summary>
public sealed class GetMdfProof(PartnerHubDb db)
{
    public async Task<Result<MarketingFile>> HandleAsync(Guid id, CancellationToken ct)
    {
        var activity = await db.Set<MdfActivity>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return MarketingErrors.ActivityNotFound(id);
        if (activity.ProofId is not { } proofId) return Error.NotFound("Proof of performance of activity", id);
        var proof = await db.Set<MdfProof>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == proofId, ct);
        return proof is null ? Error.NotFound("Proof of performance of activity", id) : new MarketingFile(proof.FileName, proof.ContentType, proof.Sha256, proof.Content);
    }
}
