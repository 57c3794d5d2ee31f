using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Commissions;
using PartnerHub.App.Common;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Revenue;

/// <summary>Which revenue events to list: unattributed only, one partner's, a page.</summary>
public sealed record RevenueEventQuery(bool? Unattributed = null, PartnerId? Partner = null, int Page = 1, int PageSize = 50);

/// <summary>
/// Revenue events, most recently received first; unattributed ones (the manual-attribution queue) on request. Vendor
/// staff only: the events of every partner and the unattributed ones are in here.
/// </summary>
public sealed class ListRevenueEvents(PartnerHubDb db)
{
    public async Task<Result<Page<RevenueEventView>>> HandleAsync(RevenueEventQuery query, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "list revenue events") is { } denied) return denied;
        var errors = new FieldErrors();
        if (query.Page < 1) errors.Add("page", "Pages count from 1.");
        if (query.PageSize is < 1 or > 500) errors.Add("pageSize", "Between 1 and 500.");
        if (errors.Any) return errors.ToError();

        var events = db.Set<RevenueEventRecord>().AsNoTracking();
        if (query.Unattributed == true) events = events.Where(e => e.PartnerId == null);
        else if (query.Unattributed == false) events = events.Where(e => e.PartnerId != null);
        if (query.Partner is { } partner) events = events.Where(e => e.PartnerId == partner);
        var total = await events.CountAsync(ct);
        var page = await events.OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new Page<RevenueEventView>(page.Select(RevenueEventView.From).ToList(), query.Page, query.PageSize, total);
    }
}

/// <summary>One revenue event with the ledger transactions it caused (accruals, or clawbacks for a refund).</summary>
public sealed class GetRevenueEvent(PartnerHubDb db, AccrueCommissions accrue)
{
    public async Task<Result<RevenueEventReceipt>> HandleAsync(long id, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "read revenue events") is { } denied) return denied;
        var e = await db.Set<RevenueEventRecord>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return Error.NotFound("Revenue event", id);
        var notes = e.PartnerId is null && e.AttributionNote is { } note ? new[] { note } : [];
        return new RevenueEventReceipt(RevenueEventView.From(e), await accrue.LinesOfAsync(e, ct), notes);
    }
}

/// <summary>
/// Attributes an unattributed event to a partner by hand, once, and posts what it earns (or claws back). A second
/// attribution, even at the same moment from elsewhere, is refused: the update only applies while no partner is set.
/// </summary>
public sealed class AttributeRevenueEvent(PartnerHubDb db, AccrueCommissions accrue)
{
    public async Task<Result<RevenueEventReceipt>> HandleAsync(long id, string? partnerReference, string? note, CancellationToken ct)
    {
        if (Access.VendorOnly(db.Actor, "attribute revenue events") is { } denied) return denied;
        var errors = new FieldErrors();
        var reference = Text.Line(errors, "partner", partnerReference, 253, required: true);
        var why = Text.Line(errors, "note", note, 500);
        if (errors.Any) return errors.ToError();

        var e = await db.Set<RevenueEventRecord>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return Error.NotFound("Revenue event", id);
        if (e.PartnerId is not null) return AlreadyAttributed(id);
        var partner = await PartnerAsync(reference!, ct);
        if (partner is null) return Error.Validation("partner", $"No partner with the id, external id or domain '{reference}'.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = db.Clock.GetUtcNow();
        var text = $"Attributed by hand by {db.Actor.Name}{(why is null ? "" : $": {why}")}.";
        var changed = await db.Set<RevenueEventRecord>().Where(x => x.Id == id && x.PartnerId == null).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.PartnerId, partner)
            .SetProperty(x => x.Attribution, "manual")
            .SetProperty(x => x.AttributionNote, text)
            .SetProperty(x => x.AttributedAt, now)
            .SetProperty(x => x.AttributedBy, db.Actor.Name), ct);
        if (changed == 0)
        {
            await transaction.RollbackAsync(ct);
            return AlreadyAttributed(id);
        }

        var attributed = await db.Set<RevenueEventRecord>().AsNoTracking().FirstAsync(x => x.Id == id, ct);
        var notes = new List<string>();
        if (attributed.Kind is Core.Facts.RevenueKind.Refund or Core.Facts.RevenueKind.Chargeback && attributed.OriginalExternalId is null
            && await RecordRevenueEvent.LatestPaymentAsync(db, partner.Value, attributed.CustomerRef, attributed.OccurredOn, ct) is { } latest)
        {
            await db.Set<RevenueEventRecord>().Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.OriginalExternalId, latest), ct);
            attributed.OriginalExternalId = latest;
            notes.Add($"It names no payment: it reverses the customer's latest payment with this partner, '{latest}'.");
        }

        var outcome = await accrue.HandleAsync(attributed, ct);
        if (!outcome.IsSuccess)
        {
            await transaction.RollbackAsync(ct);
            return outcome.Error;
        }

        db.AuditEntries.Add(new Audit.AuditEntry
        {
            At = now, Actor = db.Actor.Name, Operation = db.Actor.Operation, CorrelationId = db.Actor.CorrelationId, Entity = "revenue_event",
            EntityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture), Action = "attributed",
            Changes = [new Audit.FieldChange("partnerId", null, partner.Value.ToString()), new Audit.FieldChange("note", null, why)],
        });
        // The bulk update bypasses the change tracker, so the webhook outbox row is added here, in the same transaction.
        var attributedEvent = Webhooks.WebhookOutbox.Event(Webhooks.WebhookEventTypes.RevenueAttributed, Webhooks.WebhookOutbox.RevenueData(attributed), now);
        db.AddRange(attributedEvent, Webhooks.WebhookWaiting.For(attributedEvent));
        await db.SaveChangesAsync(ct);
        await FactWrites.BumpAsync(db, ct);
        await transaction.CommitAsync(ct);
        notes.AddRange(outcome.Value.Notes);
        return new RevenueEventReceipt(RevenueEventView.From(attributed), outcome.Value.Lines, notes);
    }

    private static Error AlreadyAttributed(long id) =>
        Error.Conflict("already_attributed", $"Revenue event {id} is already attributed; attribution is set once (correct it with a refund and a new event).");

    private async Task<PartnerId?> PartnerAsync(string reference, CancellationToken ct)
    {
        var partners = db.Partners.AsNoTracking();
        if (Guid.TryParse(reference, out var guid)) return await partners.Where(p => p.Id == new PartnerId(guid)).Select(p => (PartnerId?)p.Id).FirstOrDefaultAsync(ct);
        var byExternal = await partners.Where(p => p.ExternalId == reference && p.ArchivedAt == null).Select(p => (PartnerId?)p.Id).FirstOrDefaultAsync(ct);
        if (byExternal is not null) return byExternal;
        return WebDomain.Normalize(reference) is { IsSuccess: true } d
            ? await partners.Where(p => p.Domain == d.Value && p.ArchivedAt == null).Select(p => (PartnerId?)p.Id).FirstOrDefaultAsync(ct)
            : null;
    }
}
