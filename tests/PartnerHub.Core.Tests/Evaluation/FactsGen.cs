using CsCheck;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Tests.Evaluation;

/// <summary>Random but plausible partner facts for property tests, including keys the program does not know.</summary>
internal static class FactsGen
{
    private static readonly DateOnly Origin = new(2022, 1, 1);

    public static readonly Gen<DateOnly> Day = Gen.Int[0, 1600].Select(d => Origin.AddDays(d));

    public static readonly Gen<DateOnly> AsOf = Gen.Int[700, 1700].Select(d => Origin.AddDays(d));

    public static readonly Gen<string> Track = Gen.OneOf("product-fundamentals", "sales-fundamentals", "advanced-sales", "technical-implementation",
        "elite-marketing-strategy", "elite-business-development", "unknown-track");

    public static readonly Gen<string> Exam = Gen.OneOf("certified-exam", "advanced-exam", "elite-exam", "unknown-exam");

    public static readonly Gen<string> Level = Gen.OneOf("certified", "advanced", "elite", "unknown-level");

    private static readonly Gen<RevenueEvent> Revenue = Gen.Select(Gen.Enum<RevenueKind>(), Day, Gen.Long[0, 20_000_000], Gen.Int[0, 6],
        (kind, day, amount, customer) => new RevenueEvent(kind, day, amount, customer));

    private static readonly Gen<DealFact> Deal = Gen.Select(Day, Gen.Int[0, 200], Gen.Enum<DealOutcome>(), Gen.Long[0, 5_000_000],
        (registered, days, outcome, amount) => new DealFact(registered, outcome == DealOutcome.Open ? null : registered.AddDays(days), outcome, amount));

    private static readonly Gen<ManagerRating> Rating = Gen.Select(Gen.OneOf("strategic-value", "market-position", "innovation", "commitment", "bogus"), Day, Gen.Int[1, 5],
        (criterion, day, score) => new ManagerRating(criterion, day, score));

    private static readonly Gen<SurveyResponse> Survey = Gen.Select(Gen.Enum<SurveyKind>(), Day, Gen.Int[0, 100], (kind, day, score) => new SurveyResponse(kind, day, score));

    private static readonly Gen<EngagementEvent> Engagement = Gen.Select(Gen.OneOf("login", "download", "webinar-attended", "integration-live", "other"), Day, Gen.Int[0, 20],
        (kind, day, count) => new EngagementEvent(kind, day, count));

    public static readonly Gen<PartnerFacts> Partner =
        Gen.Select(
            Gen.Select(Day, Revenue.Array[0, 30], Deal.Array[0, 30], Rating.Array[0, 10], (start, revenue, deals, ratings) => (start, revenue, deals, ratings)),
            Gen.Select(Gen.Select(Track, Day, (t, d) => new TrainingCompletion(t, d)).Array[0, 7], Gen.Select(Exam, Day, Gen.Int[0, 100], (e, d, s) => new ExamAttempt(e, d, s)).Array[0, 6],
                Gen.Select(Level, Day, (l, d) => new CertificationAward(l, d)).Array[0, 3], (training, exams, awards) => (training, exams, awards)),
            Gen.Select(Gen.Select(Day, Gen.Int[0, 500], (d, n) => new Commitment(d, d.AddDays(n))).Array[0, 3], Survey.Array[0, 8], Engagement.Array[0, 8],
                Gen.Select(Day, Gen.Long[0, 2_000_000], (d, a) => new CostEntry(d, a)).Array[0, 4], (commitments, surveys, engagement, costs) => (commitments, surveys, engagement, costs)),
            Gen.Int[0, 1000],
            (a, b, c, id) => new PartnerFacts
            {
                PartnerId = new PartnerId(new Guid(id, 1, 1, new byte[8])),
                Category = "channel",
                Subcategory = "resellers",
                PartnershipStart = a.start,
                Revenue = a.revenue,
                Deals = a.deals,
                Ratings = a.ratings,
                Training = b.training,
                Exams = b.exams,
                Certifications = b.awards,
                Commitments = c.commitments,
                Surveys = c.surveys,
                Engagement = c.engagement,
                Costs = c.costs,
            });

    /// <summary>The same facts with every array in another order.</summary>
    public static PartnerFacts Shuffled(PartnerFacts f, int seed)
    {
        var random = new Random(seed);
        T[] Shuffle<T>(T[] items)
        {
            var copy = (T[])items.Clone();
            random.Shuffle(copy);
            return copy;
        }

        return f with
        {
            Revenue = Shuffle(f.Revenue), Deals = Shuffle(f.Deals), Ratings = Shuffle(f.Ratings), Training = Shuffle(f.Training), Exams = Shuffle(f.Exams),
            Certifications = Shuffle(f.Certifications), Commitments = Shuffle(f.Commitments), Surveys = Shuffle(f.Surveys), Engagement = Shuffle(f.Engagement),
            Costs = Shuffle(f.Costs),
        };
    }
}
