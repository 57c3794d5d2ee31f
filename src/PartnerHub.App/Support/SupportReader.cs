using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Programs;
using PartnerHub.Core.Support;

namespace PartnerHub.App.Support;

/// <summary>Reads tickets into views, with their SLA clocks read as of now in the program's business calendar.</summary>
internal static class SupportReader
{
    public static SlaClockReading FirstResponse(SupportTicket t, BusinessCalendar calendar, DateTimeOffset now) =>
        SlaClockReading.Read(calendar, t.OpenedAt, t.FirstResponseAt, t.FirstResponseDueAt, t.FirstResponseHours, now);

    public static SlaClockReading Resolution(SupportTicket t, BusinessCalendar calendar, DateTimeOffset now) =>
        SlaClockReading.Read(calendar, t.OpenedAt, t.ClosedAt, t.ResolutionDueAt, t.ResolutionHours, now);

    public static TicketRow Row(SupportTicket t, string partnerName, BusinessCalendar calendar, DateTimeOffset now)
    {
        var first = SlaView.From(FirstResponse(t, calendar, now));
        var resolution = SlaView.From(Resolution(t, calendar, now));
        return new TicketRow(t.Id.Value, t.PartnerId.Value, partnerName, t.Subject, t.Level, t.Channel, t.Tier, t.Status.ToString().ToLowerInvariant(),
            t.OpenedAt, first, resolution, first.Breached || resolution.Breached, t.Rating);
    }

    public static async Task<TicketView> ViewAsync(PartnerHubDb db, SupportTicket t, PartnerProgram program, CancellationToken ct)
    {
        var name = await db.Partners.AsNoTracking().Where(p => p.Id == t.PartnerId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "";
        var messages = await db.Set<SupportTicketMessage>().AsNoTracking().Where(m => m.TicketId == t.Id).OrderBy(m => m.Id)
            .Select(m => new MessageView(m.FromVendor, m.Author, m.Text, m.At)).ToListAsync(ct);
        List<NoteView>? notes = null;
        if (db.Actor.PartnerScope is null)
            notes = await db.Set<SupportTicketNote>().AsNoTracking().Where(n => n.TicketId == t.Id).OrderBy(n => n.Id)
                .Select(n => new NoteView(n.Author, n.Text, n.At)).ToListAsync(ct);
        var support = program.Support;
        var tier = program.Tiers.FirstOrDefault(x => x.Key == t.Tier);
        var targets = tier is null ? "" : SupportRules.Targets(support, tier, t.Level, t.Channel).Explanation;
        var next = t.Status == TicketStatus.Closed ? null : SupportRules.NextLevel(support, t.Level) is { IsSuccess: true } n ? n.Value : (int?)null;
        return new TicketView(Row(t, name, support.BusinessHours, db.Clock.GetUtcNow()), t.Description,
            support.Levels.FirstOrDefault(l => l.Level == t.Level)?.Name ?? $"Level {t.Level}",
            support.Channels.FirstOrDefault(c => c.Name == t.Channel)?.Text ?? t.Channel, targets, support.BusinessHours.Describe(),
            t.OpenedBy, t.FirstResponseAt, t.ClosedAt, t.Escalations, next, t.RatingComment, t.RatedAt, t.Version, messages, notes);
    }

    /// <summary>The partner's tier to hold a ticket to: the one held on the standing, or the lowest tier when it has none yet.</summary>
    public static Tier TierOf(PartnerProgram program, string? held) => program.Tiers.FirstOrDefault(t => t.Key == held) ?? program.Tiers[^1];

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
