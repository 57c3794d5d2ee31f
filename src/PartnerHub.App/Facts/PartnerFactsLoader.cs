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

/// <summary>One partner's facts with one small query per table (revenue checked against the kept copy), through EF Core so that the partner scope applies.</summary>
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
        var deals = await db.Set<DealFactRecord>().AsNoTracking().Where(e => e.PartnerId == id && e.Currency == currency)
            .Select(e => new DealFact(e.RegisteredOn, e.ClosedOn, e.Outcome, e.AmountMinor)).ToArrayAsync(ct);
        var training = await db.Set<TrainingCompletionRecord>().AsNoTracking().Where(e => e.PartnerId == id)
            .Select(e => new TrainingCompletion(e.Track, e.CompletedOn)).ToArrayAsync(ct);
        var exams = await db.Set<ExamAttemptRecord>().AsNoTracking().Where(e => e.PartnerId == id)
            .Select(e => new ExamAttempt(e.Exam, e.TakenOn, e.Score)).ToArrayAsync(ct);
        var awards = await db.Set<CertificationAwardRecord>().AsNoTracking().Where(e => e.PartnerId == id)
            .Select(e => new CertificationAward(e.Level, e.AwardedOn)).ToArrayAsync(ct);
        var commitments = await db.Set<CommitmentRecord>().AsNoTracking().Where(e => e.PartnerId == id)
            .Select(e => new Commitment(e.StartsOn, e.EndsOn)).ToArrayAsync(ct);
        var surveys = await db.Set<SurveyResponseRecord>().AsNoTracking().Where(e => e.PartnerId == id)
            .Select(e => new SurveyResponse(e.Kind, e.AnsweredOn, e.Score)).ToArrayAsync(ct);
        var ratings = await db.Set<ManagerRatingRecord>().AsNoTracking().Where(e => e.PartnerId == id)
            .Select(e => new ManagerRating(e.Criterion, e.RatedOn, e.Score)).ToArrayAsync(ct);
        var engagement = await db.Set<EngagementRecord>().AsNoTracking().Where(e => e.PartnerId == id)
            .Select(e => new EngagementEvent(e.Kind, e.OccurredOn, e.Count)).ToArrayAsync(ct);
        var costs = await db.Set<CostRecord>().AsNoTracking().Where(e => e.PartnerId == id && e.Currency == currency)
            .Select(e => new CostEntry(e.IncurredOn, e.AmountMinor)).ToArrayAsync(ct);

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

    public static async Task<CompanyMonth[]> CompanyRevenueAsync(PartnerHubDb db, string currency, CancellationToken ct) =>
        await db.Set<CompanyRevenueRecord>().AsNoTracking().Where(m => m.Currency == currency)
            .Select(m => new CompanyMonth(m.Year, m.Month, m.RevenueMinor)).ToArrayAsync(ct);
}
