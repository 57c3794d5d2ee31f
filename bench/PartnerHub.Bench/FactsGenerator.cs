using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;

namespace PartnerHub.Bench;

/// <summary>
/// A deterministic program of N partners and M deals (seed 42): a heavy-tailed number of deals per partner, deals
/// registered between the partnership start and the as-of date, closed 5–120 days later (won 45 %, lost otherwise;
/// open when the close is after the as-of date), a payment for every won deal from one of the partner's 20 customers,
/// four manager ratings a year and a satisfaction and an advocacy answer a year. The same data feeds the engine, DuckDB,
/// SQLite and the PartnerHub database.
/// </summary>
public static class FactsGenerator
{
    public static readonly DateOnly AsOf = new(2026, 6, 30);

    private static readonly string[] Subcategories = ["resellers", "referral", "marketing-agencies", "technology-consultants", "integration", "ai-ml-platforms"];
    private static readonly string[] Criteria = ["strategic-value", "market-position", "innovation", "commitment"];

    public static ProgramFacts Generate(int partners, long deals, int seed = 42)
    {
        var random = new Random(seed);
        var weights = new double[partners];
        double total = 0;
        for (var p = 0; p < partners; p++)
        {
            // Log-normal sizes: most partners register a few deals, a few register very many.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            weights[p] = Math.Exp(gaussian);
            total += weights[p];
        }

        var counts = new int[partners];
        long assigned = 0;
        for (var p = 0; p < partners; p++)
        {
            counts[p] = (int)(deals * weights[p] / total);
            assigned += counts[p];
        }

        for (var p = 0; assigned < deals; p = (p + 1) % partners, assigned++) counts[p]++;

        var result = new PartnerFacts[partners];
        var asOf = AsOf.DayNumber;
        var idBytes = new byte[16];
        for (var p = 0; p < partners; p++)
        {
            random.NextBytes(idBytes);
            var start = AsOf.AddDays(-random.Next(60, 6 * 365));
            var span = asOf - start.DayNumber;
            var dealSize = 50_000 + random.Next(2_000_000); // minor units: $500 to $20,500
            var dealFacts = new DealFact[counts[p]];
            var revenue = new List<RevenueEvent>(counts[p] / 2);
            for (var d = 0; d < dealFacts.Length; d++)
            {
                var registered = start.DayNumber + random.Next(span + 1);
                var closed = registered + 5 + random.Next(116);
                var amount = (long)(dealSize * (0.5 + random.NextDouble()));
                if (closed > asOf) dealFacts[d] = new DealFact(DateOnly.FromDayNumber(registered), null, DealOutcome.Open, amount);
                else if (random.Next(100) < 45)
                {
                    dealFacts[d] = new DealFact(DateOnly.FromDayNumber(registered), DateOnly.FromDayNumber(closed), DealOutcome.Won, amount);
                    revenue.Add(new RevenueEvent(RevenueKind.Payment, DateOnly.FromDayNumber(closed), amount, 1 + random.Next(20)));
                }
                else dealFacts[d] = new DealFact(DateOnly.FromDayNumber(registered), DateOnly.FromDayNumber(closed), DealOutcome.Lost, amount);
            }

            var ratings = new List<ManagerRating>();
            var surveys = new List<SurveyResponse>();
            for (var year = start.AddDays(10); year <= AsOf; year = year.AddYears(1))
            {
                foreach (var criterion in Criteria) ratings.Add(new ManagerRating(criterion, year, 2 + random.Next(4)));
                surveys.Add(new SurveyResponse(SurveyKind.Satisfaction, year.AddDays(30), 60 + random.Next(41)));
                surveys.Add(new SurveyResponse(SurveyKind.Advocacy, year.AddDays(30), 40 + random.Next(61)));
            }

            var subcategory = Subcategories[p % Subcategories.Length];
            result[p] = new PartnerFacts
            {
                PartnerId = new PartnerId(new Guid(idBytes)),
                Category = subcategory is "resellers" or "referral" ? "channel" : subcategory is "integration" or "ai-ml-platforms" ? "technology" : "business",
                Subcategory = subcategory,
                PartnershipStart = start,
                Deals = dealFacts,
                Revenue = [.. revenue],
                Ratings = [.. ratings],
                Surveys = [.. surveys],
            };
        }

        return new ProgramFacts(result, []);
    }

    public static (long Deals, long Revenue, long Other) Count(ProgramFacts facts) =>
        (facts.Partners.Sum(p => (long)p.Deals.Length), facts.Partners.Sum(p => (long)p.Revenue.Length),
            facts.Partners.Sum(p => (long)p.Ratings.Length + p.Surveys.Length));
}
