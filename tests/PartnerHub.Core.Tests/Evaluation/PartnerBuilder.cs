using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;

namespace PartnerHub.Core.Tests.Evaluation;

/// <summary>Builds a partner's facts with sensible defaults: a reseller whose partnership started on 2024-01-15.</summary>
internal sealed class PartnerBuilder
{
    private static int _nextId;
    private readonly List<RevenueEvent> _revenue = [];
    private readonly List<DealFact> _deals = [];
    private readonly List<TrainingCompletion> _training = [];
    private readonly List<ExamAttempt> _exams = [];
    private readonly List<CertificationAward> _awards = [];
    private readonly List<Commitment> _commitments = [];
    private readonly List<SurveyResponse> _surveys = [];
    private readonly List<ManagerRating> _ratings = [];
    private readonly List<EngagementEvent> _engagement = [];
    private readonly List<CostEntry> _costs = [];
    private DateOnly _start = new(2024, 1, 15);
    private DateOnly? _end;
    private string _subcategory = "resellers";
    private string _category = "channel";

    public PartnerId Id { get; } = new(new Guid(Interlocked.Increment(ref _nextId), 0, 0, new byte[8]));

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public PartnerBuilder Started(string date) { _start = D(date); return this; }

    public PartnerBuilder Ended(string date) { _end = D(date); return this; }

    public PartnerBuilder In(string category, string subcategory) { (_category, _subcategory) = (category, subcategory); return this; }

    /// <summary>A payment of <paramref name="dollars"/> (major units, cents allowed) from a customer.</summary>
    public PartnerBuilder Paid(string date, decimal dollars, int customer = 1) => Revenue(RevenueKind.Payment, date, dollars, customer);

    public PartnerBuilder Revenue(RevenueKind kind, string date, decimal dollars, int customer = 1)
    {
        _revenue.Add(new RevenueEvent(kind, D(date), (long)(dollars * 100), customer));
        return this;
    }

    public PartnerBuilder Won(string registered, string closed, decimal dollars) { _deals.Add(new DealFact(D(registered), D(closed), DealOutcome.Won, (long)(dollars * 100))); return this; }

    public PartnerBuilder Lost(string registered, string closed) { _deals.Add(new DealFact(D(registered), D(closed), DealOutcome.Lost, 100_00)); return this; }

    public PartnerBuilder Open(string registered) { _deals.Add(new DealFact(D(registered), null, DealOutcome.Open, 100_00)); return this; }

    public PartnerBuilder Rated(string criterion, int score, string date) { _ratings.Add(new ManagerRating(criterion, D(date), score)); return this; }

    /// <summary>The same rating for all four tier criteria.</summary>
    public PartnerBuilder RatedAll(int score, string date = "2024-01-15")
    {
        foreach (var c in new[] { "strategic-value", "market-position", "innovation", "commitment" }) Rated(c, score, date);
        return this;
    }

    public PartnerBuilder Trained(string track, string date) { _training.Add(new TrainingCompletion(track, D(date))); return this; }

    public PartnerBuilder Took(string exam, string date, int score) { _exams.Add(new ExamAttempt(exam, D(date), score)); return this; }

    public PartnerBuilder Awarded(string level, string date) { _awards.Add(new CertificationAward(level, D(date))); return this; }

    public PartnerBuilder Committed(string from, string to) { _commitments.Add(new Commitment(D(from), D(to))); return this; }

    public PartnerBuilder Surveyed(SurveyKind kind, string date, int score) { _surveys.Add(new SurveyResponse(kind, D(date), score)); return this; }

    public PartnerBuilder Engaged(string kind, string date, int count = 1) { _engagement.Add(new EngagementEvent(kind, D(date), count)); return this; }

    public PartnerBuilder Cost(string date, decimal dollars) { _costs.Add(new CostEntry(D(date), (long)(dollars * 100))); return this; }

    public PartnerFacts Build() => new()
    {
        PartnerId = Id,
        Category = _category,
        Subcategory = _subcategory,
        PartnershipStart = _start,
        PartnershipEnd = _end,
        Revenue = [.. _revenue],
        Deals = [.. _deals],
        Training = [.. _training],
        Exams = [.. _exams],
        Certifications = [.. _awards],
        Commitments = [.. _commitments],
        Surveys = [.. _surveys],
        Ratings = [.. _ratings],
        Engagement = [.. _engagement],
        Costs = [.. _costs],
    };
}
