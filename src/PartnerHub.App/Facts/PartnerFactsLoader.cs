using System.Text;
using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Common;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Facts;

/// <summary>What the engine needs to know about the partner record itself: category, and when the partnership ran.</summary>
public readonly record struct PartnerTerms(PartnerId Id, string Category, string Subcategory, DateOnly Start, DateOnly? End)
{
    /// <summary>
    /// The partnership starts on the agreement's start date; partners without one (prospects) have no standing yet.
    /// It ends on the day a partner is archived, churned or terminated; the registry keeps no date for that change,
    /// so the last update of a churned, terminated or archived partner stands for it.
    /// </summary>
    public static PartnerTerms? From(PartnerId id, string category, string subcategory, LifecycleStage stage, Agreement agreement,
        DateTimeOffset updatedAt, DateTimeOffset? archivedAt)
    {
        if (agreement.StartsOn is not { } start) return null;
        DateOnly? end = stage is LifecycleStage.Churned or LifecycleStage.Terminated || archivedAt is not null
            ? DateOnly.FromDateTime((archivedAt ?? updatedAt).UtcDateTime)
            : null;
        if (end is { } e && e < start) end = start;
        return new PartnerTerms(id, category, subcategory, start, end);
    }
}

/// <summary>Stable small ids for customer references, the same in every load path (FNV-1a of the UTF-8 text; 0 = unknown).</summary>
internal static class CustomerKey
{
    public static int Of(string? reference) => string.IsNullOrEmpty(reference) ? 0 : Of(Encoding.UTF8.GetBytes(reference));

    public static int Of(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return 0;
        var hash = 2166136261u;
        foreach (var b in utf8) hash = (hash ^ b) * 16777619u;
        return hash == 0 ? 1 : (int)hash;
    }
}

/// <summary>One partner's facts: revenue checked against the kept copy, the small tables in one statement, through EF Core so that the partner scope applies.</summary>
internal static class PartnerFactsLoader
{
    /// <summary>The partner's terms; not found outside the actor's scope, a conflict before the partnership has a start.</summary>
    public static async Task<Result<PartnerTerms>> TermsAsync(PartnerHubDb db, PartnerId id, CancellationToken ct)
    {
        var p = await db.Partners.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Category, p.Subcategory, p.Stage, p.Agreement, p.UpdatedAt, p.ArchivedAt }).FirstOrDefaultAsync(ct);
        if (p is null) return PartnerErrors.NotFound(id);
        return PartnerTerms.From(id, p.Category, p.Subcategory, p.Stage, p.Agreement, p.UpdatedAt, p.ArchivedAt) is { } terms
            ? terms
            : Error.Conflict("no_partnership", "This partner has no agreement start date yet: a standing counts from the day the partnership starts.");
    }

    public static async Task<PartnerFacts> LoadAsync(PartnerHubDb db, KeptRevenueFacts keptRevenue, PartnerTerms terms, string currency, CancellationToken ct)
    {
        var id = terms.Id;
        var revenue = await keptRevenue.ForPartnerAsync(db, id, currency, ct);
        var small = (await SmallFacts(db, id, currency).ToListAsync(ct)).ToLookup(r => r.Table);
        var deals = small[Table.Deals].Select(r => new DealFact(r.On, r.Until, Enum.Parse<DealOutcome>(r.Text!), r.Amount)).ToArray();
        var training = small[Table.Training].Select(r => new TrainingCompletion(r.Text!, r.On)).ToArray();
        var exams = small[Table.Exams].Select(r => new ExamAttempt(r.Text!, r.On, r.Number)).ToArray();
        var awards = small[Table.Awards].Select(r => new CertificationAward(r.Text!, r.On)).ToArray();
        var commitments = small[Table.Commitments].Select(r => new Commitment(r.On, r.Until!.Value)).ToArray();
        var surveys = small[Table.Surveys].Select(r => new SurveyResponse(Enum.Parse<SurveyKind>(r.Text!), r.On, r.Number)).ToArray();
        var ratings = small[Table.Ratings].Select(r => new ManagerRating(r.Text!, r.On, r.Number)).ToArray();
        var engagement = small[Table.Engagement].Select(r => new EngagementEvent(r.Text!, r.On, r.Number)).ToArray();
        var costs = small[Table.Costs].Select(r => new CostEntry(r.On, r.Amount)).ToArray();

        return new PartnerFacts
        {
            PartnerId = id,
            Category = terms.Category,
            Subcategory = terms.Subcategory,
            PartnershipStart = terms.Start,
            PartnershipEnd = terms.End,
            Revenue = revenue,
            Deals = deals,
            Training = training,
            Exams = exams,
            Certifications = awards,
            Commitments = commitments,
            Surveys = surveys,
            Ratings = ratings,
            Engagement = engagement,
            Costs = costs,
        };
    }

    private enum Table { Deals, Training, Exams, Awards, Commitments, Surveys, Ratings, Engagement, Costs }

    /// <summary>A row of one of the partner's small fact tables, in the one shape their union shares.</summary>
    private sealed class SmallFact
    {
        public Table Table { get; init; }
        public DateOnly On { get; init; }
        public DateOnly? Until { get; init; }
        public string? Text { get; init; }
        public int Number { get; init; }
        public long Amount { get; init; }
    }

    /// <summary>
    /// The partner's rows of the nine small fact tables as one UNION ALL: one statement, where nine cost nine round
    /// trips to PostgreSQL (docs/performance.md, ninth pass).
    /// </summary>
    private static IQueryable<SmallFact> SmallFacts(PartnerHubDb db, PartnerId id, string currency) =>
        db.Set<DealFactRecord>().Where(e => e.PartnerId == id && e.Currency == currency)
            .Select(e => new SmallFact { Table = Table.Deals, On = e.RegisteredOn, Until = e.ClosedOn, Text = e.Outcome.ToString(), Number = 0, Amount = e.AmountMinor })
        .Concat(db.Set<TrainingCompletionRecord>().Where(e => e.PartnerId == id)
            .Select(e => new SmallFact { Table = Table.Training, On = e.CompletedOn, Until = null, Text = e.Track, Number = 0, Amount = 0 }))
        .Concat(db.Set<ExamAttemptRecord>().Where(e => e.PartnerId == id)
            .Select(e => new SmallFact { Table = Table.Exams, On = e.TakenOn, Until = null, Text = e.Exam, Number = e.Score, Amount = 0 }))
        .Concat(db.Set<CertificationAwardRecord>().Where(e => e.PartnerId == id)
            .Select(e => new SmallFact { Table = Table.Awards, On = e.AwardedOn, Until = null, Text = e.Level, Number = 0, Amount = 0 }))
        .Concat(db.Set<CommitmentRecord>().Where(e => e.PartnerId == id)
            .Select(e => new SmallFact { Table = Table.Commitments, On = e.StartsOn, Until = e.EndsOn, Text = null, Number = 0, Amount = 0 }))
        .Concat(db.Set<SurveyResponseRecord>().Where(e => e.PartnerId == id)
            .Select(e => new SmallFact { Table = Table.Surveys, On = e.AnsweredOn, Until = null, Text = e.Kind.ToString(), Number = e.Score, Amount = 0 }))
        .Concat(db.Set<ManagerRatingRecord>().Where(e => e.PartnerId == id)
            .Select(e => new SmallFact { Table = Table.Ratings, On = e.RatedOn, Until = null, Text = e.Criterion, Number = e.Score, Amount = 0 }))
        .Concat(db.Set<EngagementRecord>().Where(e => e.PartnerId == id)
            .Select(e => new SmallFact { Table = Table.Engagement, On = e.OccurredOn, Until = null, Text = e.Kind, Number = e.Count, Amount = 0 }))
        .Concat(db.Set<CostRecord>().Where(e => e.PartnerId == id && e.Currency == currency)
            .Select(e => new SmallFact { Table = Table.Costs, On = e.IncurredOn, Until = null, Text = null, Number = 0, Amount = e.AmountMinor }))
        .AsNoTracking();

    public static async Task<CompanyMonth[]> CompanyRevenueAsync(PartnerHubDb db, string currency, CancellationToken ct) =>
        await db.Set<CompanyRevenueRecord>().AsNoTracking().Where(m => m.Currency == currency)
            .Select(m => new CompanyMonth(m.Year, m.Month, m.RevenueMinor)).ToArrayAsync(ct);
}
