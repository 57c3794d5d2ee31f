using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.App.Programs;
using PartnerHub.Core.Evaluation;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Ledger;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.App.Commissions;

/// <summary>
/// Reads what <see cref="CommissionCalculator"/> needs about a partner on a date from the database: the program version
/// in force, the partner's category and agreement, the tier and certification it holds (the engine's held tier, from
/// its revenue, ratings and awards), its trailing volume, and the customer's first payment. Caches programs and partner
/// records for the life of the scope (one request, one import).
/// </summary>
public sealed class CommissionInputs(PartnerHubDb db, ProgramStore programs)
{
    private readonly Dictionary<DateOnly, PublishedProgram> _programs = [];
    private readonly Dictionary<PartnerId, (CommissionPartner Partner, PartnerTerms? Terms)?> _partners = [];

    public async Task<PublishedProgram> ProgramAtAsync(DateOnly date, CancellationToken ct)
    {
        if (_programs.TryGetValue(date, out var cached)) return cached;
        return _programs[date] = await programs.AtAsync(date, ct);
    }

    public async Task<(CommissionPartner Partner, PartnerTerms? Terms)?> PartnerAsync(PartnerId id, CancellationToken ct)
    {
        if (_partners.TryGetValue(id, out var cached)) return cached;
        var p = await db.Partners.AsNoTracking().IgnoreQueryFilters().Where(p => p.Id == id)
            .Select(p => new { p.Category, p.Subcategory, p.Stage, p.Agreement, p.UpdatedAt, p.ArchivedAt }).FirstOrDefaultAsync(ct);
        (CommissionPartner, PartnerTerms?)? found = p is null ? null
            : (new CommissionPartner(p.Category, p.Subcategory, p.Agreement), PartnerTerms.From(id, p.Category, p.Subcategory, p.Stage, p.Agreement, p.UpdatedAt, p.ArchivedAt));
        return _partners[id] = found;
    }

    /// <summary>The tier and certification held on <paramref name="date"/> and the trailing-12-month volume, as the engine computes them.</summary>
    public async Task<StandingAtDate> StandingAsync(PartnerProgram program, PartnerId partner, PartnerTerms? terms, DateOnly date, CancellationToken ct)
    {
        var floor = program.Tiers[^1].Key;
        if (terms is not { } t) return new StandingAtDate(floor, null, 0, "the partner has no agreement start date, so the lowest tier");
        var currency = program.Currency.Code;
        // Only what the held tier, the held certification and the volume read: revenue, ratings, awards.
        var revenue = await db.Set<RevenueEventRecord>().AsNoTracking().IgnoreQueryFilters()
            .Where(e => e.PartnerId == partner && e.Currency == currency && e.OccurredOn <= date)
            .Select(e => new RevenueEvent(e.Kind, e.OccurredOn, e.AmountMinor, 0)).ToArrayAsync(ct);
        var ratings = await db.Set<ManagerRatingRecord>().AsNoTracking().IgnoreQueryFilters().Where(e => e.PartnerId == partner && e.RatedOn <= date)
            .Select(e => new ManagerRating(e.Criterion, e.RatedOn, e.Score)).ToArrayAsync(ct);
        var awards = await db.Set<CertificationAwardRecord>().AsNoTracking().IgnoreQueryFilters().Where(e => e.PartnerId == partner && e.AwardedOn <= date)
            .Select(e => new CertificationAward(e.Level, e.AwardedOn)).ToArrayAsync(ct);
        var facts = new PartnerFacts
        {
            PartnerId = partner, Category = t.Category, Subcategory = t.Subcategory, PartnershipStart = t.Start, PartnershipEnd = t.End,
            Revenue = revenue, Ratings = ratings, Certifications = awards,
        };
        return StandingFrom(program, facts, date);
    }

    internal static StandingAtDate StandingFrom(PartnerProgram program, PartnerFacts facts, DateOnly date)
    {
        var summary = Evaluator.Summarize(program, facts, date);
        var tier = program.Tiers[Math.Clamp((int)summary.HeldTier, 0, program.Tiers.Count - 1)].Key;
        var level = summary.CertificationHeld >= 0 && summary.CertificationHeld < program.Certification.Levels.Count
            ? program.Certification.Levels[summary.CertificationHeld].Key : null;
        var note = date < facts.PartnershipStart ? $"before the partnership started on {Display.Date(facts.PartnershipStart)}" : null;
        return new StandingAtDate(tier, level, summary.RevenueMinor, note);
    }

    /// <summary>The customer's first revenue of the basis kind with this partner (by date, then arrival), and whether it is this event.</summary>
    public async Task<CustomerHistory> CustomerAsync(RevenueEventRecord e, CancellationToken ct)
    {
        if (e.CustomerRef is null || e.PartnerId is not { } partner) return CustomerHistory.Unknown(e.OccurredOn);
        var first = await db.Set<RevenueEventRecord>().AsNoTracking().IgnoreQueryFilters()
            .Where(x => x.CustomerRef == e.CustomerRef && x.PartnerId == partner && x.Kind == e.Kind)
            .OrderBy(x => x.OccurredOn).ThenBy(x => x.Id).Select(x => new { x.Id, x.OccurredOn }).FirstOrDefaultAsync(ct);
        return first is null ? new CustomerHistory(true, e.OccurredOn, true) : new CustomerHistory(true, first.OccurredOn, first.Id == e.Id);
    }
}
