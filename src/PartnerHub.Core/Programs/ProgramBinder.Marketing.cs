using PartnerHub.Core.Programs.Yaml;

namespace PartnerHub.Core.Programs;

internal sealed partial class ProgramBinder
{
    /// <summary>
    /// The enablement marketing section: material kinds and co-marketing activities (named texts), the collateral upload
    /// limits and the market development funds (budgets per tier and period, proof-of-performance upload limits).
    /// </summary>
    private MarketingSupport Marketing(MapReader map)
    {
        var marketing = new MarketingSupport(map.NamedTexts("materials"), map.NamedTexts("coMarketingActivities"))
        {
            Collateral = map.Map("collateral", required: false) is { } c ? Uploads(c) : UploadLimits.Default,
            Mdf = map.Map("mdf", required: false) is { } m ? Mdf(m) : MdfPolicy.None,
        };
        map.Done();
        return marketing;
    }

    private MdfPolicy Mdf(MapReader map)
    {
        var period = MdfPeriodKind.Quarter;
        if (map.Text("period") is { } text)
        {
            if (text == "year") period = MdfPeriodKind.Year;
            else if (text != "quarter") _sink.Add(map.Get("period")!, $"{map.Path}.period: '{YScalar.Shorten(text)}' is not a period; use quarter or year.");
        }

        var budgets = new List<MdfTierBudget>();
        foreach (var (tier, tierNode, node) in map.Keyed("budgets"))
        {
            Refer(RefKind.Tier, tier, tierNode);
            if (MapReader.From(_sink, node, $"the MDF budget of tier '{tier}'") is not { } budget) continue;
            var fixedMinor = budget.Money("fixed", _exponent, required: false) ?? 0;
            var percent = budget.Percent("percentOfTrailingRevenue", required: false) ?? 0;
            if (budget.Get("fixed") is null && budget.Get("percentOfTrailingRevenue") is null)
                _sink.Add(node, $"The MDF budget of tier '{tier}' needs 'fixed' (an amount per period), 'percentOfTrailingRevenue', or both.");
            budget.Done();
            budgets.Add(new MdfTierBudget(tier, fixedMinor, percent));
        }

        var proof = map.Map("proof", required: false) is { } p ? Uploads(p) : UploadLimits.Default;
        map.Done();
        return new MdfPolicy(period, budgets, proof);
    }
}
