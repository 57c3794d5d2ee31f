using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Audit;
using PartnerHub.App.Common;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Relationships;

namespace PartnerHub.App.Relationships;

/// <summary>
/// One line of a partner's timeline. <c>Source</c>: activity (logged contact; <c>Kind</c> meeting, qbr, call, email,
/// note), audit (a recorded change; <c>Kind</c> created, stage, change, goal) or standing (<c>Kind</c> tier: a tier
/// move at a review, as the engine computes it).
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, string Source, string Kind, string Summary, string? Detail, string? By, IReadOnlyList<string> Participants);

/// <summary>
/// A partner's relationship timeline, newest first and paged: logged activities, the partner's audit trail (field
/// changes, stage moves with their reasons, plan goal changes) and the tier moves the engine computes at each past
/// review. Vendor staff only: activity notes are the vendor's own.
/// </summary>
public sealed class GetTimeline(PartnerHubDb db, ProgramStore programs, FactStore facts)
{
    public const int MaxPageSize = 200;

    public async Task<Result<Page<TimelineEntry>>> HandleAsync(PartnerId id, int page, int pageSize, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "read relationship timelines") is { } denied) return denied;
        var errors = new FieldErrors();
        if (page < 1) errors.Add("page", "Pages start at 1.");
        if (pageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"Between 1 and {MaxPageSize}.");
        if (errors.Any) return errors.ToError();
        if (!await db.Partners.AnyAsync(p => p.Id == id, ct)) return PartnerErrors.NotFound(id);

        var entries = new List<TimelineEntry>();
        entries.AddRange((await db.Set<RelationshipActivity>().AsNoTracking().Where(a => a.PartnerId == id).ToListAsync(ct)).Select(Activity));
        entries.AddRange((await AuditAsync(id, ct)).Select(Audit));
        entries.AddRange(await TierMovesAsync(id, ct));

        // Same instant: activities before audit before standing, then by text, so paging is stable.
        var ordered = entries.OrderByDescending(e => e.At).ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Summary, StringComparer.Ordinal).ToList();
        return new Page<TimelineEntry>(ordered.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, ordered.Count);
    }

    private async Task<List<AuditEntry>> AuditAsync(PartnerId id, CancellationToken ct)
    {
        var key = id.ToString();
        var goals = (await db.Set<RelationshipGoal>().AsNoTracking().Where(g => g.PartnerId == id).Select(g => g.Id).ToListAsync(ct)).Select(g => g.ToString()).ToList();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => (a.Entity == "partner" && a.EntityId == key) || (a.Entity == "relationship-goal" && goals.Contains(a.EntityId)))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Tier moves at past reviews, recomputed from the facts with the version in force today (ADR 10): one program for the
    /// whole history, so the moves read consistently; the Reviews page shows what a past version decided on its date.
    /// </summary>
    private async Task<List<TimelineEntry>> TierMovesAsync(PartnerId id, CancellationToken ct)
    {
        var today = programs.Today;
        var published = await programs.AtAsync(today, ct);
        var partnerFacts = await facts.ForPartnerAsync(id, published.Program.Currency, ct);
        if (!partnerFacts.IsSuccess) return []; // no partnership yet: no reviews, no tier moves
        var tiers = published.Program.Tiers.ToDictionary(t => t.Key, Core.Programs.Display.TierName);
        return TierHistory.Moves(published.Program, published.Label, partnerFacts.Value, today)
            .Select(m => new TimelineEntry(new DateTimeOffset(m.On.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), "standing", "tier",
                $"Tier {tiers[m.From]} → {tiers[m.To]} at the review on {Core.Programs.Display.Date(m.On)}", m.Explanation, $"program {published.Label}", []))
            .ToList();
    }

    private static TimelineEntry Activity(RelationshipActivity a) =>
        new(a.OccurredAt, "activity", a.Kind.Key(), a.Outcome is null ? $"{Title(a.Kind)} by {a.Who}" : $"{Title(a.Kind)} by {a.Who}: {a.Outcome}",
            a.Notes, a.LoggedBy, a.Participants);

    private static TimelineEntry Audit(AuditEntry e)
    {
        var stage = e.Changes.FirstOrDefault(c => c.Field == "stage");
        var reason = e.Changes.FirstOrDefault(c => c.Field == "stageReason")?.After;
        var details = string.Join("; ", e.Changes.Where(c => c.Field is not ("stage" or "stageReason")).Select(c => $"{c.Field}: {c.Before ?? "—"} → {c.After ?? "—"}"));
        if (e.Entity == "relationship-goal")
        {
            var title = e.Changes.FirstOrDefault(c => c.Field == "title")?.After;
            return new(e.At, "audit", "goal", $"Plan goal {e.Action}{(title is null ? "" : $": {title}")}", details.Length == 0 ? null : details, e.Actor, []);
        }

        if (e.Action == "created") return new(e.At, "audit", "created", $"Partner created in stage {stage?.After ?? "—"}", null, e.Actor, []);
        if (stage is not null)
            return new(e.At, "audit", "stage", $"Stage {stage.Before} → {stage.After}{(reason is null ? "" : $": {reason}")}", details.Length == 0 ? null : details, e.Actor, []);
        return new(e.At, "audit", "change", $"Partner {e.Action}: {string.Join(", ", e.Changes.Select(c => c.Field))}", details, e.Actor, []);
    }

    private static string Title(ActivityKind kind) => kind switch
    {
        ActivityKind.Qbr => "QBR",
        _ => kind.ToString(),
    };
}
