using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Onboarding;

/// <summary>Every partner in onboarding with its progress, next open step and overdue steps; optionally only those with overdue steps.</summary>
public sealed class GetOnboardingBoard(PartnerHubDb db, ProgramStore programs)
{
    public sealed record Row(Guid PartnerId, string Partner, string Category, DateTimeOffset StartedAt, int Done, int Total,
        string? NextStep, string? NextTitle, string? NextOwner, DateOnly? NextDueOn, IReadOnlyList<string> OverdueSteps);

    public async Task<IReadOnlyList<Row>> HandleAsync(bool overdueOnly, string? category, CancellationToken ct)
    {
        var partners = await db.Partners.AsNoTracking().Where(p => p.Stage == LifecycleStage.Onboarding && p.ArchivedAt == null)
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var ids = partners.Select(p => p.Id).ToArray();
        var journeys = await JourneyReader.Latest(db).AsNoTracking().Where(j => ids.Contains(j.PartnerId) && j.LaunchedAt == null).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(category)) journeys = journeys.Where(j => j.Category == category.Trim()).ToList();
        var program = (await programs.CurrentAsync(ct)).Program;
        var facts = await JourneyReader.FactsAsync(db, journeys.Select(j => j.PartnerId).ToArray(), ct);
        var names = partners.ToDictionary(p => p.Id, p => p.Name);

        var rows = new List<Row>();
        foreach (var journey in journeys)
        {
            var view = JourneyReader.View(journey, names[journey.PartnerId], program, facts[journey.PartnerId], new Dictionary<Guid, OnboardingDocument>(), programs.Today, vendor: true);
            var next = view.Steps.FirstOrDefault(s => !s.Done);
            var overdue = view.Steps.Where(s => s.Overdue).Select(s => s.Key).ToList();
            if (overdueOnly && overdue.Count == 0) continue;
            rows.Add(new Row(view.PartnerId, view.Partner, view.Category, view.StartedAt, view.Done, view.Total, next?.Key, next?.Title, next?.Owner, next?.DueOn, overdue));
        }

        return rows.OrderByDescending(r => r.OverdueSteps.Count).ThenBy(r => r.NextDueOn).ThenBy(r => r.Partner, StringComparer.Ordinal).ToList();
    }
}
