using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Prospects;

namespace PartnerHub.App.Prospects;

/// <summary>
/// The identification phase's two lifecycle actions. Qualify moves a prospect (or a churned partner being won back) to
/// qualified only when its latest assessment, scored again under the program in force, passes its category's
/// threshold — or with an explicit override and a reason. Cool moves a qualified partner back to prospect, with a
/// reason. The reason lands in the partner's StageReason, so the audit trail shows who moved it and why.
/// </summary>
public sealed class QualifyPartner(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<PartnerView>> QualifyAsync(PartnerId id, bool overrideScore, string? reason, int version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var why = Text.Line(errors, "reason", reason, 1000, required: overrideScore);
        if (errors.Any) return overrideScore && string.IsNullOrWhiteSpace(reason) ? ProspectErrors.ReasonRequired("for overriding the score") : errors.ToError();
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return PartnerErrors.NotFound(id);
        if (partner.Version != version) return PartnerErrors.StaleVersion(id, version, partner.Version);
        if (partner.Stage == LifecycleStage.Qualified || !Lifecycle.CanMove(partner.Stage, LifecycleStage.Qualified))
            return PartnerErrors.StageNotAllowed(partner.Stage, LifecycleStage.Qualified);

        var published = await programs.CurrentAsync(ct);
        var latest = await db.Set<OpportunityAssessment>().AsNoTracking().Where(a => a.PartnerId == id).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        string verdict;
        if (latest is null) verdict = "not assessed";
        else if (published.Program.Qualification is not { } policy) return ProspectErrors.NoQualificationCriteria(published.Label);
        else
        {
            var fit = FitScoring.Score(policy, partner.Category, latest.Scores);
            if (!fit.IsSuccess)
                return Error.Validation("override", $"The program's qualification criteria changed since the latest assessment ({latest.ProgramVersion}); assess the partner again.");
            if (!fit.Value.Passes && !overrideScore) return ProspectErrors.BelowThreshold(fit.Value);
            verdict = fit.Value.Explanation;
        }

        if (latest is null && !overrideScore) return ProspectErrors.NotAssessed();
        var stageReason = overrideScore ? $"Qualified by override: {why} (assessment: {verdict})" : why is null ? $"Qualified: {verdict}" : $"Qualified: {why} ({verdict})";
        return await MoveAsync(partner, LifecycleStage.Qualified, Shorten(stageReason), ct);
    }

    /// <summary>"Opportunity cooled": a qualified partner goes back to prospect, with the reason.</summary>
    public async Task<Result<PartnerView>> CoolAsync(PartnerId id, string? reason, int version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var why = Text.Line(errors, "reason", reason, 1000, required: true);
        if (errors.Any) return string.IsNullOrWhiteSpace(reason) ? ProspectErrors.ReasonRequired("why the opportunity cooled") : errors.ToError();
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return PartnerErrors.NotFound(id);
        if (partner.Version != version) return PartnerErrors.StaleVersion(id, version, partner.Version);
        return await MoveAsync(partner, LifecycleStage.Prospect, $"Opportunity cooled: {why}", ct);
    }

    private async Task<Result<PartnerView>> MoveAsync(Partner partner, LifecycleStage to, string reason, CancellationToken ct)
    {
        var moved = partner.MoveTo(to, reason, db.Clock.GetUtcNow());
        if (!moved.IsSuccess) return moved.Error;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PartnerErrors.StaleVersion(partner.Id, partner.Version - 1, partner.Version);
        }

        return PartnerView.From(partner);
    }

    private static string Shorten(string text) => text.Length <= 2000 ? text : string.Concat(text.AsSpan(0, 1997), "...");
}
