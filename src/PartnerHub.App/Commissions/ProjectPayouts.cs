using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Common;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Commissions;

/// <summary>
/// What a program would pay each partner for the revenue events stored with business dates from
/// a start to an end date (inclusive), computed with <see cref="CommissionCalculator"/>
/// exactly as the ledger does, but with the given program for every event (not the version in force on its date) and
/// without posting anything: accruals of payments in the range, less clawbacks of refunds and chargebacks in the range
/// (in proportion to what the given program would have accrued on the payment they reverse, wherever that falls), less
/// certification fees charged in the range. Tiers and certifications held are the engine's under the given program.
/// Amounts in the program's currency; events in other currencies are left out. Call it with the current and a
/// candidate program to see how payouts change per partner and in total.
/// </summary>
public sealed class ProjectPayouts(PartnerHubDb db, FactStore facts)
{
    public async Task<IReadOnlyDictionary<PartnerId, Money>> HandleAsync(PublishedProgram program, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var p = program.Program;
        var currency = p.Currency;
        var partners = (await db.Partners.AsNoTracking()
                .Select(x => new { x.Id, x.Category, x.Subcategory, x.Agreement }).ToListAsync(ct))
            .ToDictionary(x => x.Id, x => new CommissionPartner(x.Category, x.Subcategory, x.Agreement));
        var code = currency.Code;
        var events = await db.Set<RevenueEventRecord>().AsNoTracking()
            .Where(e => e.PartnerId != null && e.Currency == code && e.OccurredOn <= to)
            .Select(e => new Row(e.Id, e.ExternalId, e.PartnerId!.Value, e.Kind, e.OccurredOn, e.AmountMinor, e.CustomerRef, e.OriginalExternalId))
            .ToListAsync(ct);
        var programFacts = (await facts.ForProgramAsync(currency, ct)).Partners.ToDictionary(f => f.PartnerId);

        var totals = new Dictionary<PartnerId, long>();
        foreach (var group in events.GroupBy(e => e.Partner))
        {
            if (!partners.TryGetValue(group.Key, out var partner)) continue;
            programFacts.TryGetValue(group.Key, out var partnerFacts);
            var standings = new Dictionary<DateOnly, StandingAtDate>();
            StandingAtDate StandingOn(DateOnly date)
            {
                if (standings.TryGetValue(date, out var s)) return s;
                return standings[date] = partnerFacts is null
                    ? new StandingAtDate(p.Tiers[^1].Key, null, 0, "the partner has no agreement start date, so the lowest tier")
                    : CommissionInputs.StandingFrom(p, partnerFacts, date);
            }

            var ordered = group.OrderBy(e => e.OccurredOn).ThenBy(e => e.Id).ToList();
            var firstByCustomer = new Dictionary<string, Row>(StringComparer.Ordinal);
            foreach (var e in ordered.Where(e => e.Customer is not null && CommissionCalculator.Accrues(p, e.Kind)))
                firstByCustomer.TryAdd(e.Customer!, e);
            var byExternal = ordered.ToDictionary(e => e.ExternalId, StringComparer.Ordinal);

            var accrued = new Dictionary<long, long[]>();
            long[] PartsOf(Row e)
            {
                if (accrued.TryGetValue(e.Id, out var known)) return known;
                var customer = e.Customer is null ? CustomerHistory.Unknown(e.OccurredOn)
                    : new CustomerHistory(true, firstByCustomer[e.Customer].OccurredOn, firstByCustomer[e.Customer].Id == e.Id);
                var decision = CommissionCalculator.Compute(p, program.Label, partner, StandingOn(e.OccurredOn), customer,
                    new CommissionEvent(e.Kind, e.OccurredOn, new Money(e.AmountMinor, currency)));
                return accrued[e.Id] = decision.Parts.Select(part => part.Basis.Amount.Minor).ToArray();
            }

            long total = 0;
            var any = false;
            var refundedBefore = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var e in ordered.Where(e => CommissionCalculator.Reverses(e.Kind) && e.Original is not null).OrderBy(e => e.Id))
            {
                var before = refundedBefore.GetValueOrDefault(e.Original!);
                refundedBefore[e.Original!] = before + e.AmountMinor;
                if (e.OccurredOn < from || !byExternal.TryGetValue(e.Original!, out var payment) || !CommissionCalculator.Accrues(p, payment.Kind)) continue;
                any = true;
                total -= PartsOf(payment).Sum(a => CommissionCalculator.ClawbackMinor(a, payment.AmountMinor, before, e.AmountMinor));
            }

            foreach (var e in ordered.Where(e => e.OccurredOn >= from && CommissionCalculator.Accrues(p, e.Kind)))
            {
                any = true;
                total += PartsOf(e).Sum();
            }

            if (partnerFacts is not null)
                foreach (var award in partnerFacts.Certifications.Where(a => a.AwardedOn >= from && a.AwardedOn <= to))
                    if (CommissionCalculator.CertificationFee(p, program.Label, partner, award.Level, award.AwardedOn) is { } fee)
                    {
                        any = true;
                        total -= fee.Fee.Minor;
                    }

            if (any) totals[group.Key] = total;
        }

        // Partners without revenue in the range may still owe certification fees.
        var withEvents = events.Select(e => e.Partner).ToHashSet();
        foreach (var (id, partnerFacts) in programFacts)
        {
            if (withEvents.Contains(id) || !partners.TryGetValue(id, out var partner)) continue;
            var fees = partnerFacts.Certifications.Where(a => a.AwardedOn >= from && a.AwardedOn <= to)
                .Select(a => CommissionCalculator.CertificationFee(p, program.Label, partner, a.Level, a.AwardedOn)).Where(f => f is not null).ToList();
            if (fees.Count > 0) totals[id] = -fees.Sum(f => f!.Value.Fee.Minor);
        }

        return totals.ToDictionary(t => t.Key, t => new Money(t.Value, currency));
    }

    private sealed record Row(long Id, string ExternalId, PartnerId Partner, RevenueKind Kind, DateOnly OccurredOn, long AmountMinor, string? Customer, string? Original);
}
