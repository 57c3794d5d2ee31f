using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PartnerHub.App.Facts;
using PartnerHub.App.Ledger;
using PartnerHub.App.Partners;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Webhooks;

/// <summary>
/// Turns the tracked changes of one save into outbox events, the way <see cref="Audit.AuditRecorder"/> turns them into
/// audit entries: called by the DbContext just before it saves, so the events commit or roll back with the change and
/// no write path can forget them.
/// </summary>
internal static class WebhookOutbox
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>
    /// The events of one save, each built when called: the save calls them after its rows are written, so that a key
    /// the database assigns (a revenue event's id) is in the body. What a change replaced (an original value) is read now.
    /// </summary>
    public static List<Func<WebhookEvent>> Collect(IReadOnlyList<PendingWrite> writes, DateTimeOffset now)
    {
        var events = new List<Func<WebhookEvent>>();
        void Add(string type, object data) => events.Add(() => Event(type, data, now));

        // Only a tracked entry can be modified; an untracked pending write is always a new row.
        foreach (var (entity, state, entry) in writes)
        {
            switch (entity)
            {
                case Partner p when state == EntityState.Added:
                    events.Add(() => PartnerEvent(WebhookEventTypes.PartnerCreated, p, now));
                    break;
                case Partner p when state == EntityState.Modified && Changed(entry!, nameof(Partner.Version)):
                    events.Add(() => PartnerEvent(WebhookEventTypes.PartnerChanged, p, now));
                    if (Changed(entry!, nameof(Partner.Stage)))
                        Add(WebhookEventTypes.PartnerStageChanged, new { from = ((LifecycleStage)entry!.Property(nameof(Partner.Stage)).OriginalValue!).Key(), partner = PartnerView.From(p) });
                    break;
                case DealRegistration d when state == EntityState.Added:
                    Add(WebhookEventTypes.DealRegistered, DealData(d));
                    break;
                case DealRegistration d when state == EntityState.Modified && Changed(entry!, nameof(DealRegistration.Status))
                                             && d.Status is DealStatus.Approved or DealStatus.Rejected:
                    Add(WebhookEventTypes.DealDecided, DealData(d));
                    break;
                case RevenueEventRecord r when r.PartnerId is not null
                                               && (state == EntityState.Added || (state == EntityState.Modified && Changed(entry!, nameof(RevenueEventRecord.PartnerId)))):
                    events.Add(() => Event(WebhookEventTypes.RevenueAttributed, RevenueData(r), now)); // a new event's id is known once written
                    break;
                case StatementRecord s when state == EntityState.Added:
                    Add(WebhookEventTypes.StatementClosed, new
                    {
                        id = s.Id.Value, partnerId = s.PartnerId.Value, s.Period, currency = s.Currency.Code, s.Sequence, s.ClosingHeldMinor, s.ClosingPayableMinor,
                        s.ClosingReceivableMinor, s.LineCount, s.IssuedAt,
                    });
                    break;
                case PayoutBatch b when state == EntityState.Modified && Changed(entry!, nameof(PayoutBatch.Status)) && b.Status == PayoutBatchStatus.Paid:
                    Add(WebhookEventTypes.PayoutPaid, new
                    {
                        id = b.Id.Value, currency = b.Currency.Code, b.AsOf, b.TotalMinor, b.LineCount, b.PaidAt, b.PaidOn, b.ExternalReference,
                    });
                    break;
                case Standing.TierHolding t when state == EntityState.Modified && Changed(entry!, nameof(Standing.TierHolding.Tier)):
                    Add(WebhookEventTypes.TierChanged, new
                    {
                        partnerId = t.PartnerId.Value, from = (string)entry!.Property(nameof(Standing.TierHolding.Tier)).OriginalValue!, to = t.Tier, on = t.Since,
                        programVersion = t.ProgramVersion, explanation = t.Explanation,
                    });
                    break;
                case Training.Certificate c when c.Status == Training.CertificateStatus.Awarded
                                                 && (state == EntityState.Added || (state == EntityState.Modified && Changed(entry!, nameof(Training.Certificate.Status)))):
                    Add(WebhookEventTypes.CertificationAwarded, new
                    {
                        id = c.Id, partnerId = c.PartnerId.Value, level = c.Level, c.AwardedOn, c.ExpiresOn, c.ProgramVersion, verifyPath = $"/verify/{c.Id}",
                    });
                    break;
            }
        }

        return events;
    }

    /// <summary>One outbox row: the exact body every subscriber receives.</summary>
    public static WebhookEvent Event(string type, object data, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), Type = type, OccurredAt = now,
        Payload = JsonSerializer.Serialize(new { type, timestamp = now, data }, Json),
    };

    /// <summary>
    /// The same body as <see cref="Event"/> for a partner's view, through the source-generated serializer: one is written
    /// per imported partner. <see cref="PartnerView"/> holds no enums, so the enum converter of <see cref="Json"/> has nothing to change.
    /// </summary>
    private static WebhookEvent PartnerEvent(string type, Partner partner, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), Type = type, OccurredAt = now,
        Payload = JsonSerializer.Serialize(new WebhookBody<PartnerView>(type, now, PartnerView.From(partner)), GeneratedJson.Default.WebhookBodyPartnerView),
    };

    /// <summary>An attributed revenue event's public view; also used by manual attribution, which updates in bulk past the change tracker.</summary>
    public static object RevenueData(RevenueEventRecord r) => new
    {
        id = r.Id, r.ExternalId, partnerId = r.PartnerId?.Value, kind = r.Kind.ToString().ToLowerInvariant(), r.OccurredOn, r.AmountMinor, r.Currency,
        r.CustomerRef, r.DealRegistrationId, r.Attribution, r.AttributionNote, r.AttributedAt,
    };

    private static bool Changed(EntityEntry entry, string property)
    {
        var p = entry.Property(property);
        return p.IsModified && !Equals(p.OriginalValue, p.CurrentValue);
    }

    private static object DealData(DealRegistration d) => new
    {
        id = d.Id.Value, partnerId = d.PartnerId.Value, d.ExternalId, d.CustomerName, customerDomain = d.CustomerHost, d.Product,
        estimatedValue = new { minor = d.EstimatedValue.Minor, currency = d.EstimatedValue.Currency.Code }, d.ExpectedCloseOn,
        status = d.Status.Key(), d.SubmittedAt, d.ProtectedUntil, d.DecidedAt, d.DecidedBy, d.DecisionReason, d.Version,
    };
}
