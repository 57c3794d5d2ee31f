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
/// records for the life of the scope (one request, one import); partners' revenue histories outlive it.
/// </summary>
public sealed class CommissionInputs(PartnerHubDb db, ProgramStore programs, CommittedHistories committed, KeptRevenueFacts standings)
{
    private readonly Dictionary<DateOnly, PublishedProgram> _programs = [];
    private ProgramCalendar? _calendar;
    private readonly Dictionary<PartnerId, (CommissionPartner Partner, PartnerTerms? Terms)?> _partners = [];

    public async Task<PublishedProgram> ProgramAtAsync(DateOnly date, CancellationToken ct)
    {
        if (_programs.TryGetValue(date, out var cached)) return cached;
        _calendar ??= await programs.CalendarAsync(ct); // once per scope: its events fall on many dates
        return _programs[date] = (await programs.VersionAsync(_calendar.NumberOn(date), ct)).Value;
    }

    public async Task<(CommissionPartner Partner, PartnerTerms? Terms)?> PartnerAsync(PartnerId id, CancellationToken ct)
    {
        if (!_partners.ContainsKey(id)) await ReadPartnersAsync([id], ct);
        return _partners[id];
    }

    /// <summary>
    /// Reads what the commissions of a group's events need — about <paramref name="partners"/>: their records, ratings,
    /// awards and event counts; about <paramref name="events"/>: which of them a stored refund already names — in five
    /// statements for the group instead of five per event. Read before the group records anything; what it records
    /// after is noted (<see cref="Noted"/>). The counts lock the partners' rows for the transaction on PostgreSQL
    /// (<see cref="RevenueEventCounts.ForWritingAsync"/>), so every partner of the group is named, also one read before.
    /// </summary>
    public async Task PrefetchAsync(IReadOnlyList<PartnerId> partners, IReadOnlyList<string> events, CancellationToken ct)
    {
        _reversed = (await db.Set<RevenueEventRecord>().AsNoTracking().IgnoreQueryFilters().Where(r => events.Contains(r.OriginalExternalId!))
            .Select(r => r.OriginalExternalId!).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var counts = await RevenueEventCounts.ForWritingAsync(db, partners.Distinct().ToList(), ct);
        // A scope that goes on after a commit (an import, chunk after chunk) holds histories another writer may have added to since.
        foreach (var (partner, count) in counts)
            if (_history.TryGetValue(partner, out var history) && history.Count != count) _history.Remove(partner);
        var ids = partners.Where(p => !_partners.ContainsKey(p)).Distinct().ToList();
        if (ids.Count == 0) return;
        await ReadPartnersAsync(ids, ct);
        var ratings = (await db.Set<ManagerRatingRecord>().AsNoTracking().IgnoreQueryFilters().Where(e => ids.Contains(e.PartnerId))
            .Select(e => new { e.PartnerId, Rating = new ManagerRating(e.Criterion, e.RatedOn, e.Score) }).ToListAsync(ct)).ToLookup(e => e.PartnerId, e => e.Rating);
        var awards = (await db.Set<CertificationAwardRecord>().AsNoTracking().IgnoreQueryFilters().Where(e => ids.Contains(e.PartnerId))
            .Select(e => new { e.PartnerId, Award = new CertificationAward(e.Level, e.AwardedOn) }).ToListAsync(ct)).ToLookup(e => e.PartnerId, e => e.Award);
        foreach (var id in ids) _read[id] = new PartnerReads([.. ratings[id]], [.. awards[id]], counts.GetValueOrDefault(id));
    }

    private async Task ReadPartnersAsync(List<PartnerId> ids, CancellationToken ct)
    {
        var rows = await db.Partners.AsNoTracking().IgnoreQueryFilters().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Category, p.Subcategory, p.Stage, p.Agreement, p.UpdatedAt, p.ArchivedAt }).ToDictionaryAsync(p => p.Id, ct);
        foreach (var id in ids)
        {
            _partners[id] = rows.TryGetValue(id, out var p)
                ? (new CommissionPartner(p.Category, p.Subcategory, p.Agreement), PartnerTerms.From(id, p.Category, p.Subcategory, p.Stage, p.Agreement, p.UpdatedAt, p.ArchivedAt))
                : null;
        }
    }

    /// <summary>The tier and certification held on <paramref name="date"/> and the trailing-12-month volume, as the engine computes them.</summary>
    public async Task<StandingAtDate> StandingAsync(PartnerProgram program, PartnerId partner, PartnerTerms? terms, DateOnly date, CancellationToken ct)
    {
        var floor = program.Tiers[^1].Key;
        if (terms is not { } t) return new StandingAtDate(floor, null, 0, "the partner has no agreement start date, so the lowest tier");
        var cache = await HistoryAsync(partner, program.Currency.Code, ct);
        // Only what the held tier, the held certification and the volume read: revenue, ratings, awards. Later facts
        // fall outside the engine's windows for this date.
        var facts = new PartnerFacts
        {
            PartnerId = partner, Category = t.Category, Subcategory = t.Subcategory, PartnershipStart = t.Start, PartnershipEnd = t.End,
            Revenue = [.. cache.Revenue], Ratings = cache.Ratings, Certifications = cache.Awards,
        };
        return StandingFrom(program, facts, date);
    }

    private readonly Dictionary<PartnerId, PartnerHistory> _history = [];
    private readonly Dictionary<PartnerId, List<RevenueEventRecord>> _pending = [];

    /// <summary>Every event this scope stored, by partner, for the standings' kept copies once committed.</summary>
    private readonly Dictionary<PartnerId, List<RevenueEventRecord>> _recorded = [];

    /// <summary>
    /// One partner's revenue, ratings and awards, read once per scope (a request group, or a whole import) and kept up
    /// to date with the events this scope records (<see cref="Noted"/>). The revenue comes from the last committed copy
    /// (<see cref="CommittedHistories"/>) when the partner's event count says it is complete, else from the database.
    /// </summary>
    private async Task<PartnerHistory> HistoryAsync(PartnerId partner, string currency, CancellationToken ct)
    {
        if (_history.TryGetValue(partner, out var cached) && cached.Currency == currency) return cached;
        var pending = _pending.Remove(partner, out var noted) ? noted : [];
        var read = _read.Remove(partner, out var early) ? early : await ReadAsync(partner, ct);
        // A count read before this scope's events were recorded lacks them; one read since includes them.
        var expected = read.Count + (early is null ? 0 : pending.Count);
        if (committed.Find(Database, partner) is { } known && known.Currency == currency && known.Count + pending.Count == expected)
        {
            var copy = known.Copy(read.Ratings, read.Awards);
            foreach (var e in pending) copy.Add(e.Id, e.Kind, e.OccurredOn, e.AmountMinor, e.Currency, e.CustomerRef);
            return _history[partner] = copy;
        }

        var history = new PartnerHistory(currency, read.Ratings, read.Awards); // this scope's own events are in the read
        foreach (var e in await db.Set<RevenueEventRecord>().AsNoTracking().IgnoreQueryFilters().Where(e => e.PartnerId == partner)
                     .Select(e => new { e.Id, e.Kind, e.OccurredOn, e.AmountMinor, e.Currency, e.CustomerRef }).ToListAsync(ct))
            history.Add(e.Id, e.Kind, e.OccurredOn, e.AmountMinor, e.Currency, e.CustomerRef);
        return _history[partner] = history;
    }

    /// <summary>A partner's ratings and awards, and how many events it holds, read now or by <see cref="PrefetchAsync"/>.</summary>
    private sealed record PartnerReads(ManagerRating[] Ratings, CertificationAward[] Awards, int Count);

    private readonly Dictionary<PartnerId, PartnerReads> _read = [];

    private async Task<PartnerReads> ReadAsync(PartnerId partner, CancellationToken ct) => new(
        await db.Set<ManagerRatingRecord>().AsNoTracking().IgnoreQueryFilters().Where(e => e.PartnerId == partner)
            .Select(e => new ManagerRating(e.Criterion, e.RatedOn, e.Score)).ToArrayAsync(ct),
        await db.Set<CertificationAwardRecord>().AsNoTracking().IgnoreQueryFilters().Where(e => e.PartnerId == partner)
            .Select(e => new CertificationAward(e.Level, e.AwardedOn)).ToArrayAsync(ct),
        await db.Set<RevenueEventCountRecord>().AsNoTracking().IgnoreQueryFilters().Where(c => c.PartnerId == partner).Select(c => c.Events).FirstOrDefaultAsync(ct));

    /// <summary>Called right after the caller committed: the histories this scope holds are now committed facts for every scope to reuse.</summary>
    public void Committed()
    {
        foreach (var (partner, history) in _history) committed.Keep(Database, partner, history);
        foreach (var (partner, noted) in _pending) committed.Extend(Database, partner, noted);
        _pending.Clear(); // now in the kept copies (or, where none was kept, read from the database when needed)
        foreach (var (partner, recorded) in _recorded) standings.Extend(Database, partner, recorded);
        _recorded.Clear();
    }

    private string Database => db.Database.GetConnectionString() ?? "";

    private HashSet<string>? _reversed;

    /// <summary>Whether a stored event may name <paramref name="payment"/> as the payment it reverses: false only when known not to.</summary>
    public bool MayBeReversed(string payment) => _reversed?.Contains(payment) ?? true;

    /// <summary>An event this scope just stored: added to the partner's history, or kept until the history is read.</summary>
    public void Noted(RevenueEventRecord e)
    {
        if (e.OriginalExternalId is { } reversed) _reversed?.Add(reversed);
        if (e.PartnerId is not { } partner) return;
        if (_recorded.TryGetValue(partner, out var recorded)) recorded.Add(e);
        else _recorded[partner] = [e];
        if (_history.TryGetValue(partner, out var history))
        {
            // Kept at the last commit (an import goes on after it): what this scope adds goes to its own copy.
            if (history.Frozen) _history[partner] = history = history.Copy();
            history.Add(e.Id, e.Kind, e.OccurredOn, e.AmountMinor, e.Currency, e.CustomerRef);
        }
        else if (_pending.TryGetValue(partner, out var noted)) noted.Add(e);
        else _pending[partner] = [e];
    }

    /// <summary>Drops every history read and event noted so far (after a rollback); the next use reads the database again.</summary>
    public void ForgetHistories()
    {
        _history.Clear();
        _pending.Clear();
        _recorded.Clear();
        _read.Clear(); // counts read before the events kept since
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
        var history = await HistoryAsync(partner, _history.TryGetValue(partner, out var h) ? h.Currency : e.Currency, ct);
        return history.TryFirst(e.CustomerRef, e.Kind, out var first)
            ? new CustomerHistory(true, first.On, first.Id == e.Id)
            : new CustomerHistory(true, e.OccurredOn, true);
    }
}
