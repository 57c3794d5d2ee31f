using Microsoft.EntityFrameworkCore;
using PartnerHub.App.Facts;
using PartnerHub.App.Persistence;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;

namespace PartnerHub.App.Demo;

/// <summary>
/// A few years of history for the demo partners: payments and refunds from recurring customers, deals, training,
/// exams, certifications, commitments, surveys, ratings, weekly engagement, costs, and the company's monthly revenue.
/// Deterministic for a given day (a fixed seed per partner), and shaped so that the program shows a realistic spread:
/// a handful of Strategic partners, about twenty Preferred, and the rest Standard, with one partner inside a demotion
/// grace period and one about to be promoted, so every explanation has something to show.
/// </summary>
public static class DemoFacts
{
    public const int Seed = 20240102;

    /// <summary>The partners the strategy names as the closest relationships: Strategic when their partnership is old enough.</summary>
    private static readonly string[] StrategicDomains = ["openai.com", "anthropic.com", "microsoft.com", "aws.amazon.com", "zapier.com", "google.com", "coursera.org"];

    private const int StrategicTarget = 7;

    private const int PreferredTarget = 20;

    public enum Profile
    {
        Strategic,
        Preferred,
        Standard,
        Referral,

        /// <summary>Preferred until its revenue collapsed about nine months ago: Standard at the last reviews, Preferred held in the grace period.</summary>
        Declining,

        /// <summary>Standard until its revenue jumped in the last months: qualifies for Preferred today, promoted at the next review.</summary>
        Rising,
    }

    public sealed record DemoPartner(PartnerId Id, string Domain, string Subcategory, LifecycleStage Stage, DateOnly? Start);

    public sealed class Batch
    {
        public List<RevenueEventRecord> Revenue { get; } = [];
        public List<DealFactRecord> Deals { get; } = [];
        public List<TrainingCompletionRecord> Training { get; } = [];
        public List<ExamAttemptRecord> Exams { get; } = [];
        public List<CertificationAwardRecord> Certifications { get; } = [];
        public List<CommitmentRecord> Commitments { get; } = [];
        public List<SurveyResponseRecord> Surveys { get; } = [];
        public List<ManagerRatingRecord> Ratings { get; } = [];
        public List<EngagementRecord> Engagement { get; } = [];
        public List<CostRecord> Costs { get; } = [];
        public List<CompanyRevenueRecord> Company { get; } = [];
        public Dictionary<PartnerId, Profile> Profiles { get; } = [];
    }

    /// <summary>Which partners play which part; partners without a partnership start get none.</summary>
    public static Dictionary<PartnerId, Profile> Profiles(IReadOnlyList<DemoPartner> partners, DateOnly today)
    {
        var profiles = new Dictionary<PartnerId, Profile>();
        var random = new Random(Seed);
        int Months(DemoPartner p) => p.Start is { } s ? ((today.Year - s.Year) * 12) + today.Month - s.Month : 0;
        var live = partners.Where(p => p.Start is not null && p.Stage != LifecycleStage.Churned).ToList();

        // The closest relationships the strategy names first, then other technology partners, all with 15+ months behind them.
        var strategic = live.Where(p => StrategicDomains.Contains(p.Domain) && Months(p) >= 15)
            .Concat(live.Where(p => p.Subcategory is "ai-ml-platforms" or "cloud-infrastructure" or "integration" && Months(p) >= 15))
            .Distinct().Take(StrategicTarget);
        foreach (var p in strategic) profiles[p.Id] = Profile.Strategic;
        var declining = live.FirstOrDefault(p => p.Subcategory == "resellers" && Months(p) >= 24 && !profiles.ContainsKey(p.Id));
        if (declining is not null) profiles[declining.Id] = Profile.Declining;
        var rising = live.FirstOrDefault(p => p.Subcategory == "technology-consultants" && Months(p) >= 18 && !profiles.ContainsKey(p.Id));
        if (rising is not null) profiles[rising.Id] = Profile.Rising;

        // Preferred: the named partners first, then agencies, consultants and resellers drawn at random, all with 9+ months.
        var candidates = live.Where(p => !profiles.ContainsKey(p.Id) && Months(p) >= 9 && p.Subcategory != "referral").ToList();
        foreach (var p in candidates.Where(p => p.Subcategory is not ("marketing-agencies" or "technology-consultants" or "resellers")))
            if (profiles.Count(x => x.Value == Profile.Preferred) < PreferredTarget - 8) profiles[p.Id] = Profile.Preferred;
        var others = candidates.Where(p => !profiles.ContainsKey(p.Id)).OrderBy(_ => random.Next()).ToList();
        foreach (var p in others)
            if (profiles.Count(x => x.Value is Profile.Preferred or Profile.Declining) < PreferredTarget) profiles[p.Id] = Profile.Preferred;

        foreach (var p in partners.Where(p => p.Start is not null && !profiles.ContainsKey(p.Id)))
            profiles[p.Id] = p.Subcategory == "referral" ? Profile.Referral : Profile.Standard;
        return profiles;
    }

    /// <summary>Generates the history of every demo partner in the database and writes it with the bulk writer (a few hundred thousand rows at most).</summary>
    public static async Task<Batch> LoadAsync(PartnerHubDb db, DateOnly today, CancellationToken ct)
    {
        var rows = await db.Partners.AsNoTracking().OrderBy(p => p.CreatedAt).ThenBy(p => p.Domain)
            .Select(p => new { p.Id, p.Domain, p.Subcategory, p.Stage, p.Agreement }).ToListAsync(ct);
        var batch = Generate(rows.Select(p => new DemoPartner(p.Id, p.Domain, p.Subcategory, p.Stage, p.Agreement.StartsOn)).ToList(), today);
        await FactBulkWriter.WriteAsync(db, batch.Revenue, ct);
        await FactBulkWriter.WriteAsync(db, batch.Deals, ct);
        await FactBulkWriter.WriteAsync(db, batch.Training, ct);
        await FactBulkWriter.WriteAsync(db, batch.Exams, ct);
        await FactBulkWriter.WriteAsync(db, batch.Certifications, ct);
        await FactBulkWriter.WriteAsync(db, batch.Commitments, ct);
        await FactBulkWriter.WriteAsync(db, batch.Surveys, ct);
        await FactBulkWriter.WriteAsync(db, batch.Ratings, ct);
        await FactBulkWriter.WriteAsync(db, batch.Engagement, ct);
        await FactBulkWriter.WriteAsync(db, batch.Costs, ct);
        db.AddRange(batch.Company);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return batch;
    }

    public static Batch Generate(IReadOnlyList<DemoPartner> partners, DateOnly today)
    {
        var batch = new Batch();
        foreach (var (id, profile) in Profiles(partners, today)) batch.Profiles[id] = profile;
        var received = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        for (var i = 0; i < partners.Count; i++)
        {
            var p = partners[i];
            if (p.Start is not { } start || !batch.Profiles.TryGetValue(p.Id, out var profile)) continue;
            var end = p.Stage == LifecycleStage.Churned ? today : (DateOnly?)null;
            new PartnerHistory(batch, p, profile, start, end, today, received, new Random(Seed + (i * 7919))).Generate();
        }

        Company(batch, today);
        return batch;
    }

    private static void Company(Batch batch, DateOnly today)
    {
        var random = new Random(Seed);
        var first = new DateOnly(today.Year - 3, today.Month, 1);
        for (var month = first; month < new DateOnly(today.Year, today.Month, 1); month = month.AddMonths(1))
        {
            var age = ((month.Year - first.Year) * 12) + month.Month - first.Month;
            var revenue = 1_200_000m * (decimal)Math.Pow(1.025, age) * (0.92m + ((decimal)random.NextDouble() * 0.16m));
            batch.Company.Add(new CompanyRevenueRecord { Year = month.Year, Month = month.Month, RevenueMinor = (long)(revenue * 100), Currency = "USD" });
        }
    }

    private sealed class PartnerHistory(Batch batch, DemoPartner partner, Profile profile, DateOnly start, DateOnly? end, DateOnly today,
        DateTimeOffset received, Random random)
    {
        private readonly DateOnly _last = end is { } e && e < today ? e.AddDays(-1) : today;
        private readonly Dictionary<(string Kind, DateOnly Day), EngagementRecord> _engagement = [];
        private int _events;

        private PartnerId Id => partner.Id;

        private string Ref(string kind) => $"demo-{kind}-{partner.Domain}-{++_events}";

        public void Generate()
        {
            Revenue();
            Deals();
            Enablement();
            Surveys();
            Ratings();
            Engagement();
            Costs();
            batch.Engagement.AddRange(_engagement.Values);
        }

        /// <summary>Engagement is stored per kind and day: events of the same kind on the same day add up.</summary>
        private void Engage(string kind, DateOnly day, int count)
        {
            if (count <= 0 || day > _last) return;
            if (_engagement.TryGetValue((kind, day), out var known)) known.Count += count;
            else _engagement[(kind, day)] = new EngagementRecord { PartnerId = Id, Kind = kind, OccurredOn = day, Count = count };
        }

        /// <summary>Annual revenue the partner runs at today, in dollars; history is scaled back by its growth.</summary>
        private (decimal Annual, double Growth) Size() => profile switch
        {
            Profile.Strategic => (Range(160_000, 520_000), Between(0.25, 0.7)),
            Profile.Preferred => (Range(34_000, 88_000), Between(0.05, 0.45)),
            Profile.Declining => (45_000, 0.1),
            Profile.Rising => (60_000, 0.2),
            Profile.Referral => (Range(500, 9_000), Between(-0.2, 0.4)),
            _ => (Range(3_000, 20_000), Between(-0.2, 0.4)),
        };

        private void Revenue()
        {
            var (annual, growth) = Size();
            var customers = profile switch { Profile.Strategic => 18, Profile.Preferred or Profile.Declining or Profile.Rising => 9, Profile.Referral => 2, _ => 4 };
            for (var month = new DateOnly(start.Year, start.Month, 1); month <= _last; month = month.AddMonths(1))
            {
                var monthsAgo = ((today.Year - month.Year) * 12) + today.Month - month.Month;
                var level = annual / 12m * (decimal)Math.Pow(1 + growth, -monthsAgo / 12.0);
                if (profile == Profile.Declining && monthsAgo <= 8) level *= 0.04m;
                if (profile == Profile.Rising && monthsAgo >= 4) level *= 0.25m;
                var payments = 1 + random.Next(profile == Profile.Strategic ? 5 : 3);
                for (var n = 0; n < payments; n++)
                {
                    var day = month.AddDays(random.Next(28));
                    if (day < start || day > _last) continue;
                    var amount = (long)(level / payments * (0.7m + ((decimal)random.NextDouble() * 0.6m)) * 100);
                    if (amount <= 0) continue;
                    // Most customers stay from year to year; a few are replaced.
                    var customer = $"cust-{partner.Domain}-{random.Next(customers) + (monthsAgo / 12 * (random.Next(12) == 0 ? customers : 0))}";
                    batch.Revenue.Add(Event(RevenueKind.Invoice, day.AddDays(-14) < start ? day : day.AddDays(-14), amount, customer));
                    var payment = Event(RevenueKind.Payment, day, amount, customer);
                    batch.Revenue.Add(payment);
                    if (random.Next(60) == 0 && day.AddDays(20) <= _last)
                    {
                        var refund = Event(RevenueKind.Refund, day.AddDays(20), amount / 2, customer);
                        refund.OriginalExternalId = payment.ExternalId; // so the commission on the payment is clawed back in proportion
                        batch.Revenue.Add(refund);
                    }
                }
            }
        }

        private RevenueEventRecord Event(RevenueKind kind, DateOnly day, long amount, string? customer) => new()
        {
            ExternalId = Ref(kind.ToString().ToLowerInvariant()), PartnerId = Id, Kind = kind, OccurredOn = day, AmountMinor = amount, Currency = "USD",
            CustomerRef = customer, Source = "demo", ReceivedAt = received,
        };

        private void Deals()
        {
            var (perMonth, size, winRate) = profile switch
            {
                Profile.Strategic => (4.0, 28_000, 0.6),
                Profile.Preferred or Profile.Declining or Profile.Rising => (2.0, 9_000, 0.5),
                Profile.Referral => (0.3, 2_500, 0.35),
                _ => (0.8, 4_000, 0.4),
            };
            for (var month = new DateOnly(start.Year, start.Month, 1); month <= _last; month = month.AddMonths(1))
            {
                var count = (int)perMonth + (random.NextDouble() < perMonth % 1 ? 1 : 0);
                for (var n = 0; n < count; n++)
                {
                    var registered = month.AddDays(random.Next(28));
                    if (registered < start || registered > _last) continue;
                    var closed = registered.AddDays(15 + random.Next(90));
                    var won = random.NextDouble() < winRate;
                    var amount = (long)(size * (0.5 + random.NextDouble()) * 100);
                    var open = closed > _last;
                    var deal = new DealFactRecord
                    {
                        ExternalId = Ref("deal"), PartnerId = Id, RegisteredOn = registered, ClosedOn = open ? null : closed,
                        Outcome = open ? DealOutcome.Open : won ? DealOutcome.Won : DealOutcome.Lost, AmountMinor = amount, Currency = "USD",
                    };
                    batch.Deals.Add(deal);
                    if (deal.Outcome == DealOutcome.Won) batch.Revenue.Add(Event(RevenueKind.Booking, closed, amount, null));
                }
            }
        }

        private void Enablement()
        {
            var level = profile switch
            {
                Profile.Strategic => 2,
                Profile.Preferred or Profile.Declining or Profile.Rising => random.Next(3) == 0 ? 2 : 1,
                Profile.Standard => random.Next(4) == 0 ? 1 : 0,
                _ => 0,
            };
            Track("product-fundamentals", 20 + random.Next(30));
            if (level == 0 && random.Next(2) == 0) return;
            Track("sales-fundamentals", 30 + random.Next(30));
            if (level == 0) return;

            // Certified: the exam, sometimes failed first; the award once six months are done, renewed every year.
            var exam = start.AddDays(50 + random.Next(20));
            if (random.Next(4) == 0)
            {
                Exam("certified-exam", exam, 55 + random.Next(14));
                exam = exam.AddDays(21);
            }

            Exam("certified-exam", exam, 72 + random.Next(25));
            Commitments();
            Awards("certified", start.AddMonths(6).AddDays(random.Next(20)));
            if (level < 2) return;
            Track("advanced-sales", 200 + random.Next(60));
            Track("technical-implementation", 220 + random.Next(60));
            Exam("advanced-exam", start.AddDays(300 + random.Next(30)), 78 + random.Next(20));
            Awards("advanced", start.AddMonths(12).AddDays(random.Next(20)));
        }

        private void Track(string track, int days)
        {
            var on = start.AddDays(days);
            if (on > _last) return;
            batch.Training.Add(new TrainingCompletionRecord { PartnerId = Id, Track = track, CompletedOn = on });
            Engage("training-completed", on, 1);
        }

        private void Exam(string exam, DateOnly on, int score)
        {
            if (on <= _last) batch.Exams.Add(new ExamAttemptRecord { PartnerId = Id, Exam = exam, TakenOn = on, Score = Math.Min(100, score) });
        }

        private void Awards(string level, DateOnly first)
        {
            for (var on = first; on <= _last; on = on.AddMonths(12))
                batch.Certifications.Add(new CertificationAwardRecord { PartnerId = Id, Level = level, AwardedOn = on });
        }

        private void Commitments()
        {
            for (var from = start; from <= _last; from = from.AddYears(1))
                batch.Commitments.Add(new CommitmentRecord { PartnerId = Id, StartsOn = from, EndsOn = from.AddYears(1).AddDays(-1), Description = "Annual business plan" });
        }

        private void Surveys()
        {
            var (satisfaction, advocacy) = profile switch
            {
                Profile.Strategic => (96, 86),
                Profile.Preferred or Profile.Rising => (87, 73),
                Profile.Declining => (74, 55),
                _ => (79, 61),
            };
            for (var quarter = start.AddMonths(3); quarter <= _last; quarter = quarter.AddMonths(3))
            {
                var answers = 1 + random.Next(profile == Profile.Strategic ? 3 : 2);
                for (var n = 0; n < answers; n++) Survey(SurveyKind.Satisfaction, quarter.AddDays(random.Next(20)), satisfaction);
                Survey(SurveyKind.Advocacy, quarter.AddDays(random.Next(20)), advocacy);
            }
        }

        private void Survey(SurveyKind kind, DateOnly on, int mean)
        {
            if (on > _last) return;
            var score = Math.Clamp(mean + random.Next(-8, 9), 0, 100);
            batch.Surveys.Add(new SurveyResponseRecord { ExternalId = Ref("survey"), PartnerId = Id, Kind = kind, AnsweredOn = on, Score = score });
        }

        private void Ratings()
        {
            var (low, high) = profile switch
            {
                Profile.Strategic => (4, 5),
                Profile.Preferred or Profile.Declining or Profile.Rising => (3, 4),
                _ => (2, 3),
            };
            string[] criteria = ["strategic-value", "market-position", "innovation", "commitment"];
            for (var review = start.AddDays(10); review <= _last; review = review.AddMonths(3))
                foreach (var criterion in criteria)
                    batch.Ratings.Add(new ManagerRatingRecord
                    {
                        PartnerId = Id, Criterion = criterion, RatedOn = review, Score = low + random.Next(high - low + 1), RatedBy = "maria.lopez@partnerhub.demo",
                    });
        }

        private void Engagement()
        {
            var logins = profile switch { Profile.Strategic => 9, Profile.Preferred or Profile.Rising => 5, Profile.Declining => 1, Profile.Referral => 1, _ => 2 };
            var integration = start.AddDays(10 + random.Next(40));
            if (profile != Profile.Referral) Engage("integration-live", integration, 1);
            var monday = start.AddDays(-(((int)start.DayOfWeek + 6) % 7));
            for (var week = monday; week <= _last; week = week.AddDays(7))
            {
                if (week < start) continue;
                var count = Math.Max(0, logins + random.Next(-logins / 2 - 1, logins / 2 + 2));
                Engage("login", week, count);
                if (random.Next(3) == 0) Engage("download", week.AddDays(2), 1 + random.Next(3));
                if (week.Day <= 7 && random.Next(2) == 0) Engage("webinar-attended", week.AddDays(3), 1);
                if (week.Day <= 7 && week.Month % 3 == 0 && profile is Profile.Strategic or Profile.Preferred) Engage("co-marketing-activity", week.AddDays(1), 1);
            }
        }

        private void Costs()
        {
            if (profile is not (Profile.Strategic or Profile.Preferred or Profile.Rising or Profile.Declining)) return;
            var size = profile == Profile.Strategic ? 9_000 : 2_500;
            for (var quarter = start.AddMonths(1); quarter <= _last; quarter = quarter.AddMonths(3))
                batch.Costs.Add(new CostRecord
                {
                    ExternalId = Ref("cost"), PartnerId = Id, IncurredOn = quarter, AmountMinor = (long)(size * (0.6 + random.NextDouble()) * 100), Currency = "USD",
                    Category = random.Next(2) == 0 ? "enablement" : "mdf", Description = "Quarterly enablement and market development",
                });
        }

        private decimal Range(int min, int max) => min + random.Next(max - min);

        private double Between(double min, double max) => min + (random.NextDouble() * (max - min));
    }
}
