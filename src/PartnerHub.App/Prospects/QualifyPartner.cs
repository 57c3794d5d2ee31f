using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;
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
        var (passes, verdict, refusal) = Verdict(published.Program.Qualification, published.Label, partner.Category, latest);
        if (!passes && !overrideScore) return refusal;
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

    /// <summary>Whether the latest assessment, scored again under the program in force, passes; its explanation; and the refusal when it does not.</summary>
    private static (bool Passes, string Verdict, Error Refusal) Verdict(QualificationPolicy? policy, string program, string category, OpportunityAssessment? latest)
    {
        if (latest is null) return (false, "not assessed", ProspectErrors.NotAssessed());
        if (policy is null) return (false, $"fit {latest.FitScore} under {latest.ProgramVersion}", ProspectErrors.NoQualificationCriteria(program));
        var fit = FitScoring.Score(policy, category, latest.Scores);
        if (!fit.IsSuccess)
            return (false, $"fit {latest.FitScore} under {latest.ProgramVersion}, whose criteria have since changed",
                Error.Validation("override", $"The program's qualification criteria changed since the latest assessment ({latest.ProgramVersion}); assess the partner again."));
        return (fit.Value.Passes, fit.Value.Explanation, ProspectErrors.BelowThreshold(fit.Value));
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
