using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PartnerHub.App.Csv;
using PartnerHub.App.Facts;
using PartnerHub.App.Partners;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Training;

/// <summary>Arranges partners for the training tests through the real use cases.</summary>
public static class TrainingData
{
    /// <summary>The certified exam's answer key in the seed program.</summary>
    public static readonly Dictionary<string, string[]> RightAnswers = new()
    {
        ["q1"] = ["b"], ["q2"] = ["a"], ["q3"] = ["a", "b", "d"], ["q4"] = ["b"],
    };

    public static readonly Dictionary<string, string[]> WrongAnswers = new()
    {
        ["q1"] = ["a"], ["q2"] = ["b"], ["q3"] = ["a"], ["q4"] = ["c"],
    };

    /// <summary>
    /// A technology consultant (whose revenue models include certification fees) eight months into the program, that
    /// meets Certified Partner's performance (new revenue, satisfaction 95, advocacy 90), holds an annual commitment and
    /// has completed Product Fundamentals (imported): only Sales Fundamentals and the certified exam are missing.
    /// </summary>
    public static async Task<PartnerId> AlmostCertifiedAsync(TestApp app)
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await using var scope = app.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<SavePartner>().CreateAsync(
            Build.Partner(Build.Unique("Trainee ")) with { Subcategory = "technology-consultants", AgreementStartsOn = today.AddMonths(-8) }, CancellationToken.None);
        var id = created.IsSuccess ? created.Value.Id : throw new InvalidOperationException(created.Error.Message);
        var import = scope.ServiceProvider.GetRequiredService<ImportFacts>();
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (kind, row) in new (string, Dictionary<string, string?>)[]
        {
            ("commitments", new() { ["partner"] = id.ToString(), ["starts_on"] = Day(-30), ["ends_on"] = Day(334) }),
            ("surveys", new() { ["external_id"] = Build.Unique("sat-"), ["partner"] = id.ToString(), ["kind"] = "satisfaction", ["answered_on"] = Day(-10), ["score"] = "95" }),
            ("surveys", new() { ["external_id"] = Build.Unique("adv-"), ["partner"] = id.ToString(), ["kind"] = "advocacy", ["answered_on"] = Day(-10), ["score"] = "90" }),
            ("revenue-events", new() { ["external_id"] = Build.Unique("pay-"), ["partner"] = id.ToString(), ["kind"] = "payment", ["occurred_on"] = Day(-20), ["amount"] = "1000.00" }),
            ("training", new() { ["partner"] = id.ToString(), ["track"] = "product-fundamentals", ["completed_on"] = Day(-5) }),
        })
        {
            var recorded = await import.RowsAsync(kind, [row], new ImportOptions(Strict: true), CancellationToken.None);
            if (!recorded.IsSuccess || !recorded.Value.Applied)
                throw new InvalidOperationException($"{kind}: {recorded.Error?.Message}{string.Join("; ", recorded.IsSuccess ? recorded.Value.Errors.Select(e => e.ToString()) : [])}");
        }

        return new PartnerId(id);
    }
}
