using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Relationships;

namespace PartnerHub.App.Relationships;

/// <summary>One health alert: <c>Kind</c> low-health or target-missed (with the <c>Metric</c> and the reviews it was missed at).</summary>
public sealed record HealthAlertItem(Guid PartnerId, string PartnerName, string Kind, string? Metric, decimal? HealthScore, IReadOnlyList<DateOnly> Reviews, string Explanation);

/// <summary>The alerts on a date, with the program's thresholds that decided them.</summary>
public sealed record HealthAlertList(string ProgramVersion, DateOnly AsOf, decimal HealthAlertBelow, int MissedReviewsInARow, IReadOnlyList<HealthAlertItem> Items);

/// <summary>
/// Every active partner whose health is below the program's threshold or who missed a tier success target at its last
/// reviews in a row (<see cref="HealthAlerts"/>), on any date, with the version in force then. Churned, terminated and
/// not-yet-launched partners are left out: they are not managed for health.
/// </summary>
public sealed class ListHealthAlerts(PartnerHubDb db, ProgramStore programs, FactStore facts)
{
    public async Task<HealthAlertList> HandleAsync(DateOnly? asOf, CancellationToken ct)
    {
        var date = asOf ?? programs.Today;
        var published = await programs.AtAsync(date, ct);
        var program = published.Program;
        var active = await ActivePartnersAsync(db, ct);
        var all = await facts.ForProgramAsync(program.Currency, ct);
        var items = all.Partners.Where(p => active.ContainsKey(p.PartnerId))
            .SelectMany(p => HealthAlerts.Check(program, published.Label, p, date))
            .Select(a => new HealthAlertItem(a.PartnerId.Value, active[a.PartnerId], a.Kind == AlertKind.LowHealth ? "low-health" : "target-missed",
                a.Metric?.ToString().ToLowerInvariant(), a.HealthScore, a.Reviews, a.Explanation))
            .OrderBy(a => a.HealthScore ?? decimal.MaxValue).ThenBy(a => a.PartnerName, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Kind, StringComparer.Ordinal)
            .ToList();
        return new HealthAlertList(published.Label, date, program.Relationship.HealthAlertBelow, program.Relationship.MissedReviewsInARow, items);
    }

    /// <summary>Live partners in the active stage, by id, with their names.</summary>
    internal static async Task<Dictionary<PartnerId, string>> ActivePartnersAsync(PartnerHubDb db, CancellationToken ct) =>
        await db.Partners.AsNoTracking().Where(p => p.Stage == LifecycleStage.Active && p.ArchivedAt == null).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
}
