using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Csv;
using PartnerHub.App.Facts;
using PartnerHub.App.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Relationships;

/// <summary>Partners with facts whose health, targets and tier are known by hand (the program's tiers: docs/program-format.md).</summary>
internal static class RelationshipData
{
    /// <summary>
    /// A partner that started on 2025-01-01 with <paramref name="monthly"/> collected on the 10th of each month from
    /// <paramref name="from"/> to <paramref name="to"/>, and every tier criterion rated <paramref name="rating"/> (0 = not rated).
    /// </summary>
    public static async Task<PartnerView> PartnerAsync(TestApp app, decimal monthly, DateOnly from, DateOnly to, int rating, string stage = "active")
    {
        await using var scope = app.Scope();
        var partner = (await scope.ServiceProvider.GetRequiredService<SavePartner>()
            .CreateAsync(Build.Partner() with { AgreementStartsOn = new DateOnly(2025, 1, 1), Stage = stage }, CancellationToken.None)).Value;
        var import = scope.ServiceProvider.GetRequiredService<ImportFacts>();
        var revenue = new StringBuilder("external_id,partner,kind,occurred_on,amount,customer\n");
        for (var month = from; month <= to && monthly > 0; month = month.AddMonths(1))
            revenue.Append(CultureInfo.InvariantCulture, $"{partner.Domain}-{month:yyyyMM},{partner.Domain},payment,{month:yyyy-MM-dd},{monthly:0.00},acme\n");
        var ratings = new StringBuilder("partner,criterion,rated_on,score\n");
        foreach (var criterion in new[] { "strategic-value", "market-position", "innovation", "commitment" })
            if (rating > 0) ratings.Append(CultureInfo.InvariantCulture, $"{partner.Domain},{criterion},2025-01-05,{rating}\n");
        foreach (var (kind, csv, rows) in new[] { ("revenue-events", revenue, monthly > 0), ("ratings", ratings, rating > 0) })
        {
            if (!rows) continue;
            var report = (await import.CsvAsync(kind, Encoding.UTF8.GetBytes(csv.ToString()), new ImportOptions(Strict: true), null, CancellationToken.None)).Value;
            Assert.True(report.Applied, string.Join("; ", report.Errors));
        }

        return partner;
    }

    /// <summary>Preferred on $61,200.00 over any 12 months from mid-2025 (every rating 3): misses the $100,000.00 Preferred revenue target.</summary>
    public static Task<PartnerView> PreferredAsync(TestApp app, int rating = 3) =>
        PartnerAsync(app, 5100m, new DateOnly(2025, 1, 10), new DateOnly(2026, 6, 10), rating);
}
