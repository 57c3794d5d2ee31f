using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Commissions;
using PartnerHub.App.Deals;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Deals;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Revenue;

/// <summary>A revenue event as the API, console and CLI show it.</summary>
public sealed record RevenueEventView(
    long Id, string ExternalId, string Kind, DateOnly OccurredOn, long AmountMinor, string Amount, string Currency, string? Customer,
    string? CustomerDomain, string? ReferralCode, Guid? DealRegistrationId, string? Refunds, Guid? PartnerId, string? Attribution,
    string? AttributionNote, string Source, DateTimeOffset ReceivedAt)
{
    public static RevenueEventView From(RevenueEventRecord e) => new(
        e.Id, e.ExternalId, e.Kind.ToString().ToLowerInvariant(), e.OccurredOn, e.AmountMinor,
        Core.Common.Currency.Parse(e.Currency) is { IsSuccess: true } c ? new Money(e.AmountMinor, c.Value).ToMajor().ToString(CultureInfo.InvariantCulture) : "",
        e.Currency, e.CustomerRef, e.CustomerDomain, e.ReferralCode, e.DealRegistrationId, e.OriginalExternalId, e.PartnerId?.Value, e.Attribution,
        e.AttributionNote, e.Source, e.ReceivedAt);
}

/// <summary>What receiving an event did: the event as stored, the ledger transactions it caused, and notes (why nothing, what else).</summary>
public sealed record RevenueEventReceipt(RevenueEventView Event, IReadOnlyList<CommissionLine> Ledger, IReadOnlyList<string> Notes);

/// <summary>
/// Stores one validated revenue event, attributes it and posts its commission, inside the caller's transaction (one
/// per API request, one per import chunk). Attribution, first that applies: an explicit partner; for a refund, the
/// partner of the payment it reverses; an approved or won deal registration named by id; a partner's referral code;
/// an approved or won registration of the customer's domain; the partner the customer's earlier revenue went to.
/// Otherwise the event is kept unattributed, with the reasons, for manual attribution. A booking attributed through an
/// approved registration marks it won. Facts change, so the facts generation is bumped (the caller saves).
/// </summary>
public sealed class RecordRevenueEvent(PartnerHubDb db, AccrueCommissions accrue, CommissionInputs inputs, MarkDealWon markWon)
{
    /// <summary>Set by an import, which bumps the facts generation once per chunk instead of once per event.</summary>
    public bool DeferFactsBump { get; set; }

    private readonly Dictionary<string, PartnerId?> _partnerRefs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PartnerId?> _codes = new(StringComparer.Ordinal);

    /// <summary>The event found or stored, whether this call stored it, and what it did.</summary>
    public sealed record Recorded(RevenueEventRecord Event, bool Created, RevenueEventReceipt Receipt);

    /// <summary>
    /// Records <paramref name="v"/>, or finds it when an event with its id exists and records the same money (a
    /// re-delivery: nothing moves). The same id with other money is refused: recorded money is never edited.
    /// </summary>
    public async Task<Result<Recorded>> HandleAsync(ValidRevenueEvent v, CancellationToken ct, bool knownNew = false)
    {
        var existing = knownNew ? null : await db.Set<RevenueEventRecord>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(e => e.ExternalId == v.ExternalId, ct);
        if (existing is not null)
        {
            if (!v.SameMoneyAs(existing)) return EventIdReused(v.ExternalId);
            return new Recorded(existing, false, new RevenueEventReceipt(RevenueEventView.From(existing), await accrue.LinesOfAsync(existing, ct),
                ["Already recorded: this event id was received before, so nothing moved again."]));
        }

        var attribution = await AttributeAsync(v, ct);
        if (!attribution.IsSuccess) return attribution.Error;
        var a = attribution.Value;
        var notes = new List<string>();
        if (v.Kind is RevenueKind.Refund or RevenueKind.Chargeback && a.Original is null && a.Partner is { } payer
            && await LatestPaymentAsync(db, payer, v.Customer, v.OccurredOn, ct) is { } latest)
        {
            a = a with { Original = latest };
            notes.Add($"The {v.Kind.ToString().ToLowerInvariant()} names no payment: it reverses the customer's latest payment with this partner, '{Short(latest)}'.");
        }

        var now = db.Clock.GetUtcNow();
        var record = new RevenueEventRecord
        {
            ExternalId = v.ExternalId, PartnerId = a.Partner, Kind = v.Kind, OccurredOn = v.OccurredOn, AmountMinor = v.Amount.Minor,
            Currency = v.Amount.Currency.Code, CustomerRef = v.Customer, CustomerDomain = v.CustomerDomain, ReferralCode = v.ReferralCode,
            DealRegistrationId = v.DealRegistrationId ?? a.Registration?.Id.Value, OriginalExternalId = a.Original, Source = v.Source, ReceivedAt = now,
            Attribution = a.Method, AttributionNote = a.Note, AttributedAt = a.Partner is null ? null : now, AttributedBy = a.Partner is null ? null : db.Actor.Name,
        };
        db.Add(record);
        await db.SaveChangesAsync(ct);
        db.Entry(record).State = EntityState.Detached;
        inputs.Noted(record);

        if (a.Partner is null) notes.Add(a.Note);
        if (v.Kind == RevenueKind.Booking && a.Registration is { Status: DealStatus.Approved } registration)
        {
            var won = await markWon.HandleAsync(registration.Id, $"Booking '{v.ExternalId}' of {v.Amount} on {v.OccurredOn:yyyy-MM-dd}.", ct);
            notes.Add(won.IsSuccess ? $"Deal registration {registration.Id} marked won." : $"Deal registration {registration.Id} not marked won: {won.Error.Message}");
        }

        var outcome = await accrue.HandleAsync(record, ct);
        if (!outcome.IsSuccess) return outcome.Error;
        notes.AddRange(outcome.Value.Notes);
        if (!DeferFactsBump) await FactWrites.BumpAsync(db, ct);
        db.ChangeTracker.Clear(); // saved: keep change detection proportional to one event, however many a transaction holds
        return new Recorded(record, true, new RevenueEventReceipt(RevenueEventView.From(record), outcome.Value.Lines, notes));
    }

    public static Error EventIdReused(string id) => Error.Unprocessable("event_id_reused",
        $"Event '{Short(id)}' was already recorded with other values. Recorded money is never edited: send a refund or a correcting event with a new id.");

    private sealed record Attribution(PartnerId? Partner, string? Method, string Note, string? Original, DealRegistration? Registration);

    private async Task<Result<Attribution>> AttributeAsync(ValidRevenueEvent v, CancellationToken ct)
    {
        var misses = new List<string>();
        DealRegistration? registration = null;
        if (v.DealRegistrationId is { } rid)
        {
            registration = await db.DealRegistrations.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(d => d.Id == new DealId(rid), ct);
            if (registration is null) misses.Add($"deal registration {rid} does not exist");
        }

        var reverses = v.Kind is RevenueKind.Refund or RevenueKind.Chargeback;
        RevenueEventRecord? original = null;
        if (reverses && v.Refunds is { } refunds)
        {
            original = await db.Set<RevenueEventRecord>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(e => e.ExternalId == refunds, ct);
            if (original is null) misses.Add($"payment '{Short(refunds)}' has not arrived");
        }

        if (v.Partner is { } reference)
        {
            var partner = await PartnerByReferenceAsync(reference, ct);
            if (partner is null) return Error.Validation("partner", $"No partner with the id, external id or domain '{Short(reference)}'.");
            if (registration is not null && registration.PartnerId != partner)
                return Error.Validation("dealRegistrationId", "This deal registration belongs to another partner than the one named.");
            return Done(partner, "partner", "Attributed to the partner the event names.", v, original, registration);
        }

        if (original?.PartnerId is { } payer)
            return Done(payer, "original", $"Attributed to the partner of payment '{Short(original.ExternalId)}', which it reverses.", v, original, registration);

        if (registration is not null)
        {
            if (registration.Status is DealStatus.Approved or DealStatus.Won)
                return Done(registration.PartnerId, "registration", $"Attributed through deal registration {registration.Id} ({registration.CustomerName}, {registration.Status.Key()}).", v, original, registration);
            misses.Add($"deal registration {registration.Id} is {registration.Status.Key()}, not approved or won");
        }

        if (v.ReferralCode is { } code)
        {
            if (await PartnerByCodeAsync(code, ct) is { } referrer)
                return Done(referrer, "referral-code", $"Attributed through referral code {code}.", v, original, registration);
            misses.Add($"referral code {code} is unknown");
        }

        if (v.CustomerDomain is { } host)
        {
            var registrable = CustomerDomain.Normalize(host);
            if (registrable.IsSuccess)
            {
                var key = registrable.Value.Registrable;
                var match = await db.DealRegistrations.IgnoreQueryFilters().AsNoTracking()
                    .Where(d => d.CustomerRegistrableDomain == key && (d.Status == DealStatus.Approved || d.Status == DealStatus.Won))
                    .OrderBy(d => d.SubmittedAt).FirstOrDefaultAsync(ct);
                if (match is not null)
                    return Done(match.PartnerId, "customer-domain", $"Attributed through deal registration {match.Id} ({match.CustomerName}, {match.Status.Key()}) of the customer's domain {key}.", v, original, match);
                misses.Add($"no approved or won registration for {key}");
            }
        }

        if (v.Customer is { } customer)
        {
            var earlier = await db.Set<RevenueEventRecord>().IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.CustomerRef == customer && e.PartnerId != null).OrderBy(e => e.OccurredOn).ThenBy(e => e.Id)
                .Select(e => new { e.PartnerId, e.ExternalId }).FirstOrDefaultAsync(ct);
            if (earlier is not null)
                return Done(earlier.PartnerId, "customer", $"Attributed to the partner of the customer's earlier revenue ('{Short(earlier.ExternalId)}').", v, original, registration);
            misses.Add($"customer '{Short(customer)}' has no attributed revenue yet");
        }

        var why = misses.Count == 0 ? "the event names no partner, registration, referral code, customer domain or customer" : string.Join("; ", misses);
        return new Attribution(null, null, $"Unattributed: {why}. It is kept for manual attribution.", original?.ExternalId ?? v.Refunds, registration);
    }

    private static Result<Attribution> Done(PartnerId? partner, string method, string note, ValidRevenueEvent v, RevenueEventRecord? original, DealRegistration? registration)
    {
        var link = original?.ExternalId ?? v.Refunds;
        return new Attribution(partner, method, note, link, registration);
    }

    /// <summary>For a refund naming no payment: the customer's latest payment with the partner on or before the refund's date.</summary>
    internal static async Task<string?> LatestPaymentAsync(PartnerHubDb db, PartnerId partner, string? customer, DateOnly on, CancellationToken ct) =>
        customer is null ? null
        : await db.Set<RevenueEventRecord>().IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.PartnerId == partner && e.CustomerRef == customer && e.Kind == RevenueKind.Payment && e.OccurredOn <= on)
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id).Select(e => e.ExternalId).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Finds the partners that events name (kept for the scope): a partner id, else an external id, else a domain, among
    /// partners not archived (an id matches any partner). Three statements at most, however many events: a group
    /// resolves all its references at once.
    /// </summary>
    public async Task<IReadOnlyList<PartnerId>> ResolvePartnersAsync(IReadOnlyList<string> references, CancellationToken ct)
    {
        var open = references.Where(r => !_partnerRefs.ContainsKey(r)).Distinct(StringComparer.Ordinal).ToList();
        var partners = db.Partners.IgnoreQueryFilters().AsNoTracking();
        var ids = open.Select(r => Guid.TryParse(r, out var g) ? new PartnerId(g) : (PartnerId?)null).OfType<PartnerId>().ToList();
        var byId = ids.Count == 0 ? [] : (await partners.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var externalIds = open.Where(r => !Guid.TryParse(r, out var g) || !byId.Contains(new PartnerId(g))).ToList();
        var byExternalId = externalIds.Count == 0 ? [] : await partners.Where(p => externalIds.Contains(p.ExternalId!) && p.ArchivedAt == null)
            .Select(p => new { p.ExternalId, p.Id }).ToDictionaryAsync(p => p.ExternalId!, p => p.Id, StringComparer.Ordinal, ct);
        var domains = externalIds.Where(r => !byExternalId.ContainsKey(r))
            .Select(r => (Reference: r, Domain: WebDomain.Normalize(r))).Where(d => d.Domain.IsSuccess).ToList();
        var domainKeys = domains.Select(d => d.Domain.Value).Distinct().ToList();
        var byDomain = domainKeys.Count == 0 ? [] : await partners.Where(p => domainKeys.Contains(p.Domain) && p.ArchivedAt == null)
            .Select(p => new { p.Domain, p.Id }).ToDictionaryAsync(p => p.Domain, p => p.Id, StringComparer.Ordinal, ct);

        foreach (var reference in open)
        {
            _partnerRefs[reference] = Guid.TryParse(reference, out var g) && byId.Contains(new PartnerId(g)) ? new PartnerId(g)
                : byExternalId.TryGetValue(reference, out var external) ? external
                : WebDomain.Normalize(reference) is { IsSuccess: true } domain && byDomain.TryGetValue(domain.Value, out var byName) ? byName
                : null;
        }

        return references.Select(r => _partnerRefs[r]).OfType<PartnerId>().Distinct().ToList();
    }

    /// <summary>Whether <paramref name="reference"/>, resolved before, names a partner.</summary>
    public bool Resolves(string reference) => _partnerRefs.GetValueOrDefault(reference) is not null;

    private async Task<PartnerId?> PartnerByReferenceAsync(string reference, CancellationToken ct)
    {
        if (!_partnerRefs.ContainsKey(reference)) await ResolvePartnersAsync([reference], ct);
        return _partnerRefs[reference];
    }

    private async Task<PartnerId?> PartnerByCodeAsync(string code, CancellationToken ct)
    {
        if (_codes.TryGetValue(code, out var cached)) return cached;
        var found = await db.Set<ReferralCodeRecord>().IgnoreQueryFilters().AsNoTracking().Where(c => c.Code == code).Select(c => (PartnerId?)c.PartnerId).FirstOrDefaultAsync(ct);
        return _codes[code] = found;
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
