using PartnerHub.App.Partners;
using PartnerHub.Core.Common;
using PartnerHub.Core.Partners;
using PartnerHub.Tests.Deals;
using PartnerHub.Tests.Infrastructure;

namespace PartnerHub.Tests.Prospects;

/// <summary>Prospects and scores for the identification tests (the shipped program: weights 30/25/20/25, technology needs 70).</summary>
public static class ProspectData
{
    public static PartnerDetails Prospect(string subcategory = "ai-ml-platforms", string stage = "prospect") =>
        Build.Partner(Build.Unique("Prospect ")) with { Subcategory = subcategory, Stage = stage };

    public static Dictionary<string, int?> Scores(int strategic, int audience, int technical, int revenue) => new()
    {
        ["strategic-fit"] = strategic, ["audience-overlap"] = audience, ["technical-capability"] = technical, ["revenue-potential"] = revenue,
    };

    /// <summary>Fit 69: one point short of technology's 70, and passes channel's 55.</summary>
    public static Dictionary<string, int?> Fit69 => Scores(4, 3, 5, 2);

    /// <summary>Fit 91 (455 of 500) with revenue potential 5.</summary>
    public static Dictionary<string, int?> Fit91 => Scores(5, 4, 4, 5);

    public static async Task<PartnerView> CreateAsync(AppHarness app, PartnerDetails details) =>
        (await app.Run<SavePartner, Result<PartnerView>>(s => s.CreateAsync(details, CancellationToken.None))).Ok();
}
