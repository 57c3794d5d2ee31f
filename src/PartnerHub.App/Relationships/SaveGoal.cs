using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Common;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Relationships;

namespace PartnerHub.App.Relationships;

/// <summary>
/// Adds and changes relationship-plan goals: vendor staff only. A change must name the version it read; a stale one is
/// refused. A goal may link only a KPI the program in force defines.
/// </summary>
public sealed class SaveGoal(PartnerHubDb db, ProgramStore programs)
{
    public async Task<Result<GoalView>> CreateAsync(PartnerId partner, GoalDetails details, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "edit relationship plans") is { } denied) return denied;
        if (!await db.Partners.AnyAsync(p => p.Id == partner, ct)) return PartnerErrors.NotFound(partner);
        var valid = details.Validate(await KpiKeysAsync(ct));
        if (!valid.IsSuccess) return valid.Error;
        var goal = RelationshipGoal.Create(partner, valid.Value, db.Clock.GetUtcNow());
        db.Add(goal);
        await db.SaveChangesAsync(ct);
        return GoalView.From(goal);
    }

    public async Task<Result<GoalView>> UpdateAsync(PartnerId partner, GoalId id, GoalDetails details, int expectedVersion, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "edit relationship plans") is { } denied) return denied;
        var goal = await db.Set<RelationshipGoal>().FirstOrDefaultAsync(g => g.Id == id && g.PartnerId == partner, ct);
        if (goal is null) return RelationshipErrors.GoalNotFound(id);
        var valid = details.Validate(await KpiKeysAsync(ct));
        if (!valid.IsSuccess) return valid.Error;
        var updated = goal.Update(valid.Value, expectedVersion, db.Clock.GetUtcNow());
        if (!updated.IsSuccess) return updated.Error;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the same answer as a stale If-Match.
            return RelationshipErrors.StaleGoal(id, expectedVersion, expectedVersion + 1);
        }

        return GoalView.From(goal);
    }

    /// <summary>One goal of the partner; a partner user reaches only its own partner's (the scope filter).</summary>
    public async Task<Result<GoalView>> GetAsync(PartnerId partner, GoalId id, CancellationToken ct)
    {
        var goal = await db.Set<RelationshipGoal>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == id && g.PartnerId == partner, ct);
        return goal is null ? RelationshipErrors.GoalNotFound(id) : GoalView.From(goal);
    }

    private async Task<IReadOnlyCollection<string>> KpiKeysAsync(CancellationToken ct) =>
        (await programs.CurrentAsync(ct)).Program.Kpis.Select(k => k.Key).ToList();
}
